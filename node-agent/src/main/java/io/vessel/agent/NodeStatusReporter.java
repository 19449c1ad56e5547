package io.vessel.agent;

import io.fabric8.kubernetes.api.model.NodeCondition;
import io.vessel.cri.CriClient;
import io.vessel.cri.CriException;
import io.vessel.cri.v1.RuntimeCondition;
import io.vessel.cri.v1.RuntimeStatus;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.Resources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Node's conditions current: checks the runtime's Status on every {@link #report()} and
 * patches {@code nodes/<name>/status} when a condition changed, or when the last patch is older
 * than {@link #FORCE_EVERY} (the kubelet's nodeStatusReportFrequency is 5 min; we refresh more
 * often so heartbeat times stay readable).
 *
 * <p>Called from one scheduler thread only; that thread owns {@code lastConditions}.
 */
final class NodeStatusReporter {
  static final Duration FORCE_EVERY = Duration.ofSeconds(60);
  private static final Logger LOG = LoggerFactory.getLogger(NodeStatusReporter.class);

  private final ApiClient api;
  private final CriClient cri;
  private final String nodeName;
  private final Clock clock;
  private List<NodeCondition> lastConditions;
  private Instant lastReport = Instant.EPOCH;

  NodeStatusReporter(ApiClient api, CriClient cri, String nodeName, Clock clock) {
    this.api = api;
    this.cri = cri;
    this.nodeName = nodeName;
    this.clock = clock;
  }

  /** Checks the runtime and patches the conditions when needed; never throws. */
  void report() {
    try {
      Instant now = clock.instant();
      RuntimeStatus runtime;
      try {
        runtime = cri.status();
      } catch (CriException e) {
        runtime = unreachable(e);
      }
      var conditions = NodeConditions.of(runtime, lastConditions, now);
      boolean changed = !NodeConditions.sameIgnoringHeartbeat(conditions, lastConditions);
      if (!changed && Duration.between(lastReport, now).compareTo(FORCE_EVERY) < 0) {
        return;
      }
      Blocking.await(
          api.mergePatch(
              Resources.NODES, null, nodeName, "status",
              Map.of("status", Map.of("conditions", conditions))));
      if (changed) {
        LOG.info("node {} conditions: Ready={}", nodeName, conditions.get(3).getStatus());
      }
      lastConditions = conditions;
      lastReport = now;
    } catch (RuntimeException e) {
      LOG.warn("node {}: status report failed: {}", nodeName, e.toString());
    }
  }

  private static RuntimeStatus unreachable(CriException e) {
    return RuntimeStatus.newBuilder()
        .addConditions(
            RuntimeCondition.newBuilder()
                .setType("RuntimeReady")
                .setStatus(false)
                .setReason("RuntimeUnreachable")
                .setMessage(e.getMessage()))
        .build();
  }
}
