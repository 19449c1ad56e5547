package io.vessel.conformance.bench;

/**
 * {@code vessel bench api [--quick] [--out FILE] [--resource pods|services]}: runs the API
 * benchmark, prints the results table and writes the JSON file. Exit status: 0 when every
 * correctness check passed (targets are reported, never enforced), 1 when one failed, 2 on a usage
 * error, 3 when the benchmark could not run at all.
 */
public final class ApiBenchMain {

  private ApiBenchMain() {}

  public static void main(String[] args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("vessel bench api: " + e.getMessage());
      System.err.println(
          "usage: vessel bench api [--quick] [--out FILE] [--resource pods|services]");
      System.exit(2);
      return;
    }
    try {
      var report = ApiBench.run(options);
      report.notes.add(
          "shared "
              + Runtime.getRuntime().availableProcessors()
              + "-core machine: the bench client, Vessel and PostgreSQL compete for the same cores"
              + " (and other builds may run): figures are indicative; see cpuCores per phase");
      report.addFindings();
      report.write(options.out());
      System.out.print(report.table());
      System.out.println("results: " + options.out());
      System.exit(report.passed() ? 0 : 1);
    } catch (Exception e) {
      System.err.println("vessel bench api: could not run: " + e);
      e.printStackTrace();
      System.exit(3);
    }
  }
}
