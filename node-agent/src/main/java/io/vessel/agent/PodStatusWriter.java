package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.Resources;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PATCHes {@code pods/<name>/status}, only when the status differs from the last one this agent
 * wrote for the pod's UID (and from what the pod already shows), as the kubelet's status manager.
 * It also remembers that status, because the informer's copy of the pod may not have caught up
 * with our own write yet.
 */
final class PodStatusWriter {
  private static final Logger LOG = LoggerFactory.getLogger(PodStatusWriter.class);

  private final ApiClient api;
  private final Map<String, PodStatus> written = new ConcurrentHashMap<>();

  PodStatusWriter(ApiClient api) {
    this.api = api;
  }

  /** The pod with the newest status we know: ours if we wrote one, else the server's. */
  Pod withLatestStatus(Pod pod) {
    PodStatus ours = written.get(pod.getMetadata().getUid());
    return ours == null ? pod : new PodBuilder(pod).withStatus(ours).build();
  }

  /** Writes {@code status} unless it is what the pod already has; returns whether it wrote. */
  boolean write(Pod pod, PodStatus status) {
    String uid = pod.getMetadata().getUid();
    if (Objects.equals(status, written.get(uid)) || Objects.equals(status, pod.getStatus())) {
      return false;
    }
    var meta = pod.getMetadata();
    try {
      Blocking.await(
          api.mergePatch(
              Resources.PODS, meta.getNamespace(), meta.getName(), "status",
              Map.of("status", status)));
    } catch (ApiException e) {
      if (e.code() == 404 || e.code() == 409) {
        LOG.debug("pod {}/{} is gone; status not written", meta.getNamespace(), meta.getName());
        return false;
      }
      throw e;
    }
    written.put(uid, status);
    LOG.debug("pod {}/{}: status {}", meta.getNamespace(), meta.getName(), status.getPhase());
    return true;
  }

  void forget(String uid) {
    written.remove(uid);
  }
}
