package io.vessel.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContainerPortsTest {
  private final Container web =
      new ContainerBuilder()
          .withName("web")
          .addNewPort().withName("http").withContainerPort(8080).endPort()
          .build();

  @Test
  @DisplayName("resolve, a number or a named container port")
  void resolves() {
    assertThat(ContainerPorts.resolve(new IntOrString(9000), web)).isEqualTo(9000);
    assertThat(ContainerPorts.resolve(new IntOrString("http"), web)).isEqualTo(8080);
    assertThatThrownBy(() -> ContainerPorts.resolve(new IntOrString("admin"), web))
        .hasMessage("couldn't find port: admin in container web");
  }
}
