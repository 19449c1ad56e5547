package io.vessel.server.controller.statefulset;

import static io.vessel.kit.client.Resources.CONTROLLER_REVISIONS;
import static io.vessel.kit.client.Resources.PERSISTENT_VOLUME_CLAIMS;
import static io.vessel.kit.client.Resources.PODS;
import static io.vessel.kit.client.Resources.STATEFUL_SETS;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.controller.Controller;
import io.vessel.kit.controller.Result;
import io.vessel.kit.informer.Informer;
import io.vessel.kit.informer.ObjectKeys;
import io.vessel.server.controller.Loops;
import io.vessel.server.controller.OwnerRefs;
import io.vessel.server.controller.PodTemplates;
import io.vessel.server.controller.Pods;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Runs a StatefulSet's pods by ordinal: stable names and claims, created in order and each
 * waiting for the previous one to be Ready (OrderedReady) or all at once (Parallel), removed from
 * the highest ordinal down, rolled one at a time from the highest ordinal to the partition, and
 * recorded as ControllerRevisions.
 */
public final class StatefulSetController {
  private final Loops loops;
  private final Informer<StatefulSet> sets;
  private final Informer<Pod> pods;
  private final Informer<ControllerRevision> revisions;
  private final Informer<PersistentVolumeClaim> claims;

  private StatefulSetController(Loops loops) {
    this.loops = loops;
    this.sets = loops.informers().of(STATEFUL_SETS);
    this.pods = loops.informers().of(PODS);
    this.revisions = loops.informers().of(CONTROLLER_REVISIONS);
    this.claims = loops.informers().of(PERSISTENT_VOLUME_CLAIMS);
  }

  public static void register(Loops loops) {
    StatefulSetController c = new StatefulSetController(loops);
    loops.add(
        new Controller("statefulset", 4, c::reconcile)
            .watches(c.sets)
            .watches(c.pods, StatefulSetController::owner)
            .watches(c.revisions, StatefulSetController::owner));
  }

  private static List<String> owner(HasMetadata o) {
    return OwnerRefs.controllerOf(o)
        .filter(r -> r.getKind().equals("StatefulSet"))
        .map(r -> List.of(ObjectKeys.of(o.getMetadata().getNamespace(), r.getName())))
        .orElse(List.of());
  }

  private Result reconcile(String key) {
    StatefulSet set = sets.get(key);
    if (set == null || set.getMetadata().getDeletionTimestamp() != null) {
      return Result.done();
    }
    String ns = set.getMetadata().getNamespace();
    ControllerRevision update = updateRevision(set);
    String updateName = update.getMetadata().getName();
    String currentName =
        set.getStatus() != null && set.getStatus().getCurrentRevision() != null
            ? set.getStatus().getCurrentRevision()
            : updateName;
    ControllerRevision current = revisions.get(ns, currentName);
    if (current == null) {
      current = update;
      currentName = updateName;
    }

    TreeMap<Integer, Pod> byOrdinal = new TreeMap<>();
    for (Pod p : pods.list(ns)) {
      if (OwnerRefs.controlledBy(p, set)) {
        int ord = StatefulPods.ordinal(set, p);
        if (ord >= 0) {
          byOrdinal.put(ord, p);
        }
      }
    }
    int replicas = set.getSpec().getReplicas() == null ? 1 : set.getSpec().getReplicas();
    int start = set.getSpec().getOrdinals() == null || set.getSpec().getOrdinals().getStart() == null
        ? 0 : set.getSpec().getOrdinals().getStart();
    boolean ordered = !"Parallel".equals(set.getSpec().getPodManagementPolicy());
    boolean rolling = set.getSpec().getUpdateStrategy() == null
        || !"OnDelete".equals(set.getSpec().getUpdateStrategy().getType());
    int partition = rolling && set.getSpec().getUpdateStrategy() != null
        && set.getSpec().getUpdateStrategy().getRollingUpdate() != null
        && set.getSpec().getUpdateStrategy().getRollingUpdate().getPartition() != null
        ? set.getSpec().getUpdateStrategy().getRollingUpdate().getPartition() : 0;

    boolean blocked = false;
    for (int ord = start; ord < start + replicas && !blocked; ord++) {
      Pod pod = byOrdinal.get(ord);
      if (pod != null && isFailed(pod) && pod.getMetadata().getDeletionTimestamp() == null) {
        delete(set, pod);
        pod = null;
        blocked = ordered;
        continue;
      }
      if (pod == null) {
        boolean useCurrent = rolling ? ord - start < partition : false;
        PodTemplateSpec template = useCurrent ? StatefulRevisions.template(current) : StatefulRevisions.template(update);
        String revision = useCurrent ? currentName : updateName;
        createClaims(set, ord);
        create(set, StatefulPods.newPod(set, template, revision, ord));
        blocked = ordered;
        continue;
      }
      if (ordered && !(Pods.ready(pod) && pod.getMetadata().getDeletionTimestamp() == null)) {
        blocked = true;
      }
    }
    // Surplus pods go from the highest ordinal down; ordered sets wait for each to be gone.
    if (!blocked) {
      List<Pod> surplus = byOrdinal.entrySet().stream()
          .filter(e -> e.getKey() < start || e.getKey() >= start + replicas)
          .map(Map.Entry::getValue)
          .sorted(Comparator.comparingInt((Pod p) -> StatefulPods.ordinal(set, p)).reversed())
          .toList();
      for (Pod p : surplus) {
        if (p.getMetadata().getDeletionTimestamp() == null) {
          delete(set, p);
        }
        if (ordered) {
          blocked = true;
          break;
        }
      }
    }
    // A rolling update replaces one stale pod at a time, highest ordinal first, down to the partition.
    if (!blocked && rolling && allReady(byOrdinal, start, replicas)) {
      for (int ord = start + replicas - 1; ord >= start + partition; ord--) {
        Pod p = byOrdinal.get(ord);
        if (p != null && !updateName.equals(StatefulPods.revision(p))) {
          delete(set, p);
          break;
        }
      }
    }
    writeStatus(set, byOrdinal, start, replicas, currentName, updateName);
    return Result.done();
  }

