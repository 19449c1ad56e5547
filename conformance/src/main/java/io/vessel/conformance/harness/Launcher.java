package io.vessel.conformance.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code vessel} launcher script at the repository root, run as a user would run it.
 *
 * <p>Contract (owned by the launcher): {@code up --detach} returns 0 only once the API is ready and
 * refuses a state directory that is already running ("already running"); {@code down} returns 0
 * whether or not it was running; {@code status} returns 0 and "running", or 3 and "not running".
 */
public final class Launcher {

  /** {@code up} may build Vessel on first use, so it gets a generous deadline. */
  public static final Duration UP_TIMEOUT = Duration.ofMinutes(20);

  public static final Duration DOWN_TIMEOUT = Duration.ofMinutes(2);

  private final Path home;

  /**
   * @param home the repository root holding the {@code vessel} script
   */
  public Launcher(Path home) {
    this.home = home.toAbsolutePath().normalize();
  }

  /** The launcher under system property {@code vessel.home} (default: the working directory). */
  public static Launcher fromSystemProperties() {
    return new Launcher(Path.of(System.getProperty("vessel.home", ".")));
  }

  /** The script itself. */
  public Path script() {
    return home.resolve("vessel");
  }

  /** Whether the script exists and can be run. */
  public boolean present() {
    return Files.isExecutable(script());
  }

  /** {@code vessel up --detach --state-dir DIR --port N}. */
  public Result up(Path stateDir, int port) {
    return up(stateDir, port, List.of());
  }

  /**
   * {@code vessel up --detach --state-dir DIR --port N} followed by {@code extraArgs}, with {@code
   * --node off} unless they say otherwise: the suites bring their own node doubles, and a real
   * node would take their pods.
   */
  public Result up(Path stateDir, int port, List<String> extraArgs) {
    var args = new ArrayList<String>();
    args.addAll(
        List.of("up", "--detach", "--state-dir", stateDir.toString(), "--port", Integer.toString(port)));
    if (!extraArgs.contains("--node")) {
      args.addAll(List.of("--node", "off"));
    }
    args.addAll(extraArgs);
    return run(UP_TIMEOUT, args.toArray(String[]::new));
  }

  /** {@code vessel down --state-dir DIR}. */
  public Result down(Path stateDir) {
    return run(DOWN_TIMEOUT, "down", "--state-dir", stateDir.toString());
  }

  /** {@code vessel status --state-dir DIR}. */
  public Result status(Path stateDir) {
    return run(DOWN_TIMEOUT, "status", "--state-dir", stateDir.toString());
  }

  /** Any other launcher command, e.g. {@code node-kubeconfig} or {@code agent}. */
  public Result command(Duration timeout, String... args) {
    return run(timeout, args);
  }

  private Result run(Duration timeout, String... args) {
    var command = new ArrayList<String>();
    command.add(script().toString());
    command.addAll(List.of(args));
    // inherits this JVM's environment: the launcher may need JAVA_HOME, mvn and PATH to build
    return CommandRunner.run(command, home, null, null, timeout);
  }
}
