package io.vessel.server.controller.daemonset;

import static io.vessel.kit.client.Resources.CONTROLLER_REVISIONS;
import static io.vessel.kit.client.Resources.DAEMON_SETS;
import static io.vessel.kit.client.Resources.NODES;
import static io.vessel.kit.client.Resources.PODS;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.controller.Controller;
import io.vessel.kit.controller.Expectations;
import io.vessel.kit.controller.Result;
import io.vessel.kit.informer.Informer;
import io.vessel.kit.informer.ObjectKeys;
import io.vessel.server.controller.Loops;
import io.vessel.server.controller.OwnerRefs;
import io.vessel.server.controller.PodExpectationTracker;
import io.vessel.server.controller.PodTemplates;
import io.vessel.server.controller.daemonset.NodePlan.FailedPod;
import io.vessel.server.controller.daemonset.NodePlan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs one pod of each DaemonSet on every node it belongs on, as kube-controller-manager's
 * daemonset controller: pods are tied to their node by node affinity and bound by the scheduler;
 * pods leave nodes they no longer belong on; failed pods are replaced with back-off; templates
 * are recorded as ControllerRevisions; RollingUpdate replaces old-revision pods within
 * maxUnavailable, OnDelete only when they are deleted; the status counts are written on change.
 *
 * <p>Not done: adopting orphan pods or revisions that match the selector (only objects carrying
 * this DaemonSet's controller reference are its own), releasing pods that stop matching it, and
 * maxSurge (see {@link RollingUpdate}).
 */
public final class DaemonSetController {
  private final Loops loops;
  private final Informer<DaemonSet> sets;
  private final Informer<Pod> pods;
  private final Informer<Node> nodes;
  private final Informer<ControllerRevision> revisions;
  private final Expectations expectations = new Expectations();
  private final FailedPodBackoff backoff = new FailedPodBackoff();
  private final DaemonHistory history;
  private final DaemonPodSync podSync;

  private DaemonSetController(Loops loops) {
    this.loops = loops;
    this.sets = loops.informers().of(DAEMON_SETS);
    this.pods = loops.informers().of(PODS);
    this.nodes = loops.informers().of(NODES);
    this.revisions = loops.informers().of(CONTROLLER_REVISIONS);
    this.history = new DaemonHistory(loops.client(), revisions);
    this.podSync = new DaemonPodSync(loops, expectations);
  }

  public static void register(Loops loops) {
    DaemonSetController c = new DaemonSetController(loops);
    // Before the controller's own pod handler: a reconcile woken by a pod event sees it counted.
    c.pods.addHandler(new PodExpectationTracker("DaemonSet", c.expectations));
    Controller controller =
        new Controller("daemonset", 2, c::reconcile)
            .watches(c.sets)
            .watches(c.pods, DaemonSetController::owner)
            .watches(c.revisions, DaemonSetController::owner)
            // Only for the start-up sync: node events are sorted by NodeEvents below.
            .watches(c.nodes, n -> List.of());
    c.nodes.addHandler(new NodeEvents(c.sets::list, controller::enqueue));
    loops.add(controller);
  }

  private static List<String> owner(HasMetadata o) {
    return OwnerRefs.controllerOf(o)
        .filter(r -> "DaemonSet".equals(r.getKind()))
        .map(r -> List.of(ObjectKeys.of(o.getMetadata().getNamespace(), r.getName())))
        .orElse(List.of());
  }

  private Result reconcile(String key) {
    DaemonSet ds = sets.get(key);
    if (ds == null) {
      expectations.forget(key);
      return Result.done();
    }
    if (ds.getMetadata().getDeletionTimestamp() != null) {
      return Result.done(); // the garbage collector takes the pods
    }
    List<Node> nodeList =
        nodes.list().stream().sorted(Comparator.comparing((Node n) -> n.getMetadata().getName())).toList();
    NodePlacement placement = NodePlacement.of(ds);
    DaemonHistory.History h = history.construct(ds);
    if (!expectations.satisfied(key)) {
      return writeStatus(ds, nodeList, placement, h.hash(), false);
    }
    Instant now = Instant.now();
    backoff.gc(now);
    Plan plan = NodePlan.plan(key, nodeList, NodePlan.byNode(podsOf(ds), false), placement, backoff, now);
    for (FailedPod f : plan.failed()) {
      loops.events().warning(ds, "FailedDaemonPod",
          "Found failed daemon pod " + f.pod().getMetadata().getNamespace() + "/" + f.pod().getMetadata().getName()
              + " on node " + f.node() + ", will try to kill it");
    }
    podSync.sync(key, ds, plan.podsToDelete(), plan.nodesNeedingPods(), h.hash());
    if (rolling(ds) && RollingUpdate.surgeRequested(ds) && !observed(ds)) {
      // Said once per generation: the sync that first acts on it also records it as observed.
      loops.events().warning(ds, "MaxSurgeNotSupported",
          "spec.updateStrategy.rollingUpdate.maxSurge is not supported: pods are replaced in place,"
              + " within maxUnavailable (at least 1)");
    }
    if (expectations.satisfied(key) && rolling(ds)) {
      podSync.sync(key, ds, RollingUpdate.podsToReplace(rollout(ds, nodeList, placement, h.hash())), List.of(), h.hash());
    }
    history.cleanup(ds, h.old(), podsOf(ds));
    Result status = writeStatus(ds, nodeList, placement, h.hash(), true);
    return earliest(status, plan.retryAfter());
  }

  private List<Pod> podsOf(DaemonSet ds) {
    return pods.list(ds.getMetadata().getNamespace()).stream().filter(p -> OwnerRefs.controlledBy(p, ds)).toList();
  }

  private static boolean observed(DaemonSet ds) {
    return ds.getStatus() != null
        && ds.getStatus().getObservedGeneration() != null
        && ds.getStatus().getObservedGeneration().equals(ds.getMetadata().getGeneration());
  }

  private static boolean rolling(DaemonSet ds) {
    return ds.getSpec().getUpdateStrategy() == null
        || !"OnDelete".equals(ds.getSpec().getUpdateStrategy().getType());
  }

  private RollingUpdate.Input rollout(DaemonSet ds, List<Node> nodeList, NodePlacement placement, String hash) {
    Set<String> desired = new HashSet<>();
    for (Node n : nodeList) {
      if (placement.on(n).shouldRun()) {
        desired.add(n.getMetadata().getName());
      }
    }
    return new RollingUpdate.Input(
        desired,
        NodePlan.byNode(podsOf(ds), false),
        hash,
        DaemonPods.templateGeneration(ds),
        RollingUpdate.maxUnavailable(ds, desired.size()),
        DaemonStatus.minReadySeconds(ds),
        Instant.now());
  }

  /** Writes the status if it changed; looks again when a ready pod is still short of minReadySeconds. */
  private Result writeStatus(DaemonSet ds, List<Node> nodeList, NodePlacement placement, String hash, boolean observed) {
    DaemonSetStatus next = DaemonStatus.compute(
        ds, nodeList, placement, NodePlan.byNode(podsOf(ds), false), hash, observed, Instant.now());
    if (DaemonStatus.changed(ds.getStatus(), next)) {
      DaemonSet copy = PodTemplates.copy(ds, DaemonSet.class);
      copy.setStatus(next);
      Blocking.await(loops.client().updateStatus(DAEMON_SETS, copy));
    }
    int minReady = DaemonStatus.minReadySeconds(ds);
    if (minReady > 0 && !next.getNumberReady().equals(next.getNumberAvailable())) {
      return Result.requeueAfter(Duration.ofSeconds(minReady));
    }
    return Result.done();
  }

  private static Result earliest(Result a, Duration b) {
    if (b == null) {
      return a;
    }
    return a.requeueAfter() == null || b.compareTo(a.requeueAfter()) < 0 ? Result.requeueAfter(b) : a;
  }
}
