package io.vessel.server.controller.nodelifecycle;

import static io.vessel.kit.client.Resources.LEASES;
import static io.vessel.kit.client.Resources.NODES;
import static io.vessel.kit.client.Resources.PODS;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ListOptions;
import io.vessel.kit.controller.Controller;
import io.vessel.kit.controller.Result;
import io.vessel.kit.informer.Informer;
import io.vessel.server.controller.Loops;
import io.vessel.server.controller.PodTemplates;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Watches nodes' heartbeats (their kube-node-lease Lease and Ready condition): a node silent
 * past the grace period gets Unknown conditions and the unreachable taints, a node reporting
 * NotReady the not-ready taints, and pods that do not tolerate a NoExecute taint are evicted
 * (at once, or after their tolerationSeconds). Pods bound to a deleted node are removed.
 */
public final class NodeLifecycleController {
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  static final String NOT_READY = "node.kubernetes.io/not-ready";
  static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
  private static final List<String> MANAGED = List.of(UNREACHABLE, NOT_READY, UNSCHEDULABLE);
  private static final List<String> CONDITIONS = List.of("Ready", "MemoryPressure", "DiskPressure", "PIDPressure");

  private final Loops loops;
  private final Duration grace;
  private final Informer<Node> nodes;
  private final Informer<Lease> leases;
  private final Informer<Pod> pods;

  private NodeLifecycleController(Loops loops, Duration grace) {
    this.loops = loops;
    this.grace = grace;
    this.nodes = loops.informers().of(NODES);
    this.leases = loops.informers().of(LEASES, ListOptions.fields("metadata.namespace=kube-node-lease"));
    this.pods = loops.informers().of(PODS);
  }

  /** Upstream's node-monitor-grace-period is 50 s; {@code vessel.nodeMonitorGracePeriodSeconds} overrides it. */
  public static void register(Loops loops) {
    long seconds = Long.getLong("vessel.nodeMonitorGracePeriodSeconds", 50);
    NodeLifecycleController c = new NodeLifecycleController(loops, Duration.ofSeconds(seconds));
    loops.add(
        new Controller("nodelifecycle", 2, c::reconcile)
            .watches(c.nodes)
            .watches(c.leases, l -> List.of(l.getMetadata().getName()))
            .watches(c.pods, p -> p.getSpec() == null || p.getSpec().getNodeName() == null || p.getSpec().getNodeName().isEmpty()
                ? List.of() : List.of(p.getSpec().getNodeName())));
  }

  private Result reconcile(String name) {
    Node node = nodes.get(name);
    List<Pod> bound = pods.list().stream()
        .filter(p -> p.getSpec() != null && name.equals(p.getSpec().getNodeName()))
        .toList();
    if (node == null) {
      collectOrphans(name, bound);
      return Result.done();
    }
    Instant now = Instant.now();
    Instant lastSeen = lastHeartbeat(node);
    boolean silent = Duration.between(lastSeen, now).compareTo(grace) > 0;
    if (silent) {
      node = markUnknown(node, bound, now);
    }
    String ready = condition(node, "Ready").map(NodeCondition::getStatus).orElse("Unknown");
    node = syncTaints(node, ready, silent, now);
    Duration next = evict(node, bound, now);
    if (!silent) {
      Duration untilSilent = grace.minus(Duration.between(lastSeen, now)).plusSeconds(1);
      next = next == null || untilSilent.compareTo(next) < 0 ? untilSilent : next;
    }
    return next == null ? Result.done() : Result.requeueAfter(next);
  }

  private Instant lastHeartbeat(Node node) {
    Instant last = Instant.parse(node.getMetadata().getCreationTimestamp());
    Lease lease = leases.get("kube-node-lease", node.getMetadata().getName());
    if (lease != null && lease.getSpec() != null && lease.getSpec().getRenewTime() != null) {
      Instant renewed = lease.getSpec().getRenewTime().toInstant();
      last = renewed.isAfter(last) ? renewed : last;
    }
    Optional<NodeCondition> ready = condition(node, "Ready");
    if (ready.isPresent() && ready.get().getLastHeartbeatTime() != null && !"Unknown".equals(ready.get().getStatus())) {
      Instant beat = Instant.parse(ready.get().getLastHeartbeatTime());
      last = beat.isAfter(last) ? beat : last;
    }
    return last;
  }

