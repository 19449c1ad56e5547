package io.vessel.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the kubelet's part for run-to-completion pods (Jobs): every pod of a namespace is reported
 * Succeeded, its containers terminated with exit code 0, through the status subresource shortly
 * after it appears. A test double of the node only; the controllers under test are real.
 */
public final class CompletingNodeDouble implements AutoCloseable {
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "completing-node-double");
            t.setDaemon(true);
            return t;
          });

  public CompletingNodeDouble(RestClient rest, String namespace) {
    loop.scheduleWithFixedDelay(() -> complete(rest, namespace), 0, 200, TimeUnit.MILLISECONDS);
  }

  private static void complete(RestClient rest, String namespace) {
    try {
      JsonNode pods = rest.get("/api/v1/namespaces/" + namespace + "/pods").json();
      for (JsonNode pod : pods.path("items")) {
        String phase = pod.path("status").path("phase").asText();
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
          continue;
        }
        String name = pod.path("metadata").path("name").asText();
        String now = Instant.now().toString();
        StringBuilder statuses = new StringBuilder();
        for (JsonNode c : pod.path("spec").path("containers")) {
          if (statuses.length() > 0) {
            statuses.append(',');
          }
          statuses
              .append("{\"name\":\"")
              .append(c.path("name").asText())
              .append("\",\"image\":\"")
              .append(c.path("image").asText())
              .append(
                  "\",\"imageID\":\"\",\"ready\":false,\"restartCount\":0,\"state\":{\"terminated\":")
              .append("{\"exitCode\":0,\"reason\":\"Completed\",\"startedAt\":\"")
              .append(now)
              .append("\",\"finishedAt\":\"")
              .append(now)
              .append("\"}}}");
        }
        rest.send(
            "PATCH",
            "/api/v1/namespaces/" + namespace + "/pods/" + name + "/status",
            "application/merge-patch+json",
            "{\"status\":{\"phase\":\"Succeeded\",\"containerStatuses\":[" + statuses + "]}}");
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
