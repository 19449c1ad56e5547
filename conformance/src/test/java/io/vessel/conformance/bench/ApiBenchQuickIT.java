package io.vessel.conformance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code vessel bench api --quick} end to end (its own PostgreSQL, a Vessel started with the
 * launcher) and checks only correctness: every operation succeeded, the LISTs returned every
 * object, and every watch stream delivered every write exactly once, in order. Timing is never
 * asserted: the figures are the benchmark's to report.
 *
 * <p>{@code -Dvessel.bench.resource=services} runs it against a server without pods.
 */
class ApiBenchQuickIT {

  @Test
  @DisplayName("bench api --quick, fresh cluster, every phase correct and every stream complete")
  void quickRunIsCorrect(@TempDir Path scratch) throws Exception {
    // Given
    var home = Path.of(System.getProperty("vessel.home", ".."));
    var out = scratch.resolve("api-quick.json");
    var resource = BenchResource.parse(System.getProperty("vessel.bench.resource", "pods"));
    var options = BenchOptions.quick(resource, out, home);

    // When
    var report = ApiBench.run(options);
    report.write(out);

    // Then
    assertThat(report.failures).as(report::table).isEmpty();
    assertThat(report.create.ok()).as("created").isEqualTo(options.objects());
    assertThat(report.update.ok()).as("updated").isEqualTo(options.objects());
    assertThat(report.get.ok()).as("read").isEqualTo(options.gets());
    assertThat(report.listCache.items()).as("LIST rv=0 items").isEqualTo(options.objects());
    assertThat(report.listConsistent.items()).as("LIST items").isEqualTo(options.objects());

    var watch = report.watch;
    var verdict = watch.verdict();
    assertThat(watch.writes().errors()).as("watch-phase write errors").isZero();
    assertThat(watch.writes().byResourceVersion()).hasSize(options.watchWrites());
    assertThat(verdict.expected()).isEqualTo((long) options.watchers() * options.watchWrites());
    assertThat(verdict.checked()).as("events received").isEqualTo(verdict.expected());
    assertThat(verdict.lost()).as("lost").isZero();
    assertThat(verdict.duplicated()).as("duplicated").isZero();
    assertThat(verdict.outOfOrder()).as("out of order").isZero();
    assertThat(verdict.wrong()).as("wrong").isZero();
    assertThat(verdict.brokenStreams()).as("broken streams: " + verdict.failures()).isZero();

    var json = BenchResource.JSON.readTree(out.toFile());
    assertThat(json.path("passed").asBoolean()).isTrue();
    assertThat(json.path("watch").path("check").path("lost").asLong()).isZero();
  }
}
