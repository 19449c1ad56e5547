package io.vessel.server.controller.replicaset;

import static io.vessel.kit.client.Resources.PODS;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.vessel.kit.client.ApiException;
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
import io.vessel.server.controller.Pods;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps {@code replicas} pods running for each ReplicaSet (or ReplicationController): adopts
 * matching orphans, releases pods that no longer match, creates from the template in
 * slow-start batches, deletes the least valuable surplus first, and reports the counts.
 */
public final class ReplicaController<T extends HasMetadata> {
  /** Upstream's burstReplicas: at most this many creates or deletes per sync. */
  private static final int BURST = 500;

  private final ReplicatedKind<T> kind;
  private final Loops loops;
  private final Informer<T> owners;
  private final Informer<Pod> pods;
  private final Expectations expectations = new Expectations();

  private ReplicaController(ReplicatedKind<T> kind, Loops loops) {
    this.kind = kind;
    this.loops = loops;
    this.owners = loops.informers().of(kind.type());
    this.pods = loops.informers().of(PODS);
  }

  public static void registerReplicaSets(Loops loops) {
    new ReplicaController<>(new ReplicaSetKind(), loops).register("replicaset");
  }

  public static void registerReplicationControllers(Loops loops) {
    new ReplicaController<>(new ReplicationControllerKind(), loops).register("replicationcontroller");
  }

  private void register(String name) {
    // Before the controller's own handler: a reconcile woken by a pod event sees it counted.
    pods.addHandler(new PodExpectationTracker(kind.type().kind(), expectations));
    loops.add(new Controller(name, 4, this::reconcile).watches(owners).watches(pods, this::ownersOf));
  }

  /** A pod maps to its controller if that is one of ours, else (an orphan) to every owner that selects it. */
  private List<String> ownersOf(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    var ref = OwnerRefs.controllerOf(pod);
    if (ref.isPresent()) {
      return ref.get().getKind().equals(kind.type().kind())
          ? List.of(ObjectKeys.of(ns, ref.get().getName()))
          : List.of();
    }
    List<String> keys = new ArrayList<>();
    for (T owner : owners.list(ns)) {
      if (kind.selects(owner, pod.getMetadata().getLabels())) {
        keys.add(ObjectKeys.of(owner));
      }
    }
    return keys;
  }

  private Result reconcile(String key) {
    T owner = owners.get(key);
    if (owner == null) {
      expectations.forget(key);
      return Result.done();
    }
    List<Pod> mine = claimPods(owner);
    List<Pod> active = mine.stream().filter(Pods::active).toList();
    ReplicaStatus.Failure failure = kind.status(owner).failure();
    if (expectations.satisfied(key) && owner.getMetadata().getDeletionTimestamp() == null) {
      failure = manageReplicas(key, owner, active);
    }
    return updateStatus(owner, active, failure);
  }

  /** The pods this owner controls after adopting matching orphans and releasing non-matching ones. */
  private List<Pod> claimPods(T owner) {
    List<Pod> claimed = new ArrayList<>();
    boolean deleting = owner.getMetadata().getDeletionTimestamp() != null;
    for (Pod pod : pods.list(owner.getMetadata().getNamespace())) {
      boolean matches = kind.selects(owner, pod.getMetadata().getLabels());
      if (OwnerRefs.controlledBy(pod, owner)) {
        if (matches || deleting) {
          claimed.add(pod);
        } else {
          release(owner, pod);
        }
      } else if (OwnerRefs.controllerOf(pod).isEmpty()
          && matches
          && !deleting
          && pod.getMetadata().getDeletionTimestamp() == null) {
        if (adopt(owner, pod)) {
          claimed.add(pod);
        }
      }
    }
    return claimed;
  }

  private boolean adopt(T owner, Pod pod) {
    List<OwnerReference> refs = new ArrayList<>(orEmpty(pod.getMetadata().getOwnerReferences()));
    refs.add(OwnerRefs.controllerRef(owner));
    return patchOwners(pod, refs);
  }

  private void release(T owner, Pod pod) {
    List<OwnerReference> refs = new ArrayList<>(orEmpty(pod.getMetadata().getOwnerReferences()));
    refs.removeIf(r -> r.getUid().equals(owner.getMetadata().getUid()));
    patchOwners(pod, refs);
  }

