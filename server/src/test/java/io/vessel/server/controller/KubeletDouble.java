package io.vessel.server.controller;

import static io.vessel.kit.client.Resources.PODS;

import io.fabric8.kubernetes.api.model.Pod;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ListOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the node's part for controller tests: every pod in a namespace turns Running and Ready
 * shortly after it appears, through the status subresource, as a kubelet would report it.
 */
final class KubeletDouble implements AutoCloseable {
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();

  KubeletDouble(ApiClient api, String namespace) {
    loop.scheduleWithFixedDelay(() -> markReady(api, namespace), 100, 100, TimeUnit.MILLISECONDS);
  }

  private static void markReady(ApiClient api, String namespace) {
    try {
      List<Pod> pods = Blocking.await(api.listAll(PODS, namespace, ListOptions.ALL)).items();
      for (Pod p : pods) {
        if (p.getStatus() != null && "Running".equals(p.getStatus().getPhase())) {
          continue;
        }
        Blocking.await(
            api.mergePatch(PODS, namespace, p.getMetadata().getName(), "status",
                Map.of("status", Map.of("phase", "Running", "conditions",
                    List.of(Map.of("type", "Ready", "status", "True", "lastTransitionTime", Instant.now().toString()))))));
      }
    } catch (RuntimeException e) {
      // a pod deleted between list and patch: the next round sees the new state
    }
  }

  @Override
  public void close() {
    loop.shutdownNow();
  }
}
