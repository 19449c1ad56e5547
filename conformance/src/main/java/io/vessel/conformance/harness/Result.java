package io.vessel.conformance.harness;

import java.util.List;

/**
 * What a finished command left behind: its exit code and everything it printed.
 *
 * @param command the argument vector that was run, for failure messages
 * @param exitCode the process exit code
 * @param stdout everything written to standard output
 * @param stderr everything written to standard error
 */
public record Result(List<String> command, int exitCode, String stdout, String stderr) {

  public Result {
    command = List.copyOf(command);
  }

  /** Standard output split into lines, without a trailing empty line. */
  public List<String> stdoutLines() {
    return Text.lines(stdout);
  }

  /** Standard error split into lines, without a trailing empty line. */
  public List<String> stderrLines() {
    return Text.lines(stderr);
  }

  /**
   * Asserts what a user expects from a command that worked: exit code 0 and nothing at all on
   * standard error (no warnings either).
   *
   * @return this result, to read its output
   * @throws AssertionError naming the command, the exit code and both outputs
   */
  public Result expectSuccess() {
    if (exitCode != 0 || !stderr.isEmpty()) {
      throw new AssertionError("expected exit code 0 and an empty stderr, but\n" + describe());
    }
    return this;
  }

  /** A multi-line account of the command and its outputs, for assertion messages. */
  public String describe() {
    return "$ "
        + String.join(" ", command)
        + "\nexit code: "
        + exitCode
        + "\n--- stdout ---\n"
        + stdout
        + (stdout.endsWith("\n") || stdout.isEmpty() ? "" : "\n")
        + "--- stderr ---\n"
        + stderr;
  }
}
