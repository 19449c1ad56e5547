package io.vessel.server.controller.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackendsTest {

  private static Service svc(IntOrString target) {
    return new ServiceBuilder()
        .withNewMetadata().withNamespace("ns").withName("web").endMetadata()
        .withNewSpec()
        .withSelector(Map.of("app", "web"))
        .addNewPort().withName("http").withPort(80).withProtocol("TCP").withTargetPort(target).endPort()
        .endSpec()
        .build();
  }

  private static Pod pod(String name, String ip, int containerPort, boolean ready, String phase) {
    return new PodBuilder()
        .withNewMetadata().withNamespace("ns").withName(name).withLabels(Map.of("app", "web")).endMetadata()
        .withNewSpec()
        .addNewContainer().withName("c").addNewPort().withName("web").withContainerPort(containerPort).endPort().endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .withPodIP(ip)
        .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
        .endStatus()
        .build();
  }

  @Test
  @DisplayName("of, named targetPort, resolved per pod; pods without IP or finished are skipped")
  void resolvesNamedPorts() {
    var backends =
        Backends.of(
            svc(new IntOrString("web")),
            List.of(
                pod("b", "10.0.0.2", 8081, false, "Running"),
                pod("a", "10.0.0.1", 8080, true, "Running"),
                pod("no-ip", null, 8080, true, "Pending"),
                pod("done", "10.0.0.3", 8080, false, "Succeeded")));

    assertThat(backends).extracting(Backends.Backend::ip).containsExactly("10.0.0.1", "10.0.0.2");
    assertThat(backends.get(0).ports()).containsExactly(new Backends.Port("http", 8080, "TCP", null));
    assertThat(backends.get(1).ports()).containsExactly(new Backends.Port("http", 8081, "TCP", null));
    assertThat(backends).extracting(Backends.Backend::ready).containsExactly(true, false);
  }

  @Test
  @DisplayName("subsets, pods on different ports, one subset per port list with ready and not-ready")
  void repacksSubsets() {
    Service svc = svc(new IntOrString("web"));
    var backends =
        Backends.of(
            svc,
            List.of(
                pod("a", "10.0.0.1", 8080, true, "Running"),
                pod("b", "10.0.0.2", 8080, false, "Running"),
                pod("c", "10.0.0.3", 9090, true, "Running")));

    var subsets = EndpointsController.subsets(svc, backends);

    assertThat(subsets).hasSize(2);
    assertThat(subsets.get(0).getPorts().get(0).getPort()).isEqualTo(8080);
    assertThat(subsets.get(0).getAddresses()).extracting(a -> a.getIp()).containsExactly("10.0.0.1");
    assertThat(subsets.get(0).getNotReadyAddresses()).extracting(a -> a.getIp()).containsExactly("10.0.0.2");
    assertThat(subsets.get(1).getPorts().get(0).getPort()).isEqualTo(9090);
  }

  @Test
  @DisplayName("wanted slices, no backends, one placeholder without ports or endpoints")
  void placeholderSlice() {
    assertThat(EndpointSliceController.wanted(List.of()))
        .containsExactly(new EndpointSliceController.Wanted(List.of(), List.of()));
  }
}
