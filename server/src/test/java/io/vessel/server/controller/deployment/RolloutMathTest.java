package io.vessel.server.controller.deployment;

import io.vessel.server.controller.TemplateHash;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import org.junit.jupiter.api.Test;

class RolloutMathTest {
  @Test
  void percentagesRoundSurgeUpAndUnavailableDown() {
    assertThat(RolloutMath.surgeAndUnavailable(new IntOrString("25%"), new IntOrString("25%"), 10))
        .containsExactly(3, 2);
    assertThat(RolloutMath.surgeAndUnavailable(null, null, 1)).containsExactly(1, 0);
    assertThat(RolloutMath.surgeAndUnavailable(new IntOrString(0), new IntOrString(0), 3))
        .as("both zero would never progress").containsExactly(0, 1);
    assertThat(RolloutMath.surgeAndUnavailable(new IntOrString(2), new IntOrString("50%"), 5))
        .containsExactly(2, 2);
  }

  @Test
  void theNewSetGrowsWithinTheSurge() {
    assertThat(RolloutMath.newReplicas(10, 3, 10, 0)).isEqualTo(3);
    assertThat(RolloutMath.newReplicas(10, 3, 13, 3)).isEqualTo(3);
    assertThat(RolloutMath.newReplicas(10, 3, 11, 3)).isEqualTo(5);
    assertThat(RolloutMath.newReplicas(10, 3, 4, 8)).isEqualTo(10);
    assertThat(RolloutMath.newReplicas(10, 0, 12, 12)).isEqualTo(10);
  }

  @Test
  void oldPodsGoOnlyWhileEnoughStayAvailable() {
    // 10 desired, 2 may be unavailable; 13 pods, 3 new not yet available: 13 - 8 - 3.
    assertThat(RolloutMath.oldScaleDownBudget(10, 2, 13, 3, 0)).isEqualTo(2);
    assertThat(RolloutMath.oldScaleDownBudget(10, 0, 10, 0, 0)).isZero();
    assertThat(RolloutMath.oldScaleDownBudget(10, 2, 13, 3, 3)).isEqualTo(5);
  }

  @Test
  void templateHashesAreStableAndVowelFree() {
    var t = new io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder()
        .withNewMetadata().addToLabels("app", "x").endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec()
        .build();
    String h = TemplateHash.of(t, null);
    assertThat(h).isEqualTo(TemplateHash.of(t, null)).matches("[bcdfghjklmnpqrstvwxz2456789]{6,10}");
    assertThat(TemplateHash.of(t, 1)).isNotEqualTo(h);
  }
}
