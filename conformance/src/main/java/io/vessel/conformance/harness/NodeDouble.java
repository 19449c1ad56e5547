package io.vessel.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the kubelet's part where a suite has no real node: every pod of a namespace is reported
 * Running and Ready, with a pod IP of its own (10.244.0.1, .2, …), through the status subresource
 * shortly after it appears. A test double of the
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

  /** The last pod IP handed out; owned by the loop thread. */
  private int lastIp;

  public NodeDouble(RestClient rest, String namespace) {
    loop.scheduleWithFixedDelay(() -> markReady(rest, namespace), 0, 200, TimeUnit.MILLISECONDS);
  }

  private String nextPodIp() {
    int n = lastIp++;
    return "10.244." + (n / 254) + "." + (n % 254 + 1);
  }

  private void markReady(RestClient rest, String namespace) {
    try {
      JsonNode pods = rest.get("/api/v1/namespaces/" + namespace + "/pods").json();
      for (JsonNode pod : pods.path("items")) {
        if ("Running".equals(pod.path("status").path("phase").asText())) {
          continue;
        }
        String name = pod.path("metadata").path("name").asText();
        String now = Instant.now().toString();
        String ip = nextPodIp();
        rest.send(
            "PATCH",
            "/api/v1/namespaces/" + namespace + "/pods/" + name + "/status",
            "application/merge-patch+json",
            "{\"status\":{\"phase\":\"Running\",\"podIP\":\"" + ip + "\",\"podIPs\":[{\"ip\":\""
                + ip + "\"}],\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\","
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
