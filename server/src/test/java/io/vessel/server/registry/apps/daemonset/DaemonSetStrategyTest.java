package io.vessel.server.registry.apps.daemonset;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.vessel.server.registry.Fixtures;
import io.vessel.server.registry.ObjectCodec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DaemonSetStrategyTest {
  private static final String DAEMON_SET =
      """
      metadata: {name: agent}
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec: {containers: [{name: c, image: agent:1}]}
      """;
  private final DaemonSetStrategy strategy = new DaemonSetStrategy();

  private static String generation(DaemonSet ds) {
    return ds.getMetadata().getAnnotations().get(DaemonSetStrategy.TEMPLATE_GENERATION);
  }

  @Test
  @DisplayName("prepare for create, bare daemon set, apps/v1 defaults and template generation 1")
  void defaults() {
    DaemonSet ds = Fixtures.yaml(DAEMON_SET, DaemonSet.class);

    strategy.prepareForCreate(ds);

    assertThat(ds.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(ds.getSpec().getUpdateStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(ds.getSpec().getUpdateStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isZero();
    assertThat(ds.getSpec().getRevisionHistoryLimit()).isEqualTo(10);
    assertThat(generation(ds)).isEqualTo("1");
  }

  @Test
  @DisplayName("prepare for update, template changed, template generation goes up; other changes keep it")
  void templateGeneration() {
    DaemonSet old = Fixtures.yaml(DAEMON_SET, DaemonSet.class);
    strategy.prepareForCreate(old);

    DaemonSet sameTemplate = ObjectCodec.copy(old);
    sameTemplate.getSpec().setMinReadySeconds(5);
    sameTemplate.getMetadata().setAnnotations(null);
    strategy.prepareForUpdate(sameTemplate, old);
    assertThat(generation(sameTemplate)).as("kept when the client leaves it out").isEqualTo("1");

    DaemonSet newImage = ObjectCodec.copy(old);
    newImage.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("agent:2");
    strategy.prepareForUpdate(newImage, old);
    assertThat(generation(newImage)).isEqualTo("2");
  }
}
