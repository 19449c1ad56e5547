package io.vessel.server.controller.daemonset;

import static io.vessel.kit.client.Resources.PODS;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.vertx.core.Future;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.controller.Expectations;
import io.vessel.server.controller.Loops;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and deletes daemon pods (upstream's syncNodes): expectations are set before the first
 * write, so a reconcile woken before the cache shows these writes waits instead of repeating them;
 * creates go in slow-start batches of 1, 2, 4, … so a template the API rejects fails once, not
 * once per node; every write is reported as an Event.
 */
final class DaemonPodSync {
  /** Upstream's burstReplicas for DaemonSets: at most this many creates, and deletes, per sync. */
  private static final int BURST = 250;

  private final Loops loops;
  private final Expectations expectations;

  DaemonPodSync(Loops loops, Expectations expectations) {
    this.loops = loops;
    this.expectations = expectations;
  }

  /** Throws the first failure once every write has been tried, so the sync is retried. */
  void sync(String key, DaemonSet ds, List<Pod> toDelete, List<String> nodesNeedingPods, String hash) {
    int creates = Math.min(nodesNeedingPods.size(), BURST);
    int deletes = Math.min(toDelete.size(), BURST);
    if (creates == 0 && deletes == 0) {
      return;
    }
    expectations.expect(key, creates, deletes);
    RuntimeException failure = create(key, ds, nodesNeedingPods.subList(0, creates), hash);
    RuntimeException deleteFailure = delete(key, ds, toDelete.subList(0, deletes));
    if (failure != null || deleteFailure != null) {
      throw failure != null ? failure : deleteFailure;
    }
  }

  private RuntimeException create(String key, DaemonSet ds, List<String> nodes, String hash) {
    int done = 0;
    for (int batch = 1; done < nodes.size(); batch *= 2) {
      List<Future<Pod>> pending = new ArrayList<>();
      for (String node : nodes.subList(done, Math.min(done + batch, nodes.size()))) {
        pending.add(loops.client().create(PODS, DaemonPods.newPod(ds, hash, node)));
      }
      done += pending.size();
      RuntimeException failed = null;
      for (Future<Pod> f : pending) {
        try {
          Pod created = Blocking.await(f);
          loops.events().normal(ds, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
        } catch (RuntimeException e) {
          expectations.lowered(key, 1, 0);
          loops.events().warning(ds, "FailedCreate", "Error creating: " + message(e));
          failed = e;
        }
      }
      if (failed != null) {
        // The nodes never tried are not expected either; the retry starts a new slow start.
        expectations.lowered(key, nodes.size() - done, 0);
        return failed;
      }
    }
    return null;
  }

  private RuntimeException delete(String key, DaemonSet ds, List<Pod> pods) {
    List<Future<Void>> pending = new ArrayList<>();
    for (Pod p : pods) {
      pending.add(loops.client().delete(PODS, p.getMetadata().getNamespace(), p.getMetadata().getName(), null));
    }
    RuntimeException failed = null;
    for (int i = 0; i < pods.size(); i++) {
      String name = pods.get(i).getMetadata().getName();
      try {
        Blocking.await(pending.get(i));
        loops.events().normal(ds, "SuccessfulDelete", "Deleted pod: " + name);
      } catch (RuntimeException e) {
        expectations.lowered(key, 0, 1);
        loops.events().warning(ds, "FailedDelete", "Error deleting: " + message(e));
        failed = e;
      }
    }
    return failed;
  }

  /** The API's message without the client's "<code> <reason>: " prefix, as upstream's events show it. */
  private static String message(RuntimeException e) {
    return e instanceof ApiException api ? api.getMessage().replaceFirst("^\\d+ \\w*: ", "") : e.toString();
  }
}
