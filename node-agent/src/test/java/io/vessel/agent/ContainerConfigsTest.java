package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContainerConfigsTest {

  @Test
  @DisplayName("build, env values and fieldRefs and $(VAR) in args, become the CRI config")
  void envAndArgs() {
    var c =
        new ContainerBuilder(TestPods.container("main"))
            .withCommand("sh", "-c")
            .withArgs("echo $(GREETING) from $(POD) at $(IP) $$(x) $(MISSING)")
            .withWorkingDir("/tmp")
            .withEnv(
                new EnvVarBuilder().withName("GREETING").withValue("hello").build(),
                new EnvVarBuilder().withName("POD").withNewValueFrom().withNewFieldRef()
                    .withFieldPath("metadata.name").endFieldRef().endValueFrom().build(),
                new EnvVarBuilder().withName("NS").withNewValueFrom().withNewFieldRef()
                    .withFieldPath("metadata.namespace").endFieldRef().endValueFrom().build(),
                new EnvVarBuilder().withName("IP").withNewValueFrom().withNewFieldRef()
                    .withFieldPath("status.podIP").endFieldRef().endValueFrom().build())
            .build();
    var pod = TestPods.pod("web", c);

    var env = new ContainerEnv(pod, PodObjects.NONE, ContainerEnvTest.NODE, "10.88.0.7", "10.0.0.1").of(c);
    var config = ContainerConfigs.build(pod, c, 3, env, java.util.List.of(), "sha256:abc");

    assertThat(config.getCommandList()).containsExactly("sh", "-c");
    assertThat(config.getArgsList())
        .containsExactly("echo hello from web at 10.88.0.7 $(x) $(MISSING)");
    assertThat(config.getWorkingDir()).isEqualTo("/tmp");
    assertThat(config.getEnvsList())
        .extracting(kv -> kv.getKey() + "=" + kv.getValue())
        .containsExactly("GREETING=hello", "POD=web", "NS=default", "IP=10.88.0.7");
    assertThat(config.getMetadata().getAttempt()).isEqualTo(3);
    assertThat(config.getLogPath()).isEqualTo("main/3.log");
    assertThat(config.getImage().getImage()).isEqualTo("sha256:abc");
    assertThat(config.getLabelsMap()).containsEntry(PodLabels.CONTAINER_NAME, "main")
        .containsEntry(PodLabels.POD_UID, pod.getMetadata().getUid());
  }

  @Test
  @DisplayName("resources, cpu request and limits, become shares, CFS quota and memory limit")
  void resources() {
    var c =
        new ContainerBuilder(TestPods.container("main"))
            .withNewResources()
            .withRequests(Map.of("cpu", new Quantity("250m")))
            .withLimits(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("64Mi")))
            .endResources()
            .build();

    var r = ContainerConfigs.resources(c);

    assertThat(r.getCpuShares()).isEqualTo(256);
    assertThat(r.getCpuPeriod()).isEqualTo(100_000);
    assertThat(r.getCpuQuota()).isEqualTo(50_000);
    assertThat(r.getMemoryLimitInBytes()).isEqualTo(64L * 1024 * 1024);
  }

  @Test
  @DisplayName("resources, none, give the minimum shares and no limits")
  void noResources() {
    var r = ContainerConfigs.resources(TestPods.container("main"));

    assertThat(r.getCpuShares()).isEqualTo(2);
    assertThat(r.getCpuQuota()).isZero();
    assertThat(r.getMemoryLimitInBytes()).isZero();
  }
}
