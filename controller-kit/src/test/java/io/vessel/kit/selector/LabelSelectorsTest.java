package io.vessel.kit.selector;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {
  @Test
  void matchLabelsAndExpressionsAllHaveToHold() {
    var sel =
        new LabelSelectorBuilder()
            .withMatchLabels(Map.of("app", "web"))
            .addNewMatchExpression().withKey("tier").withOperator("In").withValues("a", "b").endMatchExpression()
            .addNewMatchExpression().withKey("canary").withOperator("DoesNotExist").endMatchExpression()
            .build();
    assertThat(LabelSelectors.matches(sel, Map.of("app", "web", "tier", "a"))).isTrue();
    assertThat(LabelSelectors.matches(sel, Map.of("app", "web", "tier", "c"))).isFalse();
    assertThat(LabelSelectors.matches(sel, Map.of("app", "web", "tier", "a", "canary", "1"))).isFalse();
    assertThat(LabelSelectors.matches(sel, Map.of("tier", "a"))).isFalse();
  }

  @Test
  void emptySelectsEverythingNullNothing() {
    assertThat(LabelSelectors.matches(new LabelSelectorBuilder().build(), Map.of("x", "y"))).isTrue();
    assertThat(LabelSelectors.matches(null, Map.of("x", "y"))).isFalse();
    assertThat(LabelSelectors.matchesMap(Map.of(), Map.of("x", "y"))).isFalse();
    assertThat(LabelSelectors.matchesMap(Map.of("x", "y"), Map.of("x", "y", "z", "w"))).isTrue();
  }
}
