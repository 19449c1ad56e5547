package io.vessel.conformance.bench;

import io.vessel.conformance.harness.LocalNode;

/**
 * {@code vessel bench pods [--pods N]}: starts a fresh Vessel with its local node, runs {@link
 * PodStartupBench} (50 pods by default) and prints its table. Exit status: 0 when every pod ran, 1
 * when one did not, 2 on a usage error, 3 when the benchmark could not run.
 */
public final class PodStartupBenchMain {
  private PodStartupBenchMain() {}

  public static void main(String[] args) {
    int pods = 50;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--pods") && i + 1 < args.length) {
        pods = Integer.parseInt(args[++i]);
      } else {
        System.err.println("usage: vessel bench pods [--pods N]");
        System.exit(2);
      }
    }
    try (var cluster = LocalNode.startCluster()) {
      var result = PodStartupBench.run(cluster, "bench-pods", pods);
      System.out.print(result.table());
      System.exit(result.running() == pods ? 0 : 1);
    } catch (Exception | AssertionError e) {
      System.err.println("vessel bench pods: could not run: " + e);
      System.exit(3);
    }
  }
}