  /** The uid in the patch is a precondition: a same-named replacement pod is left alone. */
  private boolean patchOwners(Pod pod, List<OwnerReference> refs) {
    var meta =
        Map.of("ownerReferences", refs, "uid", pod.getMetadata().getUid());
    try {
      Blocking.await(
          loops.client()
              .mergePatch(PODS, pod.getMetadata().getNamespace(), pod.getMetadata().getName(), "", Map.of("metadata", meta)));
      return true;
    } catch (ApiException e) {
      if (e.notFound() || e.code() == 409 || e.code() == 422) {
        return false;
      }
      throw e;
    }
  }

  private ReplicaStatus.Failure manageReplicas(String key, T owner, List<Pod> active) {
    int diff = active.size() - kind.replicas(owner);
    if (diff < 0) {
      return createPods(key, owner, Math.min(-diff, BURST));
    }
    if (diff > 0) {
      return deletePods(key, owner, active, Math.min(diff, BURST));
    }
    return null;
  }

  /** Batches of 1, 2, 4, … so that a template that cannot be created fails once, not 500 times. */
  private ReplicaStatus.Failure createPods(String key, T owner, int count) {
    expectations.expect(key, count, 0);
    int done = 0;
    for (int batch = 1; done < count; batch = Math.min(batch * 2, count - done)) {
      int size = Math.min(batch, count - done);
      List<io.vertx.core.Future<Pod>> creates = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        creates.add(loops.client().create(PODS, PodTemplates.newPod(kind.template(owner), owner)));
      }
      Throwable failed = null;
      for (var f : creates) {
        try {
          Pod created = Blocking.await(f);
          loops.events().normal(owner, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
        } catch (RuntimeException e) {
          expectations.lowered(key, 1, 0);
          failed = e;
        }
      }
      done += size;
      if (failed != null) {
        expectations.lowered(key, count - done, 0);
        String message = failed instanceof ApiException api ? api.getMessage().replaceFirst("^\\d+ \\w*: ", "") : failed.toString();
        loops.events().warning(owner, "FailedCreate", "Error creating: " + message);
        return new ReplicaStatus.Failure("FailedCreate", message);
      }
    }
    return null;
  }

  private ReplicaStatus.Failure deletePods(String key, T owner, List<Pod> active, int count) {
    List<Pod> victims = active.stream().sorted(PodDeletionOrder.FIRST_TO_DELETE).limit(count).toList();
    expectations.expect(key, 0, victims.size());
    ReplicaStatus.Failure failure = null;
    for (Pod pod : victims) {
      try {
        Blocking.await(loops.client().delete(PODS, pod.getMetadata().getNamespace(), pod.getMetadata().getName(), null));
        loops.events().normal(owner, "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName());
      } catch (RuntimeException e) {
        expectations.lowered(key, 0, 1);
        loops.events().warning(owner, "FailedDelete", "Error deleting: " + e.getMessage());
        failure = new ReplicaStatus.Failure("FailedDelete", e.getMessage());
      }
    }
    return failure;
  }

  private Result updateStatus(T owner, List<Pod> active, ReplicaStatus.Failure failure) {
    Instant now = Instant.now();
    int minReady = kind.minReadySeconds(owner);
    Map<String, String> templateLabels =
        kind.template(owner) == null || kind.template(owner).getMetadata() == null
            ? Map.of()
            : orEmpty(kind.template(owner).getMetadata().getLabels());
    int fullyLabeled = 0;
    int ready = 0;
    int available = 0;
    Duration recheck = null;
    for (Pod p : active) {
      Map<String, String> labels = orEmpty(p.getMetadata().getLabels());
      if (labels.entrySet().containsAll(templateLabels.entrySet())) {
        fullyLabeled++;
      }
      if (Pods.ready(p)) {
        ready++;
        if (Pods.available(p, minReady, now)) {
          available++;
        } else {
          recheck = Duration.ofSeconds(minReady);
        }
      }
    }
    Long generation = owner.getMetadata().getGeneration();
    ReplicaStatus wanted =
        new ReplicaStatus(active.size(), fullyLabeled, ready, available, generation == null ? 0 : generation, failure);
    if (!Objects.equals(wanted, kind.status(owner))) {
      Blocking.await(loops.client().updateStatus(kind.type(), kind.withStatus(owner, wanted)));
    }
    return recheck == null ? Result.done() : Result.requeueAfter(recheck);
  }

  private static <E> List<E> orEmpty(List<E> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
