package io.vessel.server.controller.deployment;

import static io.vessel.kit.client.Resources.DEPLOYMENTS;
import static io.vessel.kit.client.Resources.REPLICA_SETS;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.controller.Controller;
import io.vessel.kit.controller.Result;
import io.vessel.kit.informer.Informer;
import io.vessel.kit.informer.ObjectKeys;
import io.vessel.kit.selector.LabelSelectors;
import io.vessel.server.controller.Loops;
import io.vessel.server.controller.OwnerRefs;
import io.vessel.server.controller.TemplateHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Rolls a Deployment's pods onto its current template through ReplicaSets: finds or creates the
 * ReplicaSet of the current template, grows it and shrinks the old ones within maxSurge and
 * maxUnavailable (or all at once for Recreate), keeps revision history, and reports status and
 * the Available/Progressing conditions that {@code kubectl rollout status} reads.
 */
public final class DeploymentController {
  private final Loops loops;
  private final Informer<Deployment> deployments;
  private final Informer<ReplicaSet> replicaSets;

  private DeploymentController(Loops loops) {
    this.loops = loops;
    this.deployments = loops.informers().of(DEPLOYMENTS);
    this.replicaSets = loops.informers().of(REPLICA_SETS);
  }

  public static void register(Loops loops) {
    DeploymentController c = new DeploymentController(loops);
    loops.add(
        new Controller("deployment", 4, c::reconcile)
            .watches(c.deployments)
            .watches(c.replicaSets, c::ownerOf));
  }

  private List<String> ownerOf(ReplicaSet rs) {
    String ns = rs.getMetadata().getNamespace();
    var ref = OwnerRefs.controllerOf(rs);
    if (ref.isPresent()) {
      return ref.get().getKind().equals("Deployment") ? List.of(ObjectKeys.of(ns, ref.get().getName())) : List.of();
    }
    return deployments.list(ns).stream()
        .filter(d -> LabelSelectors.matches(d.getSpec().getSelector(), rs.getMetadata().getLabels()))
        .map(ObjectKeys::of)
        .toList();
  }

