package io.vessel.agent;

import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.Resources;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a pod worker does, between the runtime and the API: a sync runs {@link PodSyncer} and
 * writes the status it built; a termination tears the pod down in the runtime and, for a pod that
 * was being deleted gracefully, finishes the deletion (gracePeriodSeconds=0).
 */
final class PodLifecycle implements PodWorkers.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(PodLifecycle.class);

  private final PodSyncer syncer;
  private final PodStatusWriter statusWriter;
  private final ApiClient api;

  PodLifecycle(PodSyncer syncer, PodStatusWriter statusWriter, ApiClient api) {
    this.syncer = syncer;
    this.statusWriter = statusWriter;
    this.api = api;
  }

  @Override
  public Duration sync(Pod pod) {
    long start = System.nanoTime();
    var result = syncer.syncPod(statusWriter.withLatestStatus(pod));
    long synced = System.nanoTime();
    boolean wrote = statusWriter.write(pod, result.status());
    if (LOG.isDebugEnabled()) {
      LOG.debug("pod {}/{}: sync {} ms, status {} {} ms, phase {}", pod.getMetadata().getNamespace(),
          pod.getMetadata().getName(), (synced - start) / 1_000_000,
          wrote ? "written" : "unchanged", (System.nanoTime() - synced) / 1_000_000,
          result.status().getPhase());
    }
    return result.requeueAfter();
  }

  @Override
  public void terminate(String uid, Pod lastKnown, long gracePeriodSeconds) {
    syncer.terminatePod(uid, lastKnown, gracePeriodSeconds);
    statusWriter.forget(uid);
    if (lastKnown != null && lastKnown.getMetadata().getDeletionTimestamp() != null) {
      var meta = lastKnown.getMetadata();
      Blocking.await(
          api.delete(
              Resources.PODS, meta.getNamespace(), meta.getName(),
              new DeleteOptionsBuilder()
                  .withGracePeriodSeconds(0L)
                  .withNewPreconditions()
                  .withUid(uid)
                  .endPreconditions()
                  .build()));
    }
  }
}
