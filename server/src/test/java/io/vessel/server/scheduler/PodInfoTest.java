package io.vessel.server.scheduler;

import static io.vessel.server.scheduler.Fixtures.container;
import static io.vessel.server.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodInfoTest {

  @Test
  @DisplayName("requests, containers summed, the largest init container if larger, plus overhead")
  void sumsContainersAndMaxesInitContainers() {
    PodInfo info =
        PodInfo.of(
            pod("p", "500m", "100Mi")
                .editSpec()
                .addToContainers(container("250m", "50Mi"))
                .addToInitContainers(container("1", "10Mi"), container("100m", "400Mi"))
                .withOverhead(Map.of("cpu", new Quantity("10m")))
                .endSpec()
                .build());

    assertThat(info.requests().milliCpu()).isEqualTo(1010);
    assertThat(info.requests().memory()).isEqualTo(400L * 1024 * 1024);
  }

  @Test
  @DisplayName("requests, sidecar init containers run alongside everything after them")
  void sidecarsAddUp() {
    Container sidecar = container("200m", "0");
    sidecar.setRestartPolicy("Always");
    PodInfo info =
        PodInfo.of(
            pod("p", "300m", null)
                .editSpec()
                .addToInitContainers(sidecar, container("900m", null))
                .endSpec()
                .build());

    // containers + sidecar = 500m; the init container with the sidecar beside it = 1100m
    assertThat(info.requests().milliCpu()).isEqualTo(1100);
  }

  @Test
  @DisplayName("non-zero requests, a container asking for nothing counts 100m and 200Mi")
  void nonZeroDefaults() {
    PodInfo info = PodInfo.of(pod("p", null, null).build());

    assertThat(info.requests().isZero()).isTrue();
    assertThat(info.nonZeroRequests().milliCpu()).isEqualTo(100);
    assertThat(info.nonZeroRequests().memory()).isEqualTo(200L * 1024 * 1024);
  }

  @Test
  @DisplayName("host ports, an empty IP binds all, conflicts by port and protocol")
  void hostPorts() {
    Container c = container(null, null);
    c.setPorts(
        java.util.List.of(
            new ContainerPortBuilder().withContainerPort(80).withHostPort(8080).build(),
            new ContainerPortBuilder().withContainerPort(81).build()));
    PodInfo info = PodInfo.of(pod("p", null, null).editSpec().withContainers(c).endSpec().build());

    assertThat(info.hostPorts()).containsExactly(new PodInfo.HostPort("0.0.0.0", "TCP", 8080));
    assertThat(info.hostPorts().get(0).conflicts(new PodInfo.HostPort("10.0.0.1", "TCP", 8080)))
        .isTrue();
    assertThat(new PodInfo.HostPort("10.0.0.2", "TCP", 8080)
            .conflicts(new PodInfo.HostPort("10.0.0.1", "TCP", 8080)))
        .isFalse();
    assertThat(info.hostPorts().get(0).conflicts(new PodInfo.HostPort("0.0.0.0", "UDP", 8080)))
        .isFalse();
  }
}
