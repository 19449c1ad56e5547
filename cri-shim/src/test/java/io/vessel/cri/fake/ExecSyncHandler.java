package io.vessel.cri.fake;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.vessel.cri.v1.ExecSyncResponse;
import java.util.List;

/**
 * What ExecSync does in the fake, for a running container. It may throw a {@link
 * io.grpc.StatusRuntimeException} to fail the call, e.g. DEADLINE_EXCEEDED for a command that
 * outran its timeout.
 */
@FunctionalInterface
public interface ExecSyncHandler {

  ExecSyncResponse exec(String containerId, List<String> cmd, long timeoutSeconds);

  /**
   * The default: {@code echo ARGS} prints its arguments, {@code true} and {@code false} exit 0 and
   * 1, and anything else fails as runc does for a binary missing from the image.
   */
  static ExecSyncHandler builtins() {
    return (containerId, cmd, timeoutSeconds) -> {
      String program = cmd.isEmpty() ? "" : cmd.get(0);
      return switch (program) {
        case "echo" -> result(0, String.join(" ", cmd.subList(1, cmd.size())) + "\n");
        case "true" -> result(0, "");
        case "false" -> result(1, "");
        default ->
            throw Status.UNKNOWN
                .withDescription(
                    "failed to exec in container: failed to start exec: OCI runtime exec failed:"
                        + " exec failed: unable to start container process: exec: \""
                        + program
                        + "\": executable file not found in $PATH: unknown")
                .asRuntimeException();
      };
    };
  }

  static ExecSyncResponse result(int exitCode, String stdout) {
    return ExecSyncResponse.newBuilder()
        .setExitCode(exitCode)
        .setStdout(ByteString.copyFromUtf8(stdout))
        .build();
  }
}
