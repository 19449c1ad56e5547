package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.Resources;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the Lease {@code kube-node-lease/<node>} (the node controller's liveness signal), as the
 * kubelet does: every {@link #RENEW_EVERY} with a duration of {@link #LEASE_DURATION_SECONDS}, the
 * Lease owned by the Node so it goes with it.
 *
 * <p>Called from one scheduler thread only.
 */
final class NodeLeaseHeartbeat {
  static final Duration RENEW_EVERY = Duration.ofSeconds(10);
  static final int LEASE_DURATION_SECONDS = 40;
  static final String NAMESPACE = "kube-node-lease";
  private static final Logger LOG = LoggerFactory.getLogger(NodeLeaseHeartbeat.class);

  private final ApiClient api;
  private final Node node;
  private final Clock clock;

  NodeLeaseHeartbeat(ApiClient api, Node node, Clock clock) {
    this.api = api;
    this.node = node;
    this.clock = clock;
  }

  /** Renews the Lease, creating it if missing; never throws. */
  void renew() {
    String name = node.getMetadata().getName();
    String now = KubeTime.micro(clock.instant());
    try {
      Blocking.await(
          api.mergePatch(
              Resources.LEASES, NAMESPACE, name, "",
              Map.of("spec", Map.of("holderIdentity", name, "renewTime", now,
                  "leaseDurationSeconds", LEASE_DURATION_SECONDS))));
    } catch (ApiException e) {
      if (e.code() != 404) {
        LOG.warn("node {}: lease renewal failed: {}", name, e.toString());
        return;
      }
      create(name, now);
    } catch (RuntimeException e) {
      LOG.warn("node {}: lease renewal failed: {}", name, e.toString());
    }
  }

  private void create(String name, String now) {
    Lease lease =
        new LeaseBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(NAMESPACE)
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion("v1")
                    .withKind("Node")
                    .withName(name)
                    .withUid(node.getMetadata().getUid())
                    .build())
            .endMetadata()
            .withNewSpec()
            .withHolderIdentity(name)
            .withLeaseDurationSeconds(LEASE_DURATION_SECONDS)
            .withRenewTime(ZonedDateTime.parse(now))
            .endSpec()
            .build();
    try {
      Blocking.await(api.create(Resources.LEASES, lease));
      LOG.info("node {}: created lease {}/{}", name, NAMESPACE, name);
    } catch (RuntimeException e) {
      LOG.warn("node {}: lease creation failed: {}", name, e.toString());
    }
  }
}
