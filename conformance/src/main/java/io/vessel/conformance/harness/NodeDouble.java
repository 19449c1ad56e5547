package io.vessel.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the kubelet's part where a suite has no real node: every pod of a namespace is reported
 * Running and Ready through the status subresource shortly after it appears. A test double of the
 * node only; the controllers under test are real.
 */
public final class NodeDouble implements AutoCloseable {
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "node-double");
            t.setDaemon(true);
            return t;
          });

  public NodeDouble(RestClient rest, String namespace) {
    loop.scheduleWithFixedDelay(() -> markReady(rest, namespace), 0, 200, TimeUnit.MILLISECONDS);
  }

  private static void markReady(RestClient rest, String namespace) {
    try {
      JsonNode pods = rest.get("/api/v1/namespaces/" + namespace + "/pods").json();
      for (JsonNode pod : pods.path("items")) {
        if ("Running".equals(pod.path("status").path("phase").asText())) {
          continue;
        }
        String name = pod.path("metadata").path("name").asText();
        String now = Instant.now().toString();
        rest.send(
            "PATCH",
            "/api/v1/namespaces/" + namespace + "/pods/" + name + "/status",
            "application/merge-patch+json",
            "{\"status\":{\"phase\":\"Running\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\","
                + "\"lastTransitionTime\":\"" + now + "\"}]}}");
      }
    } catch (RuntimeException e) {
      // a pod gone between list and patch: the next round sees the new state
    }
  }

  @Override
  public void close() {
    loop.shutdownNow();
  }
}
