package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContainerEnvTest {
  static final NodeAllocatable NODE = new NodeAllocatable(2000, 4L << 30, 20L << 30);

  private final TestPodObjects objects =
      new TestPodObjects()
          .configMap("default", "settings", Map.of("mode", "fast", "level", "3", "bad=key", "x"))
          .secret("default", "creds", Map.of("password", "s3cret", "user", "admin"));

  private Map<String, String> env(EnvVar... vars) {
    var c = new ContainerBuilder(TestPods.container("main")).withEnv(vars).build();
    return new ContainerEnv(TestPods.pod("web", c), objects, NODE, "10.88.0.7", "10.0.0.1").of(c);
  }

  private static EnvVar configMapKey(String var, String name, String key, Boolean optional) {
    return new EnvVarBuilder().withName(var).withNewValueFrom().withNewConfigMapKeyRef()
        .withName(name).withKey(key).withOptional(optional).endConfigMapKeyRef().endValueFrom().build();
  }

  private static EnvVar secretKey(String var, String name, String key, Boolean optional) {
    return new EnvVarBuilder().withName(var).withNewValueFrom().withNewSecretKeyRef()
        .withName(name).withKey(key).withOptional(optional).endSecretKeyRef().endValueFrom().build();
  }

  @Test
  @DisplayName("configMapKeyRef and secretKeyRef give the key's value (the Secret's decoded)")
  void keyRefs() {
    assertThat(env(configMapKey("MODE", "settings", "mode", null), secretKey("PW", "creds", "password", null)))
        .containsExactly(Map.entry("MODE", "fast"), Map.entry("PW", "s3cret"));
  }

  @Test
  @DisplayName("a missing ConfigMap, Secret or key fails with the kubelet's message, unless optional")
  void missing() {
    assertThatThrownBy(() -> env(configMapKey("X", "nope", "k", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("configmap \"nope\" not found");
    assertThatThrownBy(() -> env(configMapKey("X", "settings", "absent", false)))
        .hasMessage("couldn't find key absent in ConfigMap default/settings");
    assertThatThrownBy(() -> env(secretKey("X", "nope", "k", null)))
        .hasMessage("secret \"nope\" not found");
    assertThatThrownBy(() -> env(secretKey("X", "creds", "absent", null)))
        .hasMessage("couldn't find key absent in Secret default/creds");
    assertThat(env(configMapKey("X", "nope", "k", true), secretKey("Y", "creds", "absent", true)))
        .isEmpty();
  }

  @Test
  @DisplayName("envFrom: every key with its prefix, invalid names skipped, env entries after it win")
  void envFrom() {
    var c =
        new ContainerBuilder(TestPods.container("main"))
            .withEnvFrom(
                new EnvFromSourceBuilder().withNewConfigMapRef().withName("settings").endConfigMapRef().build(),
                new EnvFromSourceBuilder().withPrefix("DB_").withNewSecretRef().withName("creds").endSecretRef().build(),
                new EnvFromSourceBuilder().withNewConfigMapRef().withName("gone").withOptional(true).endConfigMapRef().build())
            .withEnv(new EnvVarBuilder().withName("mode").withValue("slow").build())
            .build();

    var env = new ContainerEnv(TestPods.pod("web", c), objects, NODE, "", "").of(c);

    assertThat(env)
        .containsEntry("mode", "slow")
        .containsEntry("level", "3")
        .containsEntry("DB_password", "s3cret")
        .containsEntry("DB_user", "admin")
        .doesNotContainKey("bad=key")
        .hasSize(4);
    var missing =
        new ContainerBuilder(TestPods.container("main"))
            .withEnvFrom(new EnvFromSourceBuilder().withNewSecretRef().withName("gone").endSecretRef().build())
            .build();
    assertThatThrownBy(() -> new ContainerEnv(TestPods.pod("web", missing), objects, NODE, "", "").of(missing))
        .hasMessage("secret \"gone\" not found");
  }

  @Test
  @DisplayName("fieldRef: labels and annotations by key, IPs, node and service account")
  void fieldRefs() {
    var c = new ContainerBuilder(TestPods.container("main")).withEnv(
        field("APP", "metadata.labels['app']"),
        field("NOTE", "metadata.annotations['note']"),
        field("NONE", "metadata.labels['absent']"),
        field("IPS", "status.podIPs"),
        field("HOST", "status.hostIP"),
        field("SA", "spec.serviceAccountName")).build();
    var pod = new PodBuilder(TestPods.pod("web", c)).editMetadata().addToLabels("app", "web")
        .addToAnnotations("note", "hi").endMetadata().editSpec().withServiceAccountName("robot").endSpec().build();

    assertThat(new ContainerEnv(pod, objects, NODE, "10.88.0.7", "10.0.0.1").of(c))
        .containsExactly(
            Map.entry("APP", "web"), Map.entry("NOTE", "hi"), Map.entry("NONE", ""),
            Map.entry("IPS", "10.88.0.7"), Map.entry("HOST", "10.0.0.1"), Map.entry("SA", "robot"));
  }

  @Test
  @DisplayName("resourceFieldRef: divided and rounded up; an unset limit is the node's allocatable")
  void resourceFields() {
    var c = new ContainerBuilder(TestPods.container("main"))
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("32Mi")))
        .withLimits(Map.of("memory", new Quantity("64Mi")))
        .endResources()
        .withEnv(
            resource("CPU_REQ", "requests.cpu", null),
            resource("CPU_REQ_M", "requests.cpu", "1m"),
            resource("CPU_LIM", "limits.cpu", null),
            resource("MEM_LIM_MI", "limits.memory", "1Mi"),
            resource("MEM_REQ", "requests.memory", null),
            resource("STORAGE_LIM_GI", "limits.ephemeral-storage", "1Gi"))
        .build();

    assertThat(new ContainerEnv(TestPods.pod("web", c), objects, NODE, "", "").of(c))
        .containsExactly(
            Map.entry("CPU_REQ", "1"), Map.entry("CPU_REQ_M", "250"), Map.entry("CPU_LIM", "2"),
            Map.entry("MEM_LIM_MI", "64"), Map.entry("MEM_REQ", String.valueOf(32L << 20)),
            Map.entry("STORAGE_LIM_GI", "20"));
  }

  private static EnvVar field(String var, String path) {
    return new EnvVarBuilder().withName(var).withNewValueFrom().withNewFieldRef().withFieldPath(path)
        .endFieldRef().endValueFrom().build();
  }

  private static EnvVar resource(String var, String resource, String divisor) {
    return new EnvVarBuilder().withName(var).withNewValueFrom().withNewResourceFieldRef()
        .withResource(resource).withDivisor(divisor == null ? null : new Quantity(divisor))
        .endResourceFieldRef().endValueFrom().build();
  }
}
