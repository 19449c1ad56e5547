package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Pod;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ListOptions;
import io.vessel.kit.client.Resources;
import io.vessel.kit.informer.Informer;
import io.vessel.kit.informer.InformerHandler;
import java.util.Optional;

/**
 * The pods bound to this node (an informer with {@code spec.nodeName=<node>}), fed to {@link
 * PodWorkers}: additions and changes become updates; a deletionTimestamp or the pod's disappearance
 * becomes a termination with the pod's grace period.
 */
final class PodSource implements InformerHandler<Pod> {
  static final long DEFAULT_GRACE_SECONDS = 30;

  private final Informer<Pod> informer;
  private final PodWorkers workers;

  PodSource(Vertx vertx, ApiClient api, String nodeName, PodWorkers workers) {
    this.informer =
        new Informer<>(vertx, api, Resources.PODS, "", ListOptions.fields("spec.nodeName=" + nodeName));
    this.workers = workers;
    informer.addHandler(this);
  }

  Future<Void> start() {
    return informer.start();
  }

  boolean hasSynced() {
    return informer.hasSynced();
  }

  void stop() {
    informer.stop();
  }

  /** A pod bound to this node, from the informer's cache; safe from any thread. */
  Optional<Pod> pod(String namespace, String name) {
    return Optional.ofNullable(informer.get(namespace, name));
  }

  @Override
  public void onAdd(Pod pod) {
    dispatch(pod);
  }

  @Override
  public void onUpdate(Pod old, Pod current) {
    dispatch(current);
  }

  @Override
  public void onDelete(Pod pod) {
    workers.terminate(pod.getMetadata().getUid(), pod, grace(pod));
  }

  private void dispatch(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      workers.terminate(pod.getMetadata().getUid(), pod, grace(pod));
    } else {
      workers.update(pod);
    }
  }

  /** metadata.deletionGracePeriodSeconds when set, else spec.terminationGracePeriodSeconds. */
  static long grace(Pod pod) {
    Long g = pod.getMetadata().getDeletionGracePeriodSeconds();
    if (g == null) {
      g = pod.getSpec() == null ? null : pod.getSpec().getTerminationGracePeriodSeconds();
    }
    return g == null ? DEFAULT_GRACE_SECONDS : Math.max(0, g);
  }
}
