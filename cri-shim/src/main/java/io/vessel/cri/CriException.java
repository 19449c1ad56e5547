package io.vessel.cri;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Objects;

/**
 * A CRI call that failed. {@link #code()} is the gRPC status code, from the runtime or from the
 * transport:
 *
 * <ul>
 *   <li>{@code NOT_FOUND}: no sandbox, container or image with that id (containerd wraps its "not
 *       found" errors with this code);
 *   <li>{@code UNAVAILABLE}: the socket is missing or the runtime is not answering;
 *   <li>{@code DEADLINE_EXCEEDED}: the call ran past its {@link CriTimeouts deadline}, or, for
 *       ExecSync, the command ran past its own timeout;
 *   <li>{@code UNIMPLEMENTED}: the runtime lacks the RPC, or does not serve {@code runtime.v1} at
 *       all;
 *   <li>{@code UNKNOWN}: most other runtime errors (containerd maps only a few error kinds to
 *       codes; "container is in CONTAINER_EXITED state" arrives as UNKNOWN);
 *   <li>{@code INTERNAL}, set by this client: the runtime's reply broke the protocol, such as an
 *       empty sandbox id from RunPodSandbox.
 * </ul>
 *
 * <p>Unchecked: the node agent's workers treat every runtime failure alike (requeue with backoff),
 * and look at the code only where it changes the decision, typically {@link #isNotFound()}.
 */
public final class CriException extends RuntimeException {

  private final String rpc;
  private final Status.Code code;

  CriException(String rpc, Status.Code code, String message, Throwable cause) {
    super(
        "CRI " + rpc + ": " + code + (message == null || message.isEmpty() ? "" : ": " + message),
        cause);
    this.rpc = Objects.requireNonNull(rpc, "rpc");
    this.code = Objects.requireNonNull(code, "code");
  }

  /** Wraps a failed gRPC call, keeping the runtime's code and message. */
  static CriException fromStatus(String rpc, StatusRuntimeException e) {
    Status status = e.getStatus();
    return new CriException(rpc, status.getCode(), status.getDescription(), e);
  }

  /** A reply that broke the protocol, e.g. a missing required field. */
  static CriException badResponse(String rpc, String problem) {
    return new CriException(rpc, Status.Code.INTERNAL, "invalid response: " + problem, null);
  }

  /** The RPC that failed, by its bare name (e.g. {@code "ContainerStatus"}). */
  public String rpc() {
    return rpc;
  }

  public Status.Code code() {
    return code;
  }

  public boolean isNotFound() {
    return code == Status.Code.NOT_FOUND;
  }

  public boolean isUnavailable() {
    return code == Status.Code.UNAVAILABLE;
  }

  public boolean isDeadlineExceeded() {
    return code == Status.Code.DEADLINE_EXCEEDED;
  }

  public boolean isUnimplemented() {
    return code == Status.Code.UNIMPLEMENTED;
  }

  /** True if {@code t} is a CRI NOT_FOUND failure: handy in {@code catch (RuntimeException e)}. */
  public static boolean isNotFound(Throwable t) {
    return t instanceof CriException e && e.isNotFound();
  }
}
