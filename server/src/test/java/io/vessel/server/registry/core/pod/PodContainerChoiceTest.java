package io.vessel.server.registry.core.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.vessel.server.api.ApiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodContainerChoiceTest {

  private static Pod pod(String... containers) {
    var spec = new PodBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec();
    spec.addNewInitContainer().withName("setup").endInitContainer();
    for (String c : containers) {
      spec.addNewContainer().withName(c).endContainer();
    }
    return spec.endSpec().build();
  }

  @Test
  @DisplayName("choose, none named and one container, that one")
  void single() {
    assertThat(PodContainerChoice.choose(pod("main"), "")).isEqualTo("main");
  }

  @Test
  @DisplayName("choose, an init container named, accepted")
  void init() {
    assertThat(PodContainerChoice.choose(pod("main", "side"), "setup")).isEqualTo("setup");
  }

  @Test
  @DisplayName("choose, none named and two containers, 400 listing init containers first")
  void ambiguous() {
    assertThatThrownBy(() -> PodContainerChoice.choose(pod("main", "side"), null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "a container name must be specified for pod web, choose one of: [setup main"
                          + " side]");
            });
  }

  @Test
  @DisplayName("choose, an unknown container, 400")
  void unknown() {
    assertThatThrownBy(() -> PodContainerChoice.choose(pod("main"), "nope"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.getMessage()).isEqualTo("container nope is not valid for pod web"));
  }
}
