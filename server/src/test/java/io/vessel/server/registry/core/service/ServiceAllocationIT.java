package io.vessel.server.registry.core.service;

import static io.vessel.kit.client.Resources.NAMESPACES;
import static io.vessel.kit.client.Resources.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.vertx.core.Future;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.server.testing.LiveServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ClusterIP and NodePort allocation through the API, on two replicas sharing one database. */
class ServiceAllocationIT {
  private static final String NS = "alloc-it";
  private static LiveServer live;
  private static ApiClient api;
  private static ApiClient other;

  @BeforeAll
  static void start() throws Exception {
    live = LiveServer.start();
    live.addReplica();
    api = live.client(0);
    other = live.client(1);
    Blocking.await(
        api.create(NAMESPACES, new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()));
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
    other.close();
    live.close();
  }

  private static Service svc(String name, String type, String clusterIp, Integer nodePort) {
    return new ServiceBuilder()
        .withNewMetadata().withNamespace(NS).withName(name).endMetadata()
        .withNewSpec()
        .withType(type)
        .withClusterIP(clusterIp)
        .withSelector(Map.of("app", name))
        .addNewPort().withPort(80).withNodePort(nodePort).endPort()
        .endSpec()
        .build();
  }

  @Test
  @DisplayName("create, 50 at once across two replicas, 50 distinct IPs and node ports in range")
  void concurrentCreatesNeverShareAValue() {
    // Given / When
    List<Future<Service>> creates = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ApiClient via = i % 2 == 0 ? api : other;
      creates.add(via.create(SERVICES, svc("many-" + i, "NodePort", null, null)));
    }
    List<Service> created = creates.stream().map(Blocking::await).toList();

    // Then
    Set<String> ips = new HashSet<>();
    Set<Integer> ports = new HashSet<>();
    for (Service s : created) {
      String ip = s.getSpec().getClusterIP();
      long v = ServiceIpRange.parseIp(ip);
      assertThat(ServiceIpRange.DEFAULT.contains(v)).as(ip).isTrue();
      assertThat(ip).isNotEqualTo("10.96.0.1");
      assertThat(s.getSpec().getClusterIPs()).containsExactly(ip);
      assertThat(s.getSpec().getIpFamilies()).containsExactly("IPv4");
      assertThat(s.getSpec().getIpFamilyPolicy()).isEqualTo("SingleStack");
      ips.add(ip);
      int np = s.getSpec().getPorts().get(0).getNodePort();
      assertThat(np).isBetween(30000, 32767);
      ports.add(np);
    }
    assertThat(ips).hasSize(50);
    assertThat(ports).hasSize(50);
  }

  @Test
  @DisplayName("create, requested IP held by another Service (other replica), 422 as upstream")
  void requestedIpConflict() {
    Blocking.await(api.create(SERVICES, svc("ip-a", "ClusterIP", "10.96.0.5", null)));

    assertThatThrownBy(() -> Blocking.await(other.create(SERVICES, svc("ip-b", "ClusterIP", "10.96.0.5", null))))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(422))
        .hasMessageContaining(
            "Service \"ip-b\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.0.5\"}:"
                + " failed to allocate IP 10.96.0.5: provided IP is already allocated");
    assertThatThrownBy(() -> Blocking.await(api.create(SERVICES, svc("ip-c", "ClusterIP", "192.168.0.5", null))))
        .hasMessageContaining(
            "failed to allocate IP 192.168.0.5: the provided IP (192.168.0.5) is not in the valid"
                + " range. The range of valid IPs is 10.96.0.0/12");
    assertThatThrownBy(() -> Blocking.await(api.create(SERVICES, svc("ip-d", "ClusterIP", "10.96.0.1", null))))
        .as("the kubernetes Service holds the first address")
        .hasMessageContaining("failed to allocate IP 10.96.0.1: provided IP is already allocated");
  }

  @Test
  @DisplayName("create, requested node port held by another Service, 422 as upstream")
  void requestedNodePortConflict() {
    Blocking.await(api.create(SERVICES, svc("np-a", "NodePort", null, 30080)));

    assertThatThrownBy(() -> Blocking.await(other.create(SERVICES, svc("np-b", "NodePort", null, 30080))))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(422))
        .hasMessageContaining("spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated");
    assertThatThrownBy(() -> Blocking.await(api.create(SERVICES, svc("np-c", "NodePort", null, 8080))))
        .hasMessageContaining(
            "spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range."
                + " The range of valid ports is 30000-32767");
  }

  @Test
  @DisplayName("create, headless, no clusterIP allocated")
  void headless() {
    Service s = Blocking.await(api.create(SERVICES, svc("headless", "ClusterIP", "None", null)));

    assertThat(s.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(s.getSpec().getClusterIPs()).containsExactly("None");
  }

  @Test
  @DisplayName("update, NodePort to ClusterIP to ExternalName, releases the node port, then the IP")
  void typeChangesRelease() {
    Service s = Blocking.await(api.create(SERVICES, svc("changing", "NodePort", "10.96.0.77", 30777)));
    assertThat(s.getSpec().getPorts().get(0).getNodePort()).isEqualTo(30777);

    Service clusterIp =
        Blocking.await(api.mergePatch(SERVICES, NS, "changing", "", Map.of("spec", Map.of("type", "ClusterIP"))));
    assertThat(clusterIp.getSpec().getPorts().get(0).getNodePort()).isNull();
    assertThat(clusterIp.getSpec().getClusterIP()).isEqualTo("10.96.0.77");
    Blocking.await(other.create(SERVICES, svc("port-reuser", "NodePort", null, 30777)));

    Service external =
        Blocking.await(
            api.mergePatch(SERVICES, NS, "changing", "",
                Map.of("spec", Map.of("type", "ExternalName", "externalName", "example.com"))));
    assertThat(external.getSpec().getClusterIP()).isNull();
    Blocking.await(other.create(SERVICES, svc("ip-reuser", "ClusterIP", "10.96.0.77", null)));

    Service back =
        Blocking.await(api.mergePatch(SERVICES, NS, "changing", "", Map.of("spec", Map.of("type", "NodePort"))));
    assertThat(back.getSpec().getClusterIP()).isNotEqualTo("10.96.0.77").isNotEmpty();
    assertThat(back.getSpec().getPorts().get(0).getNodePort()).isNotEqualTo(30777).isNotNull();
  }

  @Test
  @DisplayName("delete, releases the IP and node port for the next Service")
  void deleteReleases() {
    Blocking.await(api.create(SERVICES, svc("gone", "NodePort", "10.96.0.88", 30888)));

    Blocking.await(api.delete(SERVICES, NS, "gone", null));

    Service next = Blocking.await(other.create(SERVICES, svc("next", "NodePort", "10.96.0.88", 30888)));
    assertThat(next.getSpec().getClusterIP()).isEqualTo("10.96.0.88");
  }

  @Test
  @DisplayName("update, PUT without clusterIP or nodePort, keeps them")
  void putKeepsAllocatedValues() {
    Service s = Blocking.await(api.create(SERVICES, svc("kept", "NodePort", null, null)));
    Service put = svc("kept", "NodePort", null, null);
    put.getMetadata().setResourceVersion(s.getMetadata().getResourceVersion());

    Service updated = Blocking.await(api.update(SERVICES, put));

    assertThat(updated.getSpec().getClusterIP()).isEqualTo(s.getSpec().getClusterIP());
    assertThat(updated.getSpec().getPorts().get(0).getNodePort())
        .isEqualTo(s.getSpec().getPorts().get(0).getNodePort());
  }
}
