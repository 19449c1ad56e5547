package io.vessel.server.controller.daemonset;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.vessel.server.controller.PodTemplates;
import io.vessel.server.scheduler.NodeSelectors;
import io.vessel.server.scheduler.Taints;
import java.util.List;

/**
 * Whether a DaemonSet belongs on a node (upstream's NodeShouldRunDaemonPod), judged with the
 * scheduler's own matching: the template's nodeName, nodeSelector and required node affinity must
 * match, and the pod, with the default daemon tolerations, must tolerate the node's NoSchedule and
 * NoExecute taints. Only the node's own taints count, not its Ready condition: upstream's node
 * lifecycle controller turns conditions into taints, which the defaults tolerate or not.
 */
final class NodePlacement {
  /**
   * {@code shouldRun}: a pod should be there (created if missing). {@code shouldContinueRunning}: a
   * pod already there may stay, which is also true on a node whose only untolerated taints are
   * NoSchedule (a daemon is not evicted by a taint that only keeps new pods away).
   */
  record Placement(boolean shouldRun, boolean shouldContinueRunning) {}

  private static final Placement NOWHERE = new Placement(false, false);

  private final Pod probe;
  private final List<Toleration> tolerations;

  private NodePlacement(Pod probe) {
    this.probe = probe;
    this.tolerations = probe.getSpec().getTolerations();
  }

  /** The placement rules of {@code ds}'s current template. */
  static NodePlacement of(DaemonSet ds) {
    Pod probe = new Pod();
    ObjectMeta meta = new ObjectMeta();
    meta.setNamespace(ds.getMetadata().getNamespace());
    probe.setMetadata(meta);
    PodSpec spec = PodTemplates.copy(ds.getSpec().getTemplate().getSpec(), PodSpec.class);
    probe.setSpec(spec == null ? new PodSpec() : spec);
    DaemonTolerations.addTo(probe.getSpec());
    return new NodePlacement(probe);
  }

  Placement on(Node node) {
    String pinned = probe.getSpec().getNodeName();
    if (pinned != null && !pinned.isEmpty() && !pinned.equals(node.getMetadata().getName())) {
      return NOWHERE;
    }
    if (!NodeSelectors.podFits(probe, node)) {
      return NOWHERE;
    }
    List<Taint> taints =
        node.getSpec() == null || node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
    if (Taints.firstUntolerated(taints, tolerations) == null) {
      return new Placement(true, true);
    }
    List<Taint> noExecute = taints.stream().filter(t -> "NoExecute".equals(t.getEffect())).toList();
    return new Placement(false, Taints.firstUntolerated(noExecute, tolerations) == null);
  }
}
