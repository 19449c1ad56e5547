package io.vessel.kit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void leaseTimesTravelAsMicroTime() throws Exception {
    Lease lease = new Lease();
    LeaseSpec spec = new LeaseSpec();
    spec.setRenewTime(ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC));
    lease.setSpec(spec);
    String json = Json.mapper().writeValueAsString(lease);
    assertThat(json).contains("\"renewTime\":\"2026-01-02T03:04:05.123456Z\"");
    Lease back = Json.mapper().readValue(json, Lease.class);
    assertThat(back.getSpec().getRenewTime().toInstant()).isEqualTo(spec.getRenewTime().toInstant());
  }

  @Test
  void resourcePaths() {
    var rs = new ResourceType<>("apps", "v1", "replicasets", "ReplicaSet", true,
        io.fabric8.kubernetes.api.model.apps.ReplicaSet.class);
    assertThat(rs.collectionPath("ns")).isEqualTo("/apis/apps/v1/namespaces/ns/replicasets");
    assertThat(rs.collectionPath("")).isEqualTo("/apis/apps/v1/replicasets");
    assertThat(rs.itemPath("ns", "a")).isEqualTo("/apis/apps/v1/namespaces/ns/replicasets/a");
    var nodes = new ResourceType<>("", "v1", "nodes", "Node", false, io.fabric8.kubernetes.api.model.Node.class);
    assertThat(nodes.itemPath("ignored", "n1")).isEqualTo("/api/v1/nodes/n1");
  }
}
