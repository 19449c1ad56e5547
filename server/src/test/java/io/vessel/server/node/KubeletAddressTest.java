package io.vessel.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.vessel.server.api.ApiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KubeletAddressTest {

  @Test
  @DisplayName("of, hostname and internal IP with a reported port, the IP and that port")
  void internalIpFirst() {
    Node node =
        new NodeBuilder()
            .withNewStatus()
            .addNewAddress().withType("Hostname").withAddress("box").endAddress()
            .addNewAddress().withType("InternalIP").withAddress("10.0.0.7").endAddress()
            .withNewDaemonEndpoints().withNewKubeletEndpoint().withPort(41000).endKubeletEndpoint()
            .endDaemonEndpoints()
            .endStatus()
            .build();

    assertThat(KubeletAddress.of(node)).isEqualTo(new KubeletAddress("10.0.0.7", 41000));
  }

  @Test
  @DisplayName("of, no port reported, 10250")
  void defaults() {
    Node node =
        new NodeBuilder()
            .withNewStatus()
            .addNewAddress().withType("InternalIP").withAddress("fd00::7").endAddress()
            .endStatus()
            .build();

    assertThat(KubeletAddress.of(node)).isEqualTo(new KubeletAddress("fd00::7", 10250));
  }

  @Test
  @DisplayName("of, no addresses, 400")
  void none() {
    assertThatThrownBy(() -> KubeletAddress.of(new Node()))
        .isInstanceOf(ApiException.class);
  }
}