  private static Optional<NodeCondition> condition(Node node, String type) {
    if (node.getStatus() == null || node.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return node.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** The kubelet stopped posting: every condition it owns becomes Unknown, and its pods not ready. */
  private Node markUnknown(Node node, List<Pod> bound, Instant now) {
    if (condition(node, "Ready").map(c -> "Unknown".equals(c.getStatus())).orElse(false)) {
      return node;
    }
    String ts = now.truncatedTo(ChronoUnit.SECONDS).toString();
    Node copy = PodTemplates.copy(node, Node.class);
    if (copy.getStatus() == null) {
      copy.setStatus(new io.fabric8.kubernetes.api.model.NodeStatus());
    }
    List<NodeCondition> conditions = new ArrayList<>(copy.getStatus().getConditions() == null ? List.of() : copy.getStatus().getConditions());
    for (String type : CONDITIONS) {
      Optional<NodeCondition> existing = conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
      NodeCondition c = existing.orElseGet(NodeCondition::new);
      c.setType(type);
      c.setStatus("Unknown");
      c.setReason(existing.isPresent() ? "NodeStatusUnknown" : "NodeStatusNeverUpdated");
      c.setMessage(existing.isPresent() ? "Kubelet stopped posting node status." : "Kubelet never posted node status.");
      c.setLastTransitionTime(ts);
      if (existing.isEmpty()) {
        c.setLastHeartbeatTime(node.getMetadata().getCreationTimestamp());
        conditions.add(c);
      }
    }
    copy.getStatus().setConditions(conditions);
    Node updated = Blocking.await(loops.client().updateStatus(NODES, copy));
    loops.events().normal(node, "NodeNotReady", "Node " + node.getMetadata().getName() + " status is now: NodeNotReady");
    for (Pod p : bound) {
      markPodNotReady(p, ts);
    }
    return updated;
  }

  private void markPodNotReady(Pod p, String ts) {
    try {
      Blocking.await(loops.client().strategicMergePatch(PODS, p.getMetadata().getNamespace(), p.getMetadata().getName(), "status",
          Map.of("status", Map.of("conditions", List.of(Map.of("type", "Ready", "status", "False", "lastTransitionTime", ts))))));
    } catch (ApiException e) {
      if (!e.notFound()) {
        throw e;
      }
    }
  }

  /** The taints this controller owns, made to match the node's state; others are left alone. */
  private Node syncTaints(Node node, String ready, boolean silent, Instant now) {
    List<Taint> current = node.getSpec() == null || node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
    List<Taint> wanted = new ArrayList<>();
    for (Taint t : current) {
      if (!MANAGED.contains(t.getKey())) {
        wanted.add(t);
      }
    }
    String ts = now.truncatedTo(ChronoUnit.SECONDS).toString();
    String problem = silent || "Unknown".equals(ready) ? UNREACHABLE : "False".equals(ready) ? NOT_READY : null;
    if (problem != null) {
      for (String effect : List.of("NoSchedule", "NoExecute")) {
        Taint kept = current.stream().filter(t -> problem.equals(t.getKey()) && effect.equals(t.getEffect())).findFirst().orElse(null);
        wanted.add(kept != null ? kept : new Taint(effect, problem, effect.equals("NoExecute") ? ts : null, null));
      }
    }
    if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
      wanted.add(current.stream().filter(t -> UNSCHEDULABLE.equals(t.getKey())).findFirst()
          .orElse(new Taint("NoSchedule", UNSCHEDULABLE, null, null)));
    }
    if (sameTaints(current, wanted)) {
      return node;
    }
    return Blocking.await(loops.client().mergePatch(NODES, "", node.getMetadata().getName(), "",
        Map.of("spec", Map.of("taints", wanted))));
  }

  private static boolean sameTaints(List<Taint> a, List<Taint> b) {
    return a.size() == b.size()
        && a.stream().allMatch(x -> b.stream().anyMatch(y -> y.getKey().equals(x.getKey()) && y.getEffect().equals(x.getEffect())));
  }

  /** Evicts pods that do not tolerate the node's NoExecute taints; returns when to look again. */
  private Duration evict(Node node, List<Pod> bound, Instant now) {
    List<Taint> noExecute = node.getSpec() == null || node.getSpec().getTaints() == null ? List.of()
        : node.getSpec().getTaints().stream().filter(t -> "NoExecute".equals(t.getEffect())).toList();
    if (noExecute.isEmpty()) {
      return null;
    }
    Duration next = null;
    for (Pod pod : bound) {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      Instant due = null;
      for (Taint taint : noExecute) {
        Optional<Long> seconds = Tolerations.toleratedSeconds(pod.getSpec().getTolerations(), taint);
        Instant added = taint.getTimeAdded() == null ? now : Instant.parse(taint.getTimeAdded());
        Instant at = seconds.isEmpty() ? now : seconds.get() == Long.MAX_VALUE ? null : added.plusSeconds(seconds.get());
        if (at != null && (due == null || at.isBefore(due))) {
          due = at;
        }
      }
      if (due == null) {
        continue;
      }
      if (!due.isAfter(now)) {
        loops.events().normal(pod, "TaintManagerEviction",
            "Marking for deletion Pod " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
        Blocking.await(loops.client().delete(PODS, pod.getMetadata().getNamespace(), pod.getMetadata().getName(), null));
      } else {
        Duration wait = Duration.between(now, due).plusMillis(100);
        next = next == null || wait.compareTo(next) < 0 ? wait : next;
      }
    }
    return next;
  }

  /** Pods bound to a node that no longer exists are deleted, once a live read confirms it is gone. */
  private void collectOrphans(String name, List<Pod> bound) {
    if (bound.isEmpty()) {
      return;
    }
    try {
      Blocking.await(loops.client().get(NODES, "", name));
      return; // our cache lags: the node exists
    } catch (ApiException e) {
      if (!e.notFound()) {
        throw e;
      }
    }
    for (Pod p : bound) {
      Blocking.await(loops.client().delete(PODS, p.getMetadata().getNamespace(), p.getMetadata().getName(), null));
    }
  }
}
