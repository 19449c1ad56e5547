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
 * shortly after it appears (or, for tests with a scheduler in the loop, once it is bound to a
 * node), through the status subresource, as a kubelet would report it.
 */
final class KubeletDouble implements AutoCloseable {
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();

  KubeletDouble(ApiClient api, String namespace) {
    this(api, namespace, false);
  }

  private KubeletDouble(ApiClient api, String namespace, boolean boundOnly) {
    loop.scheduleWithFixedDelay(() -> markReady(api, namespace, boundOnly), 100, 100, TimeUnit.MILLISECONDS);
  }

  /** Only pods the scheduler has bound start, as only a node's kubelet runs a pod. */
  static KubeletDouble boundPodsOnly(ApiClient api, String namespace) {
    return new KubeletDouble(api, namespace, true);
  }

  private static void markReady(ApiClient api, String namespace, boolean boundOnly) {
    try {
      List<Pod> pods = Blocking.await(api.listAll(PODS, namespace, ListOptions.ALL)).items();
      for (Pod p : pods) {
        String phase = p.getStatus() == null ? "" : String.valueOf(p.getStatus().getPhase());
        if (phase.equals("Running") || phase.equals("Failed") || phase.equals("Succeeded")) {
          continue; // started already, or finished: a kubelet never restarts a finished pod
        }
        if (boundOnly && (p.getSpec().getNodeName() == null || p.getSpec().getNodeName().isEmpty())) {
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
