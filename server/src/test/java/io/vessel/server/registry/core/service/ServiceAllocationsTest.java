package io.vessel.server.registry.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.vessel.server.api.ApiException;
import io.vessel.server.storage.Claim;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceAllocationsTest {
  private final ServiceAllocations alloc =
      new ServiceAllocations(ServiceIpRange.DEFAULT, NodePortRange.DEFAULT, new Random(7));
  private final ServiceStrategy strategy = new ServiceStrategy(alloc);

  private Service svc(String type, String clusterIp, Integer nodePort) {
    Service s =
        new ServiceBuilder()
            .withNewMetadata().withName("s").withNamespace("ns").endMetadata()
            .withNewSpec()
            .withType(type)
            .withClusterIP(clusterIp)
            .addNewPort().withPort(80).withNodePort(nodePort).endPort()
            .endSpec()
            .build();
    strategy.prepareForCreate(s);
    return s;
  }

  private static long ip(String s) {
    return ServiceIpRange.parseIp(s);
  }

  @Test
  @DisplayName("parse and format, IPv4 only, leading zeros and bad octets refused")
  void parsesIpv4() {
    assertThat(ServiceIpRange.format(ip("10.96.0.10"))).isEqualTo("10.96.0.10");
    assertThat(ip("255.255.255.255")).isEqualTo(0xffffffffL);
    assertThat(ip("10.96.0")).isEqualTo(-1);
    assertThat(ip("10.96.0.256")).isEqualTo(-1);
    assertThat(ip("10.96.0.01")).isEqualTo(-1);
    assertThat(ip("fd00::1")).isEqualTo(-1);
    assertThat(ServiceIpRange.DEFAULT).hasToString("10.96.0.0/12");
    assertThat(ServiceIpRange.DEFAULT.broadcast()).isEqualTo(ip("10.111.255.255"));
  }

  @Test
  @DisplayName("pick, from a range, never network, broadcast or the kubernetes Service's IP")
  void pickSkipsReserved() {
    ServiceIpRange small = ServiceIpRange.parse("10.0.0.0/29"); // .0 … .7
    Set<Long> taken = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      long v = small.pick(taken, new Random(i)).orElseThrow();
      assertThat(v).isBetween(ip("10.0.0.2"), ip("10.0.0.6"));
      assertThat(taken.add(v)).isTrue();
    }
    assertThat(small.pick(taken, new Random(1))).isEmpty();
    assertThat(small.contains(ip("10.0.0.1"))).isTrue();
    assertThat(small.contains(ip("10.0.0.7"))).isFalse();
  }

  @Test
  @DisplayName("pick, nearly full port range, finds the one free port")
  void pickFindsLastFreePort() {
    Set<Long> taken = new HashSet<>();
    LongStream.rangeClosed(30000, 32767).filter(p -> p != 31234).forEach(taken::add);
    assertThat(NodePortRange.DEFAULT.pick(taken, new Random(3))).hasValue(31234);
  }

  @Test
  @DisplayName("assign, ClusterIP without an IP, gets one from the range with its claim")
  void assignsClusterIp() {
    Service s = svc("ClusterIP", null, null);
    Set<Claim> claims = alloc.assign(s, null, Set.of(), Set.of());
    long v = ip(s.getSpec().getClusterIP());
    assertThat(ServiceIpRange.DEFAULT.contains(v)).isTrue();
    assertThat(s.getSpec().getClusterIPs()).containsExactly(s.getSpec().getClusterIP());
    assertThat(s.getSpec().getIpFamilies()).containsExactly("IPv4");
    assertThat(s.getSpec().getIpFamilyPolicy()).isEqualTo("SingleStack");
    assertThat(claims).containsExactly(new Claim(ServiceAllocations.IP_POOL, v));
    assertThat(s.getSpec().getPorts().get(0).getNodePort()).isNull();
  }

  @Test
  @DisplayName("assign, requested IP taken by another, 422 with upstream's message")
  void requestedIpTaken() {
    Service s = svc("ClusterIP", "10.96.0.5", null);
    assertThatThrownBy(() -> alloc.assign(s, null, Set.of(ip("10.96.0.5")), Set.of()))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining(
            "spec.clusterIPs: Invalid value: []string{\"10.96.0.5\"}: failed to allocate IP"
                + " 10.96.0.5: provided IP is already allocated");
  }

  @Test
  @DisplayName("assign, requested IP outside the CIDR, 422 naming the range")
  void requestedIpOutOfRange() {
    Service s = svc("ClusterIP", "10.0.0.5", null);
    assertThatThrownBy(() -> alloc.assign(s, null, Set.of(), Set.of()))
        .hasMessageContaining(
            "the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is"
                + " 10.96.0.0/12");
  }

  @Test
  @DisplayName("assign, update keeping its own IP and node port, no conflict")
  void ownValuesAreNotConflicts() {
    Service old = svc("NodePort", "10.96.0.9", 30080);
    Service s = svc("NodePort", "10.96.0.9", 30080);
    Set<Claim> claims = alloc.assign(s, old, Set.of(ip("10.96.0.9")), Set.of(30080L));
    assertThat(claims)
        .containsExactly(
            new Claim(ServiceAllocations.IP_POOL, ip("10.96.0.9")),
            new Claim(ServiceAllocations.PORT_POOL, 30080));
  }

  @Test
  @DisplayName("assign, NodePort requested port taken or out of range, 422 per port")
  void requestedNodePorts() {
    assertThatThrownBy(() -> alloc.assign(svc("NodePort", null, 30080), null, Set.of(), Set.of(30080L)))
        .hasMessageContaining("spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated");
    assertThatThrownBy(() -> alloc.assign(svc("NodePort", null, 80), null, Set.of(), Set.of()))
        .hasMessageContaining(
            "spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range."
                + " The range of valid ports is 30000-32767");
  }

  @Test
  @DisplayName("assign, headless, allocates nothing")
  void headless() {
    Service s = svc("ClusterIP", "None", null);
    assertThat(alloc.assign(s, null, Set.of(), Set.of())).isEmpty();
    assertThat(s.getSpec().getClusterIPs()).containsExactly("None");
  }

  @Test
  @DisplayName("claimedByAnother, server-chosen value, null so that it is chosen again")
  void raceOnChosenValueRetries() {
    Service requested = svc("NodePort", null, null);
    assertThat(alloc.claimedByAnother(requested, new Claim(ServiceAllocations.IP_POOL, 5))).isNull();
    assertThat(alloc.claimedByAnother(requested, new Claim(ServiceAllocations.PORT_POOL, 30001)))
        .isNull();
    Service asked = svc("NodePort", "10.96.0.7", 30001);
    assertThat(
            alloc.claimedByAnother(
                asked, new Claim(ServiceAllocations.PORT_POOL, 30001)))
        .hasMessageContaining("provided port is already allocated");
  }

  @Test
  @DisplayName("prepareForUpdate, NodePort to ClusterIP, drops node ports; to ExternalName drops the IP")
  void typeChangesDropValues() {
    Service old = svc("NodePort", "10.96.0.9", 30080);
    Service toClusterIp = svc("NodePort", "10.96.0.9", 30080);
    toClusterIp.getSpec().setType("ClusterIP");
    strategy.prepareForUpdate(toClusterIp, old);
    assertThat(toClusterIp.getSpec().getPorts().get(0).getNodePort()).isNull();
    assertThat(toClusterIp.getSpec().getClusterIP()).isEqualTo("10.96.0.9");

    Service toExternal = svc("NodePort", "10.96.0.9", 30080);
    toExternal.getSpec().setType("ExternalName");
    toExternal.getSpec().setExternalName("example.com");
    strategy.prepareForUpdate(toExternal, old);
    assertThat(toExternal.getSpec().getClusterIP()).isNull();
    assertThat(toExternal.getSpec().getClusterIPs()).isNull();
  }
}
