package io.vessel.server.registry.core.pod;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerDefaultsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "nginx, Always",
    "nginx:latest, Always",
    "nginx:1.25, IfNotPresent",
    "registry.example.com:5000/team/app, Always",
    "registry.example.com:5000/team/app:v2, IfNotPresent",
    "nginx@sha256:0123456789abcdef, IfNotPresent",
    "nginx:latest@sha256:0123456789abcdef, Always",
  })
  @DisplayName("default, image without a pull policy, Always only for latest or no tag")
  void pullPolicy(String image, String policy) {
    assertThat(ContainerDefaults.pullPolicyFor(image)).isEqualTo(policy);
  }
}
