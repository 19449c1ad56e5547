package io.vessel.conformance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Figures;
import io.vessel.conformance.harness.LocalNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code vessel bench pods}, small: every pod created at once reaches Running on the local node,
 * and the figures come out. Timing is never asserted: the figures are the benchmark's to report.
 */
@Tag("node")
class PodStartupBenchIT {

  @Test
  @DisplayName("bench pods, 20 pods at once on the local node: all Running, figures reported")
  void everyPodRuns() throws Exception {
    try (var cluster = LocalNode.startCluster()) {
      var result = PodStartupBench.run(cluster, "bench-pods", 20);
      System.out.print(result.table());

      assertThat(result.running()).as(result::table).isEqualTo(20);
      assertThat(result.agentRssKib()).isPositive();
      Figures.record("Pod startup", "20 pods: create -> Running p50 / p99",
          Math.round(result.p50Ms()) + " ms / " + Math.round(result.p99Ms()) + " ms");
      Figures.record("Pod startup", "node agent RSS", result.agentRssKib() / 1024 + " MiB");
    }
  }
}
