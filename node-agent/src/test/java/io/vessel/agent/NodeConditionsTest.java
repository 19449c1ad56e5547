package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.cri.v1.RuntimeCondition;
import io.vessel.cri.v1.RuntimeStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NodeConditionsTest {
  private static final Instant T0 = Instant.parse("2026-11-22T05:00:00Z");

  @Test
  @DisplayName("of, runtime and network ready, Ready True with the kubelet's reason and no pressure")
  void ready() {
    var conditions = NodeConditions.of(status(true, true), null, T0);

    assertThat(conditions)
        .extracting(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason())
        .containsExactly(
            "MemoryPressure=False/KubeletHasSufficientMemory",
            "DiskPressure=False/KubeletHasNoDiskPressure",
            "PIDPressure=False/KubeletHasSufficientPID",
            "Ready=True/KubeletReady");
    assertThat(conditions.get(3).getMessage()).isEqualTo("kubelet is posting ready status");
  }

  @Test
  @DisplayName("of, network not ready, Ready False naming it; transition time moves only on change")
  void notReady() {
    var ready = NodeConditions.of(status(true, true), null, T0);
    var later = NodeConditions.of(status(true, true), ready, T0.plus(Duration.ofMinutes(1)));
    var broken = NodeConditions.of(status(true, false), later, T0.plus(Duration.ofMinutes(2)));

    assertThat(later.get(3).getLastTransitionTime()).isEqualTo("2026-11-22T05:00:00Z");
    assertThat(later.get(3).getLastHeartbeatTime()).isEqualTo("2026-11-22T05:01:00Z");
    assertThat(NodeConditions.sameIgnoringHeartbeat(ready, later)).isTrue();
    assertThat(broken.get(3).getStatus()).isEqualTo("False");
    assertThat(broken.get(3).getReason()).isEqualTo("KubeletNotReady");
    assertThat(broken.get(3).getMessage()).contains("NetworkReady=false");
    assertThat(broken.get(3).getLastTransitionTime()).isEqualTo("2026-11-22T05:02:00Z");
    assertThat(NodeConditions.sameIgnoringHeartbeat(later, broken)).isFalse();
  }

  private static RuntimeStatus status(boolean runtime, boolean network) {
    return RuntimeStatus.newBuilder()
        .addConditions(RuntimeCondition.newBuilder().setType("RuntimeReady").setStatus(runtime))
        .addConditions(
            RuntimeCondition.newBuilder().setType("NetworkReady").setStatus(network)
                .setReason("NetworkPluginNotReady").setMessage("cni config uninitialized"))
        .build();
  }
}
