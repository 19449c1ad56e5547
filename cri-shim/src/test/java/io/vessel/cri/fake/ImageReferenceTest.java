package io.vessel.cri.fake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "busybox, docker.io/library/busybox:latest",
    "busybox:1.36, docker.io/library/busybox:1.36",
    "me/app, docker.io/me/app:latest",
    "registry.k8s.io/pause:3.9, registry.k8s.io/pause:3.9",
    "localhost/pause:local, localhost/pause:local",
    "localhost:5000/app, localhost:5000/app:latest",
    "busybox@sha256:abc, docker.io/library/busybox@sha256:abc",
    "docker.io/library/busybox:1.36, docker.io/library/busybox:1.36",
  })
  @DisplayName("normalize, as containerd names images")
  void normalize(String reference, String normalized) {
    assertThat(ImageReference.normalize(reference)).isEqualTo(normalized);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "docker.io/library/busybox:1.36, docker.io/library/busybox",
    "localhost:5000/app:latest, localhost:5000/app",
    "docker.io/library/busybox@sha256:abc, docker.io/library/busybox",
  })
  @DisplayName("repository, tag and digest dropped, registry port kept")
  void repository(String normalized, String repository) {
    assertThat(ImageReference.repository(normalized)).isEqualTo(repository);
  }
}