  private Result reconcile(String key) {
    Deployment d = deployments.get(key);
    if (d == null || d.getMetadata().getDeletionTimestamp() != null) {
      return Result.done();
    }
    Rollout r = new Rollout(d, claim(d));
    if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
      return finish(r, syncPaused(r));
    }
    boolean created = r.newRs == null;
    if (created) {
      r.newRs = createNewReplicaSet(r);
    } else {
      r.newRs = stampRevision(r, r.newRs);
    }
    boolean recreate = d.getSpec().getStrategy() != null && "Recreate".equals(d.getSpec().getStrategy().getType());
    boolean waiting = !recreate && r.all().stream().anyMatch(Revisions::statusBehind);
    boolean changed = recreate ? recreate(r) : rolling(r);
    cleanUpHistory(r);
    Result result = finish(r, created ? Progress.CREATED : changed ? Progress.UPDATED : Progress.FOUND);
    // The ReplicaSet's status update wakes us; look again anyway in case that event is missed.
    return waiting && result.requeueAfter() == null ? Result.requeueAfter(Duration.ofMillis(500)) : result;
  }

  private Result finish(Rollout r, Progress progress) {
    Duration recheck = DeploymentStatusWriter.write(loops.client(), r, progress);
    return recheck == null ? Result.done() : Result.requeueAfter(recheck);
  }

  /** The ReplicaSets this Deployment controls, adopting matching orphans. */
  private List<ReplicaSet> claim(Deployment d) {
    List<ReplicaSet> owned = new ArrayList<>();
    for (ReplicaSet rs : replicaSets.list(d.getMetadata().getNamespace())) {
      boolean matches = LabelSelectors.matches(d.getSpec().getSelector(), rs.getMetadata().getLabels());
      if (OwnerRefs.controlledBy(rs, d)) {
        if (matches) {
          owned.add(rs);
        }
      } else if (OwnerRefs.controllerOf(rs).isEmpty() && matches && rs.getMetadata().getDeletionTimestamp() == null) {
        List<OwnerReference> refs = new ArrayList<>(rs.getMetadata().getOwnerReferences() == null ? List.of() : rs.getMetadata().getOwnerReferences());
        refs.add(OwnerRefs.controllerRef(d));
        Map<String, Object> meta = Map.of("ownerReferences", refs, "uid", rs.getMetadata().getUid());
        owned.add(Blocking.await(loops.client().mergePatch(REPLICA_SETS, rs.getMetadata().getNamespace(), rs.getMetadata().getName(), "", Map.of("metadata", meta))));
      }
    }
    return owned;
  }

  private Progress syncPaused(Rollout r) {
    // Paused: only proportional scaling of what exists, no new template rolled out.
    int desired = r.desired();
    if (r.newRs != null && r.old.isEmpty() && Revisions.replicas(r.newRs) != desired) {
      r.newRs = scale(r, r.newRs, desired);
    }
    return Progress.PAUSED;
  }

  private ReplicaSet createNewReplicaSet(Rollout r) {
    Deployment d = r.deployment;
    String hash = TemplateHash.of(d.getSpec().getTemplate(), d.getStatus() == null ? null : d.getStatus().getCollisionCount());
    int replicas = r.recreate() ? 0 : RolloutMath.newReplicas(r.desired(), r.maxSurge(), r.allReplicas(), 0);
    if (r.recreate() && r.old.stream().allMatch(rs -> Revisions.replicas(rs) == 0 && Revisions.statusReplicas(rs) == 0)) {
      replicas = r.desired();
    }
    ReplicaSet rs = Revisions.newReplicaSet(d, hash, replicas, r.maxRevision() + 1, r.maxSurge());
    try {
      ReplicaSet created = Blocking.await(loops.client().create(REPLICA_SETS, rs));
      loops.events().normal(d, "ScalingReplicaSet", "Scaled up replica set " + created.getMetadata().getName() + " from 0 to " + replicas);
      return created;
    } catch (ApiException e) {
      if (e.alreadyExists()) {
        // Our cache lags, or a different template hashed alike: upstream counts a collision.
        ReplicaSet existing = Blocking.await(loops.client().get(REPLICA_SETS, d.getMetadata().getNamespace(), rs.getMetadata().getName()));
        if (OwnerRefs.controlledBy(existing, d) && Revisions.sameTemplate(existing.getSpec().getTemplate(), d.getSpec().getTemplate())) {
          return existing;
        }
        int collisions = d.getStatus() == null || d.getStatus().getCollisionCount() == null ? 0 : d.getStatus().getCollisionCount();
        Blocking.await(loops.client().mergePatch(DEPLOYMENTS, d.getMetadata().getNamespace(), d.getMetadata().getName(), "status",
            Map.of("status", Map.of("collisionCount", collisions + 1))));
      }
      throw e;
    }
  }

  /** The template rolled back to an older ReplicaSet: it becomes the newest revision again. */
  private ReplicaSet stampRevision(Rollout r, ReplicaSet rs) {
    long wanted = Math.max(Revisions.revision(rs), r.maxOldRevision() + 1);
    String cause = Revisions.changeCause(r.deployment);
    if (wanted == Revisions.revision(rs) && (cause == null || cause.equals(Revisions.changeCause(rs)))) {
      return rs;
    }
    Map<String, String> annotations = new java.util.HashMap<>();
    annotations.put(Revisions.REVISION, Long.toString(wanted));
    if (cause != null) {
      annotations.put(Revisions.CHANGE_CAUSE, cause);
    }
    return Blocking.await(loops.client().mergePatch(REPLICA_SETS, rs.getMetadata().getNamespace(), rs.getMetadata().getName(), "",
        Map.of("metadata", Map.of("annotations", annotations))));
  }

  private boolean rolling(Rollout r) {
    if (r.all().stream().anyMatch(Revisions::statusBehind)) {
      // A ReplicaSet just scaled has not counted its pods yet: deciding on its old counts could
      // take more pods down than maxUnavailable allows. Its status update wakes us again.
      return false;
    }
    boolean changed = false;
    int desired = r.desired();
    int next = RolloutMath.newReplicas(desired, r.maxSurge(), r.allReplicas(), Revisions.replicas(r.newRs));
    if (next != Revisions.replicas(r.newRs)) {
      r.newRs = scale(r, r.newRs, next);
      changed = true;
    }
    int budget =
        RolloutMath.oldScaleDownBudget(
            desired, r.maxUnavailable(), r.allReplicas(), Revisions.replicas(r.newRs), Revisions.available(r.newRs));
    if (budget <= 0) {
      // Counted by spec, not by statuses that may still include pods just deleted: with the
      // ReplicaSets as specified, no old pod may go without breaking maxUnavailable.
      return changed;
    }
    // Unhealthy old pods go first: removing them costs no availability.
    List<ReplicaSet> oldest = r.old.stream().sorted(Comparator.comparing(rs -> rs.getMetadata().getCreationTimestamp())).toList();
    for (ReplicaSet rs : oldest) {
      int unhealthy = Revisions.replicas(rs) - Revisions.available(rs);
      int down = Math.min(budget, unhealthy);
      if (down > 0) {
        budget -= down;
        r.replace(rs, scale(r, rs, Revisions.replicas(rs) - down));
        changed = true;
      }
    }
    int availableBudget = r.allAvailable() - (desired - r.maxUnavailable());
    for (ReplicaSet rs : r.old.stream().sorted(Comparator.comparing(rs -> rs.getMetadata().getCreationTimestamp())).toList()) {
      int down = Math.min(Math.min(Math.max(0, availableBudget), budget), Revisions.replicas(rs));
      if (down > 0) {
        availableBudget -= down;
        budget -= down;
        r.replace(rs, scale(r, rs, Revisions.replicas(rs) - down));
        changed = true;
      }
    }
    return changed;
  }

  private boolean recreate(Rollout r) {
    boolean changed = false;
    for (ReplicaSet rs : List.copyOf(r.old)) {
      if (Revisions.replicas(rs) > 0) {
        r.replace(rs, scale(r, rs, 0));
        changed = true;
      }
    }
    if (changed || r.old.stream().anyMatch(rs -> Revisions.statusReplicas(rs) > 0)) {
      return changed; // the new pods wait until every old one is gone
    }
    if (Revisions.replicas(r.newRs) != r.desired()) {
      r.newRs = scale(r, r.newRs, r.desired());
      return true;
    }
    return false;
  }

  private ReplicaSet scale(Rollout r, ReplicaSet rs, int to) {
    int from = Revisions.replicas(rs);
    Map<String, Object> patch =
        Map.of(
            "metadata", Map.of("annotations", Map.of(
                Revisions.DESIRED_REPLICAS, Integer.toString(r.desired()),
                Revisions.MAX_REPLICAS, Integer.toString(r.desired() + r.maxSurge()))),
            "spec", Map.of("replicas", to));
    ReplicaSet scaled = Blocking.await(loops.client().mergePatch(REPLICA_SETS, rs.getMetadata().getNamespace(), rs.getMetadata().getName(), "", patch));
    if (from != to) {
      loops.events().normal(r.deployment, "ScalingReplicaSet",
          "Scaled " + (to > from ? "up" : "down") + " replica set " + rs.getMetadata().getName() + " from " + from + " to " + to);
    }
    return scaled;
  }

  /** Old ReplicaSets scaled to zero beyond revisionHistoryLimit go, oldest revision first. */
  private void cleanUpHistory(Rollout r) {
    Integer limit = r.deployment.getSpec().getRevisionHistoryLimit();
    int keep = limit == null ? 10 : limit;
    List<ReplicaSet> idle =
        r.old.stream()
            .filter(rs -> Revisions.replicas(rs) == 0 && Revisions.statusReplicas(rs) == 0 && rs.getMetadata().getDeletionTimestamp() == null)
            .sorted(Comparator.comparingLong(Revisions::revision))
            .toList();
    for (int i = 0; i < idle.size() - keep; i++) {
      ReplicaSet rs = idle.get(i);
      Blocking.await(loops.client().delete(REPLICA_SETS, rs.getMetadata().getNamespace(), rs.getMetadata().getName(), null));
    }
  }

  enum Progress {
    CREATED,
    FOUND,
    UPDATED,
    PAUSED
  }

  /** One reconcile's view: the Deployment, its current-template ReplicaSet and the others. */
  static final class Rollout {
    final Deployment deployment;
    ReplicaSet newRs;
    final List<ReplicaSet> old = new ArrayList<>();
    private final int[] surgeUnavailable;

    Rollout(Deployment d, List<ReplicaSet> owned) {
      this.deployment = d;
      PodTemplateSpec template = d.getSpec().getTemplate();
      for (ReplicaSet rs : owned) {
        if (newRs == null && Revisions.sameTemplate(rs.getSpec().getTemplate(), template)) {
          newRs = rs;
        } else {
          old.add(rs);
        }
      }
      var strategy = d.getSpec().getStrategy();
      var rolling = strategy == null ? null : strategy.getRollingUpdate();
      this.surgeUnavailable =
          recreate()
              ? new int[] {0, desired()}
              : RolloutMath.surgeAndUnavailable(
                  rolling == null ? null : rolling.getMaxSurge(),
                  rolling == null ? null : rolling.getMaxUnavailable(),
                  desired());
    }

    boolean recreate() {
      var strategy = deployment.getSpec().getStrategy();
      return strategy != null && "Recreate".equals(strategy.getType());
    }

    int desired() {
      Integer n = deployment.getSpec().getReplicas();
      return n == null ? 1 : n;
    }

    int maxSurge() {
      return surgeUnavailable[0];
    }

    int maxUnavailable() {
      return surgeUnavailable[1];
    }

    int allReplicas() {
      return all().stream().mapToInt(Revisions::replicas).sum();
    }

    int allAvailable() {
      return all().stream().mapToInt(Revisions::available).sum();
    }

    List<ReplicaSet> all() {
      List<ReplicaSet> all = new ArrayList<>(old);
      if (newRs != null) {
        all.add(newRs);
      }
      return all;
    }

    long maxRevision() {
      return all().stream().mapToLong(Revisions::revision).max().orElse(0);
    }

    long maxOldRevision() {
      return old.stream().mapToLong(Revisions::revision).max().orElse(0);
    }

    void replace(ReplicaSet before, ReplicaSet after) {
      old.replaceAll(rs -> rs.getMetadata().getUid().equals(before.getMetadata().getUid()) ? after : rs);
    }
  }
}
