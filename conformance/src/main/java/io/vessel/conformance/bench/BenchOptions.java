package io.vessel.conformance.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What one run of the API benchmark does: sizes of every phase, the resource it writes, and where
 * the results go. Validated on construction.
 *
 * @param quick the smoke-test sizes (finishes in well under a minute)
 * @param resource the kind written and read (pods; services until pods exist)
 * @param clients concurrent clients of the write, update and GET phases (and the baseline)
 * @param objects objects created, then updated, then listed
 * @param warmup operations run first and not measured, so the JITs of both sides are warm
 * @param gets GETs by name in the GET phase
 * @param listRepetitions repetitions of each LIST variant
 * @param watchers concurrent watch streams of the fan-out phase
 * @param streamsPerConnection HTTP/2 streams per connection for the watchers (the server allows
 *     100)
 * @param writesPerSecond the open-loop write rate while the watchers listen
 * @param watchSeconds how long the writers write
 * @param out the JSON results file
 * @param home the repository root with the {@code vessel} launcher
 */
public record BenchOptions(
    boolean quick,
    BenchResource resource,
    int clients,
    int objects,
    int warmup,
    int gets,
    int listRepetitions,
    int watchers,
    int streamsPerConnection,
    int writesPerSecond,
    int watchSeconds,
    Path out,
    Path home) {

  public BenchOptions {
    positive("clients", clients);
    positive("objects", objects);
    positive("gets", gets);
    positive("listRepetitions", listRepetitions);
    positive("watchers", watchers);
    positive("writesPerSecond", writesPerSecond);
    positive("watchSeconds", watchSeconds);
    if (streamsPerConnection < 1 || streamsPerConnection > 100) {
      // Vert.x servers advertise SETTINGS_MAX_CONCURRENT_STREAMS = 100
      throw new IllegalArgumentException("streamsPerConnection must be 1..100");
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("warmup must not be negative");
    }
    home = home.toAbsolutePath().normalize();
    out = out == null ? defaultOut(home, quick) : out.toAbsolutePath().normalize();
  }

  /** The full run the targets are stated for. */
  public static BenchOptions full(BenchResource resource, Path out, Path home) {
    return new BenchOptions(
        false, resource, 32, 10_000, 1_000, 10_000, 10, 1_000, 50, 200, 30, out, home);
  }

  /** Every phase shrunk: a smoke test of the whole pipeline in well under a minute. */
  public static BenchOptions quick(BenchResource resource, Path out, Path home) {
    return new BenchOptions(true, resource, 32, 500, 50, 500, 3, 50, 50, 100, 5, out, home);
  }

  /** Writes made while the watchers listen. */
  public int watchWrites() {
    return writesPerSecond * watchSeconds;
  }

  /** {@code [--quick] [--out FILE] [--resource pods|services]}; home from {@code vessel.home}. */
  public static BenchOptions parse(String[] args) {
    boolean quick = false;
    Path out = null;
    var resource = BenchResource.PODS;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--out" -> out = Path.of(value(args, ++i, "--out"));
        case "--resource" -> resource = BenchResource.parse(value(args, ++i, "--resource"));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    var home = Path.of(System.getProperty("vessel.home", "."));
    return quick ? quick(resource, out, home) : full(resource, out, home);
  }

  private static String value(String[] args, int index, String flag) {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[index];
  }

  private static Path defaultOut(Path home, boolean quick) {
    var stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return home.resolve("conformance/target/bench")
        .resolve("api-" + (quick ? "quick-" : "") + stamp + ".json");
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
