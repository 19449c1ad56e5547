package io.vessel.server.registry.apps.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.StatusCause;
import io.vessel.server.registry.Fixtures;
import io.vessel.server.registry.ObjectCodec;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeploymentStrategyTest {
  private static final String DEPLOYMENT =
      """
      metadata: {name: web}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: nginx, image: nginx}]}
      """;
  private final DeploymentStrategy strategy = new DeploymentStrategy();

  @Test
  @DisplayName("prepare for create, bare deployment, gets apps/v1 and pod template defaults")
  void defaults() {
    Deployment d = Fixtures.yaml(DEPLOYMENT, Deployment.class);

    strategy.prepareForCreate(d);

    var spec = d.getSpec();
    assertThat(spec.getReplicas()).isEqualTo(1);
    assertThat(spec.getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(spec.getStrategy().getRollingUpdate().getMaxSurge().getStrVal()).isEqualTo("25%");
    assertThat(spec.getStrategy().getRollingUpdate().getMaxUnavailable().getStrVal())
        .isEqualTo("25%");
    assertThat(spec.getRevisionHistoryLimit()).isEqualTo(10);
    assertThat(spec.getProgressDeadlineSeconds()).isEqualTo(600);
    assertThat(spec.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Always");
    assertThat(spec.getTemplate().getSpec().getEnableServiceLinks()).isNull();
    assertThat(spec.getTemplate().getSpec().getContainers().get(0).getImagePullPolicy())
        .isEqualTo("Always");
    assertThat(d.getStatus()).isNotNull();
    assertThat(strategy.tracksGeneration()).isTrue();
  }

  @Test
  @DisplayName("validate, template labels outside the selector, reports upstream's message")
  void selectorMismatch() {
    Deployment d =
        Fixtures.yaml(
            DEPLOYMENT.replace("{labels: {app: web}}", "{labels: {app: api}}"), Deployment.class);
    strategy.prepareForCreate(d);
    FieldErrors errors = new FieldErrors();

    strategy.validate(d, errors);

    assertThat(errors.causes())
        .containsExactly(
            new StatusCause(
                "FieldValueInvalid",
                "Invalid value: map[string]string{\"app\":\"api\"}: `selector` does not match"
                    + " template `labels`",
                "spec.template.metadata.labels"));
  }

  @Test
  @DisplayName("validate, empty selector, is invalid for deployment")
  void emptySelector() {
    Deployment d =
        Fixtures.yaml(DEPLOYMENT.replace("{matchLabels: {app: web}}", "{}"), Deployment.class);
    FieldErrors errors = new FieldErrors();

    strategy.validate(d, errors);

    assertThat(errors.causes())
        .extracting(StatusCause::field, StatusCause::message)
        .containsExactly(
            tuple(
                "spec.selector",
                "Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil),"
                    + " MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is"
                    + " invalid for deployment"));
  }

  @Test
  @DisplayName("validate update, selector changed, is immutable")
  void immutableSelector() {
    Deployment old = Fixtures.yaml(DEPLOYMENT, Deployment.class);
    strategy.prepareForCreate(old);
    Deployment d = ObjectCodec.copy(old);
    d.getSpec().getSelector().setMatchLabels(Map.of("app", "web", "tier", "front"));
    d.getSpec().getTemplate().getMetadata().setLabels(Map.of("app", "web", "tier", "front"));
    FieldErrors errors = new FieldErrors();

    strategy.validateUpdate(d, old, errors);

    assertThat(errors.causes())
        .extracting(StatusCause::field, StatusCause::message)
        .containsExactly(
            tuple(
                "spec.selector",
                "Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\","
                    + " \"tier\":\"front\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}:"
                    + " field is immutable"));
  }

  @Test
  @DisplayName("validate, negative replicas, must be at least 0")
  void negativeReplicas() {
    Deployment d = Fixtures.yaml(DEPLOYMENT + "  replicas: -1\n", Deployment.class);
    FieldErrors errors = new FieldErrors();

    strategy.validate(d, errors);

    assertThat(errors.causes())
        .containsExactly(
            new StatusCause(
                "FieldValueInvalid",
                "Invalid value: -1: must be greater than or equal to 0",
                "spec.replicas"));
  }
}
