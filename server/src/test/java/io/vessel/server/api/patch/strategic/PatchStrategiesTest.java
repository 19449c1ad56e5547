package io.vessel.server.api.patch.strategic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.NamespaceSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSetSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PatchStrategiesTest {

  static Stream<Arguments> taggedFields() {
    return Stream.of(
        arguments(named("containers by name", PodSpec.class), "containers", "merge", "name"),
        arguments(
            named("volumes merge,retainKeys", PodSpec.class),
            "volumes",
            "merge,retainKeys",
            "name"),
        arguments(named("hostAliases by ip", PodSpec.class), "hostAliases", "merge", "ip"),
        arguments(
            named("topologySpreadConstraints by topologyKey", PodSpec.class),
            "topologySpreadConstraints",
            "merge",
            "topologyKey"),
        arguments(
            named("container ports by containerPort", Container.class),
            "ports",
            "merge",
            "containerPort"),
        arguments(
            named("volumeMounts by mountPath", Container.class),
            "volumeMounts",
            "merge",
            "mountPath"),
        arguments(named("ephemeral env by name", EphemeralContainer.class), "env", "merge", "name"),
        arguments(named("service ports by port", ServiceSpec.class), "ports", "merge", "port"),
        arguments(named("node addresses by type", NodeStatus.class), "addresses", "merge", "type"),
        arguments(
            named("finalizers merge without key", ObjectMeta.class), "finalizers", "merge", ""),
        arguments(
            named("ownerReferences by uid", ObjectMeta.class), "ownerReferences", "merge", "uid"),
        arguments(
            named("deployment strategy retainKeys", DeploymentSpec.class),
            "strategy",
            "retainKeys",
            ""),
        arguments(
            named("deployment conditions by type", DeploymentStatus.class),
            "conditions",
            "merge",
            "type"),
        arguments(named("job conditions by type", JobStatus.class), "conditions", "merge", "type"),
        arguments(
            named("PDB selector replace", PodDisruptionBudgetSpec.class),
            "selector",
            "replace",
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taggedFields")
  @DisplayName("of, field tagged upstream, returns its strategy and merge key")
  void returnsUpstreamTag(Class<?> owner, String field, String tag, String mergeKey) {
    var strategy = PatchStrategies.of(owner, field);

    assertThat(strategy).isPresent();
    assertThat(strategy.get().tag()).isEqualTo(tag);
    assertThat(strategy.get().mergeKey()).isEqualTo(mergeKey);
  }

  static Stream<Arguments> atomicFields() {
    return Stream.of(
        arguments(named("tolerations are atomic", PodSpec.class), "tolerations"),
        arguments(named("envFrom is atomic", Container.class), "envFrom"),
        arguments(named("namespace spec finalizers", NamespaceSpec.class), "finalizers"),
        arguments(named("daemonset updateStrategy", DaemonSetSpec.class), "updateStrategy"),
        arguments(named("managedFields", ObjectMeta.class), "managedFields"),
        arguments(named("rbac rules", ClusterRole.class), "rules"),
        arguments(named("not a field", PodSpec.class), "noSuchField"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("atomicFields")
  @DisplayName("of, field without upstream tag, returns empty")
  void returnsEmptyForUntagged(Class<?> owner, String field) {
    assertThat(PatchStrategies.of(owner, field)).isEmpty();
  }

  @Test
  @DisplayName("all, every entry, names a list or object field of its owner")
  void everyEntryResolvesAgainstTheModel() {
    assertThat(PatchStrategies.all()).hasSizeGreaterThan(30);
    PatchStrategies.all()
        .forEach(
            (owner, fields) ->
                fields.forEach(
                    (field, strategy) -> {
                      var shape = ModelShape.fields(owner).get(field);
                      assertThat(shape).as(owner.getSimpleName() + "." + field).isNotNull();
                      assertThat(shape.kind()).isIn(ModelShape.Kind.LIST, ModelShape.Kind.STRUCT);
                    }));
  }

  @Test
  @DisplayName("strategies, merge and retainKeys, keep tag order")
  void keepsTagOrder() {
    var volumes = PatchStrategies.of(PodSpec.class, "volumes").orElseThrow();

    assertThat(volumes.strategies()).isEqualTo(List.of("merge", "retainKeys"));
    assertThat(volumes.merges()).isTrue();
    assertThat(volumes.retainsKeys()).isTrue();
    assertThat(volumes.replaces()).isFalse();
  }
}
