package io.vessel.agent.probe;

import io.vessel.cri.CriClient;
import io.vessel.cri.CriException;
import java.time.Duration;
import java.util.List;

/** An exec action through CRI ExecSync: exit code 0 succeeds, any other fails. */
final class ExecProbe {
  private final CriClient cri;

  ExecProbe(CriClient cri) {
    this.cri = cri;
  }

  ProbeResult run(String containerId, List<String> command, Duration timeout) {
    try {
      var response = cri.execSync(containerId, command, timeout);
      String output = response.getStdout().toStringUtf8() + response.getStderr().toStringUtf8();
      return response.getExitCode() == 0
          ? ProbeResult.success(output)
          : ProbeResult.failure(output);
    } catch (CriException e) {
      if (e.isDeadlineExceeded()) {
        // a command that outruns timeoutSeconds is a failure, not an error (as since 1.20)
        return ProbeResult.failure(
            "command \"" + String.join(" ", command) + "\" timed out");
      }
      return ProbeResult.unknown(e.getMessage());
    }
  }
}
