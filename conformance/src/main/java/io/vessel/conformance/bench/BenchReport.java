package io.vessel.conformance.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one run measured, filled in phase by phase, printed as one table and written as JSON.
 * Targets are reported against, never asserted; only correctness failures (errors, watch streams
 * that lost, repeated or reordered events) make the run fail.
 *
 * <p>Threading: filled and read by the benchmark's main thread only.
 */
final class BenchReport {

  final BenchOptions options;
  final Instant started = Instant.now();
  final List<String> failures = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  int objectBytes;
  PhaseResult baselineInsert;
  PhaseResult baselineUpdate;
  PhaseResult create;
  PhaseResult update;
  PhaseResult get;
  ReadPhases.Listed listCache;
  ReadPhases.Listed listConsistent;
  CpuUsage listCpu;
  long rssIdleKib = -1;
  long rssStoredKib = -1;
  long rssAfterWatchKib = -1;
  long peakRssKib = -1;
  WatchFanout.Result watch;

  BenchReport(BenchOptions options) {
    this.options = options;
  }

  boolean passed() {
    return failures.isEmpty();
  }

  /** Records a correctness failure of a phase that had errors. */
  void checkErrors(PhaseResult phase) {
    if (phase != null && phase.errors() > 0) {
      failures.add(phase.name() + ": " + phase.errors() + " errors, e.g. " + phase.errorSamples());
    }
  }

  /**
   * Adds notes on where the time went, from the figures only: CPU per phase, what PostgreSQL's
   * sessions were doing, and a write rate the server could not sustain.
   */
  void addFindings() {
    for (var phase : new PhaseResult[] {baselineInsert, baselineUpdate, create, update, get}) {
      if (phase == null) {
        continue;
      }
      var top =
          phase.pgWaits().entrySet().stream()
              .limit(3)
              .map(e -> e.getValue() + " " + e.getKey())
              .toList();
      notes.add(
          String.format(
              "%s: cpu %s; PostgreSQL sessions on average: %s",
              phase.name(), phase.cpu(), top.isEmpty() ? "none busy" : String.join(", ", top)));
    }
    if (listCpu != null) {
      notes.add("LIST phases: cpu " + listCpu);
    }
    if (watch != null) {
      notes.add("watch phase: cpu " + watch.cpu());
      double asked = options.writesPerSecond();
      double got = watch.writes().achievedRate();
      if (got < asked * 0.9) {
        notes.add(
            String.format(
                "watch writers asked for %.0f writes/s but the server answered only %.0f/s; the"
                    + " rest queued in the client, so send->delivery includes that queue while"
                    + " commit->delivery does not",
                asked, got));
      }
    }
  }

  /** The results table, as printed at the end of the run. */
  String table() {
    var t = new TableText();
    t.title(
        "Vessel API benchmark ("
            + (options.quick() ? "quick" : "full")
            + ", "
            + options.resource().plural()
            + ", "
            + options.clients()
            + " clients, "
            + options.objects()
            + " objects of "
            + objectBytes
            + " bytes)");
    t.header();
    if (baselineInsert != null) {
      t.phase("PostgreSQL insert (baseline)", baselineInsert, null);
      t.phase("PostgreSQL update (baseline)", baselineUpdate, null);
    }
    if (create != null) {
      t.throughput("Vessel create", create, baselineInsert);
      t.latency("Vessel create latency", create, "p99 <= 25 ms", create.p99Ms() <= 25);
      t.throughput("Vessel update (PUT)", update, baselineUpdate);
      t.latency("Vessel update latency", update, "", null);
    }
    if (get != null) {
      t.phase("Vessel GET by name", get, null);
      t.latency("Vessel GET latency", get, "p99 <= 5 ms", get.p99Ms() <= 5);
    }
    boolean full = options.objects() >= 10_000;
    if (listCache != null) {
      t.list("LIST rv=0 (watch cache)", listCache, "median <= 250 ms", 250, full);
      t.list("LIST consistent (PostgreSQL)", listConsistent, "median <= 1 s", 1000, full);
    }
    t.row("Server RSS idle at start", mib(rssIdleKib), "", "");
    if (rssStoredKib >= 0) {
      t.row(
          "Server RSS, " + options.objects() + " objects stored",
          mib(rssStoredKib),
          "<= 600 MB (10k pods)",
          full ? TableText.met(rssStoredKib <= 600 * 1024) : "n/a");
      t.row(
          "Server RSS after watch / peak (VmHWM)",
          mib(rssAfterWatchKib) + " / " + mib(peakRssKib),
          "",
          "");
    }
    if (watch != null) {
      t.watch(watch);
    }
    var text = new StringBuilder(t.toString());
    if (!notes.isEmpty()) {
      text.append("\nNotes:\n");
      notes.forEach(n -> text.append("  - ").append(n).append('\n'));
    }
    text.append(passed() ? "\nRESULT: PASSED (correctness)\n" : "\nRESULT: FAILED\n");
    failures.forEach(f -> text.append("  FAILURE: ").append(f).append('\n'));
    return text.toString();
  }

  private static String mib(long kib) {
    return kib < 0 ? "unknown" : String.format("%.0f MiB", kib / 1024.0);
  }

  /** Writes the JSON results file (directories included). */
  void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    BenchResource.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json());
  }

  ObjectNode json() {
    var root = BenchResource.JSON.createObjectNode();
    root.put("benchmark", "vessel-api");
    root.put("startedAt", started.toString());
    root.put("mode", options.quick() ? "quick" : "full");
    root.put("resource", options.resource().plural());
    root.put("passed", passed());
    root.putPOJO("failures", failures);
    root.putPOJO("notes", notes);
    var machine = root.putObject("machine");
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("java", System.getProperty("java.version"));
    var config = root.putObject("config");
    config.put("clients", options.clients());
    config.put("objects", options.objects());
    config.put("objectBytes", objectBytes);
    config.put("warmupOps", options.warmup());
    config.put("gets", options.gets());
    config.put("listRepetitions", options.listRepetitions());
    config.put("watchers", options.watchers());
    config.put("streamsPerConnection", options.streamsPerConnection());
    config.put("writesPerSecond", options.writesPerSecond());
    config.put("watchSeconds", options.watchSeconds());
    var phases = root.putObject("phases");
    for (var phase : List.of(baselineInsert, baselineUpdate, create, update, get)) {
      if (phase != null) {
        phases.set(phase.name(), JsonResults.phase(phase));
      }
    }
    if (listCache != null) {
      phases.set("listFromCache", JsonResults.list(listCache, listCpu));
      phases.set("listConsistent", JsonResults.list(listConsistent, listCpu));
    }
    if (baselineInsert != null && create != null) {
      var ratios = root.putObject("ratioToBaseline");
      ratios.put("create", create.opsPerSecond() / baselineInsert.opsPerSecond());
      ratios.put("update", update.opsPerSecond() / baselineUpdate.opsPerSecond());
    }
    var memory = root.putObject("serverMemoryMiB");
    memory.put("idle", rssIdleKib / 1024.0);
    memory.put("objectsStored", rssStoredKib / 1024.0);
    memory.put("afterWatch", rssAfterWatchKib / 1024.0);
    memory.put("peak", peakRssKib / 1024.0);
    if (watch != null) {
      root.set("watch", JsonResults.watch(watch));
    }
    return root;
  }
}
