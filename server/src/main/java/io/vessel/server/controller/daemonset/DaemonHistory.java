package io.vessel.server.controller.daemonset;

import static io.vessel.kit.client.Resources.CONTROLLER_REVISIONS;
import static io.vessel.kit.client.Resources.DAEMON_SETS;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.informer.Informer;
import io.vessel.server.controller.OwnerRefs;
import io.vessel.server.controller.PodTemplates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps a DaemonSet's ControllerRevisions (upstream's constructHistory, snapshot and
 * cleanupHistory): the current template always has a revision numbered above all others, and
 * old revisions beyond {@code revisionHistoryLimit} go, oldest first, unless a pod still runs them.
 */
final class DaemonHistory {
  /** The current revision, its pods' hash, and the others. */
  record History(ControllerRevision current, String hash, List<ControllerRevision> old) {}

  private final ApiClient client;
  private final Informer<ControllerRevision> revisions;

  DaemonHistory(ApiClient client, Informer<ControllerRevision> revisions) {
    this.client = client;
    this.revisions = revisions;
  }

  History construct(DaemonSet ds) {
    List<ControllerRevision> current = new ArrayList<>();
    List<ControllerRevision> old = new ArrayList<>();
    for (ControllerRevision cr : revisions.list(ds.getMetadata().getNamespace())) {
      if (!OwnerRefs.controlledBy(cr, ds)) {
        continue;
      }
      (DaemonRevisions.matches(ds, cr) ? current : old).add(cr);
    }
    long next = old.stream().mapToLong(DaemonRevisions::number).max().orElse(0) + 1;
    ControllerRevision cur;
    if (current.isEmpty()) {
      cur = snapshot(ds, next);
    } else {
      // Two revisions of one template (a collision count bumped in a race): the newest is current,
      // the rest are old and pruned like any other. Upstream also relabels their pods; not done here.
      current.sort(Comparator.comparingLong(DaemonRevisions::number).reversed());
      cur = current.get(0);
      old.addAll(current.subList(1, current.size()));
      next = Math.max(next, old.stream().mapToLong(DaemonRevisions::number).max().orElse(0) + 1);
      if (DaemonRevisions.number(cur) < next) {
        // A rollback to an earlier template: that revision becomes the latest.
        ControllerRevision renumbered = PodTemplates.copy(cur, ControllerRevision.class);
        renumbered.setRevision(next);
        cur = Blocking.await(client.update(CONTROLLER_REVISIONS, renumbered));
      }
    }
    return new History(cur, DaemonRevisions.hashOf(cur), old);
  }

  /**
   * Creates the current template's revision. A same-named revision with another template is a
   * hash collision: the collision count goes up (so the next name differs) and the sync fails,
   * to be retried with the new count.
   */
  private ControllerRevision snapshot(DaemonSet ds, long revision) {
    ControllerRevision cr = DaemonRevisions.build(ds, revision);
    String ns = ds.getMetadata().getNamespace();
    String name = cr.getMetadata().getName();
    try {
      return Blocking.await(client.create(CONTROLLER_REVISIONS, cr));
    } catch (ApiException e) {
      if (!e.alreadyExists()) {
        throw e;
      }
    }
    ControllerRevision existing = Blocking.await(client.get(CONTROLLER_REVISIONS, ns, name));
    if (OwnerRefs.controlledBy(existing, ds) && DaemonRevisions.matches(ds, existing)) {
      return existing; // ours, made by an earlier sync the cache has not shown yet
    }
    DaemonSet fresh = Blocking.await(client.get(DAEMON_SETS, ns, ds.getMetadata().getName()));
    Integer seen = ds.getStatus() == null ? null : ds.getStatus().getCollisionCount();
    Integer now = fresh.getStatus() == null ? null : fresh.getStatus().getCollisionCount();
    if (Objects.equals(seen, now)) {
      if (fresh.getStatus() == null) {
        fresh.setStatus(new DaemonSetStatus());
      }
      fresh.getStatus().setCollisionCount(now == null ? 1 : now + 1);
      Blocking.await(client.updateStatus(DAEMON_SETS, fresh));
    }
    throw new IllegalStateException("hash collision on ControllerRevision " + ns + "/" + name + ", retrying");
  }

  /** Deletes the oldest old revisions beyond the limit whose hash no pod carries. */
  void cleanup(DaemonSet ds, List<ControllerRevision> old, List<Pod> pods) {
    Integer limit = ds.getSpec().getRevisionHistoryLimit();
    int toKill = old.size() - (limit == null ? 10 : limit);
    if (toKill <= 0) {
      return;
    }
    Set<String> live = new HashSet<>();
    for (Pod p : pods) {
      String hash = p.getMetadata().getLabels() == null ? null : p.getMetadata().getLabels().get(DaemonPods.HASH_LABEL);
      if (hash != null && !hash.isEmpty()) {
        live.add(hash);
      }
    }
    List<ControllerRevision> oldestFirst =
        old.stream().sorted(Comparator.comparingLong(DaemonRevisions::number)).toList();
    for (ControllerRevision cr : oldestFirst) {
      if (toKill <= 0) {
        break;
      }
      if (live.contains(DaemonRevisions.hashOf(cr))) {
        continue;
      }
      Blocking.await(client.delete(CONTROLLER_REVISIONS, cr.getMetadata().getNamespace(), cr.getMetadata().getName(), null));
      toKill--;
    }
  }
}