  private static boolean allReady(TreeMap<Integer, Pod> pods, int start, int replicas) {
    for (int ord = start; ord < start + replicas; ord++) {
      Pod p = pods.get(ord);
      if (p == null || !Pods.ready(p) || p.getMetadata().getDeletionTimestamp() != null) {
        return false;
      }
    }
    return true;
  }

  private static boolean isFailed(Pod p) {
    String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
    return "Failed".equals(phase) || "Succeeded".equals(phase);
  }

  /** The revision of the current template, created with the next number if it is new. */
  private ControllerRevision updateRevision(StatefulSet set) {
    String ns = set.getMetadata().getNamespace();
    List<ControllerRevision> mine = revisions.list(ns).stream().filter(r -> OwnerRefs.controlledBy(r, set)).toList();
    long max = mine.stream().mapToLong(r -> r.getRevision() == null ? 0 : r.getRevision()).max().orElse(0);
    String name = StatefulRevisions.name(set);
    ControllerRevision existing = revisions.get(ns, name);
    if (existing != null) {
      return existing;
    }
    try {
      return Blocking.await(loops.client().create(CONTROLLER_REVISIONS, StatefulRevisions.build(set, max + 1)));
    } catch (ApiException e) {
      if (e.alreadyExists()) {
        return Blocking.await(loops.client().get(CONTROLLER_REVISIONS, ns, name));
      }
      throw e;
    }
  }

  private void createClaims(StatefulSet set, int ordinal) {
    for (PersistentVolumeClaim template : StatefulPods.claimTemplates(set)) {
      String name = StatefulPods.claimName(template, set, ordinal);
      if (claims.get(set.getMetadata().getNamespace(), name) != null) {
        continue;
      }
      try {
        Blocking.await(loops.client().create(PERSISTENT_VOLUME_CLAIMS, StatefulPods.newClaim(set, template, ordinal)));
        loops.events().normal(set, "SuccessfulCreate",
            "create Claim " + name + " Pod " + StatefulPods.podName(set, ordinal) + " in StatefulSet " + set.getMetadata().getName() + " success");
      } catch (ApiException e) {
        if (!e.alreadyExists()) {
          throw e;
        }
      }
    }
  }

  private void create(StatefulSet set, Pod pod) {
    String name = pod.getMetadata().getName();
    try {
      Blocking.await(loops.client().create(PODS, pod));
      loops.events().normal(set, "SuccessfulCreate",
          "create Pod " + name + " in StatefulSet " + set.getMetadata().getName() + " successful");
    } catch (ApiException e) {
      if (e.alreadyExists()) {
        return; // our cache lags; the next event brings it
      }
      loops.events().warning(set, "FailedCreate",
          "create Pod " + name + " in StatefulSet " + set.getMetadata().getName() + " failed error: " + e.getMessage());
      throw e;
    }
  }

  private void delete(StatefulSet set, Pod pod) {
    String name = pod.getMetadata().getName();
    Blocking.await(loops.client().delete(PODS, pod.getMetadata().getNamespace(), name, null));
    loops.events().normal(set, "SuccessfulDelete",
        "delete Pod " + name + " in StatefulSet " + set.getMetadata().getName() + " successful");
  }

  private void writeStatus(
      StatefulSet set, TreeMap<Integer, Pod> pods, int start, int replicas, String currentName, String updateName) {
    int count = 0;
    int ready = 0;
    int available = 0;
    int currentCount = 0;
    int updated = 0;
    int minReady = set.getSpec().getMinReadySeconds() == null ? 0 : set.getSpec().getMinReadySeconds();
    Instant now = Instant.now();
    for (Pod p : pods.values()) {
      if (p.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      count++;
      if (Pods.ready(p)) {
        ready++;
      }
      if (Pods.available(p, minReady, now)) {
        available++;
      }
      String rev = StatefulPods.revision(p);
      if (currentName.equals(rev)) {
        currentCount++;
      }
      if (updateName.equals(rev)) {
        updated++;
      }
    }
    String current = currentName;
    if (updated == replicas && ready == replicas && count == replicas) {
      // The rollout is complete: the update revision becomes the current one.
      current = updateName;
      currentCount = updated;
    }
    StatefulSetStatus s = new StatefulSetStatus();
    s.setObservedGeneration(set.getMetadata().getGeneration());
    s.setReplicas(count);
    s.setReadyReplicas(ready);
    s.setAvailableReplicas(available);
    s.setCurrentReplicas(currentCount);
    s.setUpdatedReplicas(updated);
    s.setCurrentRevision(current);
    s.setUpdateRevision(updateName);
    s.setCollisionCount(set.getStatus() == null || set.getStatus().getCollisionCount() == null ? 0 : set.getStatus().getCollisionCount());
    StatefulSetStatus old = set.getStatus() == null ? new StatefulSetStatus() : set.getStatus();
    s.setConditions(old.getConditions());
    if (!Objects.equals(
        io.vessel.kit.client.Json.mapper().valueToTree(s), io.vessel.kit.client.Json.mapper().valueToTree(old))) {
      StatefulSet copy = PodTemplates.copy(set, StatefulSet.class);
      copy.setStatus(s);
      Blocking.await(loops.client().updateStatus(STATEFUL_SETS, copy));
    }
  }
}
