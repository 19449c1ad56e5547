package io.vessel.conformance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.conformance.harness.LocalCluster;
import io.vessel.conformance.harness.WatchEvent;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Pod startup on the local node: {@code pods} busybox pods created at once (8 concurrent
 * creators), each one's latency from its create request to the first watch event that shows it
 * Running; then the node agent's RSS and its CPU while the pods idle. Figures are reported, never
 * asserted; {@link #run} fails only when a pod never runs.
 */
public final class PodStartupBench {
  private static final long DEADLINE_NANOS = TimeUnit.MINUTES.toNanos(5);
  private static final int IDLE_SAMPLE_SECONDS = 20;

  /**
   * What one run measured.
   *
   * @param pods pods created
   * @param running pods seen Running before the deadline
   * @param agentIdleCpu the agent's CPU while the pods idled, in cores (1.0 = one core busy)
   */
  public record Result(
      int pods,
      int running,
      double p50Ms,
      double p90Ms,
      double p99Ms,
      double maxMs,
      double allRunningSeconds,
      long agentRssKib,
      double agentIdleCpu) {

    public String table() {
      return String.format(
          "Pod startup on the local node (%d busybox pods created at once)%n"
              + "  create -> Running (watch)  p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms"
              + "   target p50 <= 1000 ms, p99 <= 2000 ms%n"
              + "  all %d Running after       %.1f s%n"
              + "  node agent RSS             %d MiB   target <= 200 MB%n"
              + "  node agent CPU, pods idle  %.1f%% of one core over %d s   target < 10%%%n",
          pods, p50Ms, p90Ms, p99Ms, maxMs, running, allRunningSeconds, agentRssKib / 1024,
          agentIdleCpu * 100, IDLE_SAMPLE_SECONDS);
    }
  }

  private PodStartupBench() {}

  /** Runs against {@code cluster}, which has a Ready local node; uses namespace {@code ns}. */
  public static Result run(LocalCluster cluster, String ns, int pods) throws Exception {
    var rest = cluster.rest();
    rest.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + ns + "\"}}");
    Map<String, Long> sent = new HashMap<>();
    Map<String, Long> runningAt = new HashMap<>();
    try (var watch = rest.watch("/api/v1/namespaces/" + ns + "/pods?watch=1")) {
      ExecutorService creators = Executors.newFixedThreadPool(8);
      long start = System.nanoTime();
      List<Future<?>> creates = new java.util.ArrayList<>();
      for (int i = 0; i < pods; i++) {
        String name = "start-" + i;
        creates.add(creators.submit(() -> {
          synchronized (sent) {
            sent.put(name, System.nanoTime());
          }
          var reply = rest.post("/api/v1/namespaces/" + ns + "/pods", pod(name));
          if (reply.status() != 201) {
            throw new IllegalStateException("create " + name + ": " + reply.describe());
          }
          return null;
        }));
      }
      for (var f : creates) {
        f.get(60, TimeUnit.SECONDS);
      }
      creators.shutdown();
      // the watch thread keeps the events in order; scanning them every 5 ms is the clock
      int seen = 0;
      while (runningAt.size() < pods && System.nanoTime() - start < DEADLINE_NANOS) {
        List<WatchEvent> events = watch.events();
        long now = System.nanoTime();
        for (; seen < events.size(); seen++) {
          JsonNode pod = events.get(seen).object();
          String name = pod.path("metadata").path("name").asText();
          if (pod.path("status").path("phase").asText().equals("Running")) {
            runningAt.putIfAbsent(name, now);
          }
        }
        Thread.sleep(5);
      }
      double allSeconds = (System.nanoTime() - start) / 1e9;
      var latencies = new Latencies(pods);
      runningAt.forEach((name, at) -> latencies.record(at - sent.get(name)));
      long agentPid = Long.parseLong(
          Files.readString(cluster.stateDir().resolve("node/agent.pid")).trim());
      Thread.sleep(2000); // let the last status writes settle before sampling idle CPU
      double cpuBefore = ProcStats.cpuSeconds(agentPid);
      Thread.sleep(IDLE_SAMPLE_SECONDS * 1000L);
      double idle = (ProcStats.cpuSeconds(agentPid) - cpuBefore) / IDLE_SAMPLE_SECONDS;
      return new Result(
          pods,
          runningAt.size(),
          latencies.percentileMs(50),
          latencies.percentileMs(90),
          latencies.percentileMs(99),
          latencies.maxMs(),
          allSeconds,
          ProcStats.statusKib(agentPid, "VmRSS"),
          idle);
    }
  }

  private static String pod(String name) {
    return """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s"},
         "spec":{"terminationGracePeriodSeconds":1,"containers":[{"name":"main","image":"busybox",
          "imagePullPolicy":"IfNotPresent","command":["sleep","3600"]}]}}"""
        .formatted(name);
  }
}
