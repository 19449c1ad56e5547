package io.vessel.cri;

import java.time.Duration;
import java.util.Objects;

/**
 * Deadlines for CRI calls. Every call has one: a runtime that hangs must not hang the node agent's
 * worker thread with it.
 *
 * <p>Two calls get more than {@link #call()} on top of what they ask the runtime to wait:
 * StopContainer waits {@code call + grace period}, and ExecSync waits {@code call + its own
 * timeout}, so that the runtime, not the transport, reports an exec or a stop that ran long.
 *
 * @param call the deadline of every call not named below
 * @param runPodSandbox RunPodSandbox sets up the pod's network through CNI, which can be slow; the
 *     kubelet gives it twice the normal timeout
 * @param pullImage PullImage downloads the image; its time depends on size and registry, not on the
 *     runtime
 */
public record CriTimeouts(Duration call, Duration runPodSandbox, Duration pullImage) {

  /** 30 s per call, 60 s to run a sandbox, 2 min to pull an image. */
  public static final CriTimeouts DEFAULT =
      new CriTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(2));

  public CriTimeouts {
    requirePositive(call, "call");
    requirePositive(runPodSandbox, "runPodSandbox");
    requirePositive(pullImage, "pullImage");
  }

  /** The deadline for the RPC with this bare name (e.g. {@code "PullImage"}). */
  Duration forMethod(String bareMethodName) {
    return switch (bareMethodName) {
      case "RunPodSandbox" -> runPodSandbox;
      case "PullImage" -> pullImage;
      default -> call;
    };
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " timeout must be positive, got " + d);
    }
  }
}
