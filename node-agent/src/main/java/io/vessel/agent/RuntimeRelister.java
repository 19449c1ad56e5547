package io.vessel.agent;

import io.vessel.cri.CriClient;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kubelet's PLEG by polling, since containerd 1.6 has no GetContainerEvents: every {@link
 * #relist()} lists sandboxes and containers, compares each pod UID's states with the previous
 * list, and wakes that pod's worker when something changed (a container exited, a sandbox died).
 * Sandboxes of UIDs the agent does not know (a pod deleted while the agent was away) are
 * terminated, but only once the pod list has synced.
 *
 * <p>Called from one scheduler thread only; that thread owns {@code previous}.
 */
final class RuntimeRelister {
  static final long ORPHAN_GRACE_SECONDS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(RuntimeRelister.class);

  private final CriClient cri;
  private final PodWorkers workers;
  private final BooleanSupplier podsSynced;
  private Map<String, String> previous = Map.of();

  RuntimeRelister(CriClient cri, PodWorkers workers, BooleanSupplier podsSynced) {
    this.cri = cri;
    this.workers = workers;
    this.podsSynced = podsSynced;
  }

  /** One relist; never throws (a failed list is retried on the next tick). */
  void relist() {
    Map<String, String> current;
    try {
      current = snapshot();
    } catch (RuntimeException e) {
      LOG.warn("relist failed: {}", e.toString());
      return;
    }
    var uids = new HashSet<>(current.keySet());
    uids.addAll(previous.keySet());
    for (String uid : uids) {
      String now = current.get(uid);
      if (now != null && !workers.knows(uid) && podsSynced.getAsBoolean()) {
        LOG.info("pod {}: sandbox of an unknown pod; terminating it", uid);
        workers.terminate(uid, null, ORPHAN_GRACE_SECONDS);
      } else if (!sameState(now, previous.get(uid))) {
        workers.wake(uid);
      }
    }
    previous = current;
  }

  /** Pod UID → a fingerprint of its sandboxes' and containers' ids and states. */
  private Map<String, String> snapshot() {
    var parts = new HashMap<String, TreeMap<String, String>>();
    for (var s : cri.listPodSandbox()) {
      String uid = s.getLabelsMap().get(PodLabels.POD_UID);
      if (uid != null) {
        parts.computeIfAbsent(uid, k -> new TreeMap<>()).put("s" + s.getId(), s.getState().name());
      }
    }
    for (var c : cri.listContainers()) {
      String uid = c.getLabelsMap().get(PodLabels.POD_UID);
      if (uid != null) {
        parts.computeIfAbsent(uid, k -> new TreeMap<>()).put("c" + c.getId(), c.getState().name());
      }
    }
    var fingerprints = new HashMap<String, String>();
    parts.forEach((uid, m) -> fingerprints.put(uid, m.toString()));
    return fingerprints;
  }

  private static boolean sameState(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }
}
