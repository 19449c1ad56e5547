package io.vessel.cri;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.cri.testing.RealContainerd;
import io.vessel.cri.v1.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Against the machine's real containerd, read-only. Runs only where containerd serves its default
 * socket (node-agent/containerd/setup.sh sets one up); see {@link RealContainerd} for when it is
 * skipped.
 */
class ContainerdCriIT {

  @BeforeAll
  static void containerdServing() {
    RealContainerd.assumeServing();
  }

  @Test
  @DisplayName("containerd, Version ListImages ImageStatus, answered over CRI v1")
  void readOnlyCalls() {
    try (var cri = CriClient.builder().endpoint(CriEndpoint.CONTAINERD).connect()) {
      assertThat(cri.runtimeVersion().runtimeName()).isEqualTo("containerd");
      assertThat(cri.runtimeVersion().runtimeApiVersion()).isEqualTo("v1");

      var images = cri.listImages();
      for (Image image : images) {
        assertThat(image.getId()).startsWith("sha256:");
      }
      if (!images.isEmpty()) {
        assertThat(cri.imageStatus(images.get(0).getId()))
            .map(Image::getId)
            .contains(images.get(0).getId());
      }
      assertThat(cri.imageStatus("vessel.invalid/no-such-image:never")).isEmpty();
    }
  }
}
