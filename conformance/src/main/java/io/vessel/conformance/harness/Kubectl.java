package io.vessel.conformance.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Stock kubectl, run as a process against one cluster's kubeconfig.
 *
 * <p>Every run gets the same small, explicit environment: {@code HOME} and {@code KUBECACHEDIR}
 * point into the cluster's own scratch directory (one cache per kubectl version), so neither the
 * developer's {@code ~/.kube} nor a discovery cache from an earlier run or another client version
 * can influence what is seen. {@code KUBECONFIG} is never set; the kubeconfig is always passed with
 * {@code --kubeconfig}.
 */
public final class Kubectl {

  /** How long a single kubectl command may take unless the caller says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

  private final KubectlBinary binary;
  private final Path kubeconfig;
  private final Path home;
  private final Supplier<String> diagnostics;

  /**
   * @param binary which kubectl to run
   * @param kubeconfig the cluster's kubeconfig
   * @param home a scratch directory owned by the cluster; HOME and the discovery cache live here
   * @param diagnostics extra text for failure messages, such as the server log tail
   */
  public Kubectl(KubectlBinary binary, Path kubeconfig, Path home, Supplier<String> diagnostics) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
    this.home = home;
    this.diagnostics = diagnostics;
  }

  /** The kubectl versions present on this machine (1.28 and 1.33 where installed). */
  public static List<KubectlBinary> available() {
    return Discovered.BINARIES;
  }

  /** Looked up once per JVM, on first use. */
  private static final class Discovered {
    static final List<KubectlBinary> BINARIES = KubectlBinary.discover();
  }

  /** Which kubectl this is. */
  public KubectlBinary binary() {
    return binary;
  }

  /** Runs {@code kubectl --kubeconfig K args...} with the default timeout. */
  public Result run(String... args) {
    return run(DEFAULT_TIMEOUT, null, args);
  }

  /**
   * Runs {@code kubectl --kubeconfig K args...}.
   *
   * @param timeout how long it may take before it is killed and the test fails
   * @param stdin a manifest or other text for standard input, or null
   */
  public Result run(Duration timeout, String stdin, String... args) {
    return CommandRunner.run(command(args), home, environment(), stdin, timeout);
  }

  /**
   * Runs {@code kubectl --kubeconfig K args...} with the default timeout and {@code extra}
   * variables (such as {@code KUBE_EDITOR}) added to the usual environment.
   */
  public Result runWithEnvironment(Map<String, String> extra, String... args) {
    var environment = new HashMap<>(environment());
    environment.putAll(extra);
    return CommandRunner.run(command(args), home, environment, null, DEFAULT_TIMEOUT);
  }

  /**
   * Runs a command that must work as a user expects: exit code 0 and an empty stderr.
   *
   * @throws AssertionError with the command, its outputs and the cluster's diagnostics
   */
  public Result succeed(String... args) {
    var result = run(args);
    if (result.exitCode() != 0 || !result.stderr().isEmpty()) {
      throw new AssertionError("expected exit code 0 and an empty stderr, but\n" + explain(result));
    }
    return result;
  }

  /** The result's account plus the cluster's diagnostics, for assertion messages. */
  public String explain(Result result) {
    return result.describe() + diagnostics.get();
  }

  /**
   * Starts a long-running kubectl (such as {@code get ns -w}); its output lines are collected as
   * they arrive. Stop it with {@link BackgroundProcess#stop()} or try-with-resources.
   */
  public BackgroundProcess start(String... args) {
    var builder = new ProcessBuilder(command(args)).directory(home.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment());
    return BackgroundProcess.start(builder);
  }

  private List<String> command(String... args) {
    var command = new ArrayList<String>();
    command.add(binary.path().toString());
    command.add("--kubeconfig");
    command.add(kubeconfig.toString());
    command.addAll(List.of(args));
    return command;
  }

  private Map<String, String> environment() {
    return Map.of(
        "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
        "HOME", home.toString(),
        // one cache per client version: 1.28 and 1.33 negotiate discovery differently, and
        // each must do its own against the server rather than read the other's cache
        "KUBECACHEDIR", home.resolve("cache-" + binary.version()).toString(),
        "LANG", "C.UTF-8");
  }

  @Override
  public String toString() {
    return binary.toString();
  }
}
