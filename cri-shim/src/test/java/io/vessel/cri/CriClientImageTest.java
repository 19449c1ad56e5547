package io.vessel.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.vessel.cri.v1.Image;
import io.vessel.cri.v1.ImageSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CriClientImageTest extends FakeRuntimeTestBase {

  @Test
  @DisplayName("imageStatus, image not present, empty rather than an error")
  void missing() {
    assertThat(cri.imageStatus("busybox:1.36")).isEmpty();
  }

  @Test
  @DisplayName("pullImage, short name, image present under its normalised name and id")
  void pull() {
    String ref = cri.pullImage("busybox:1.36");

    var image = cri.imageStatus("docker.io/library/busybox:1.36").orElseThrow();
    assertThat(ref).isEqualTo(image.getId()).startsWith("sha256:");
    assertThat(image.getRepoTagsList()).containsExactly("docker.io/library/busybox:1.36");
    assertThat(cri.imageStatus(ref)).contains(image);
    assertThat(cri.imageStatus(image.getRepoDigests(0))).contains(image);
    assertThat(cri.listImages()).containsExactly(image);
  }

  @Test
  @DisplayName("pullImage, registry unreachable, UNKNOWN and the image stays absent")
  void pullFails() {
    runtime.failNextPull();

    assertThatThrownBy(() -> cri.pullImage("busybox:1.36"))
        .isInstanceOfSatisfying(
            CriException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Status.Code.UNKNOWN);
              assertThat(e.rpc()).isEqualTo("PullImage");
            })
        .hasMessageContaining("failed to pull and unpack image");
    assertThat(cri.imageStatus("busybox:1.36")).isEmpty();

    cri.pullImage("busybox:1.36");
    assertThat(runtime.calls("PullImage")).isEqualTo(2);
  }

  @Test
  @DisplayName("removeImage, present then absent, removed and the second call succeeds")
  void remove() {
    runtime.addImage("busybox");
    var spec = ImageSpec.newBuilder().setImage("busybox:latest").build();

    cri.removeImage(spec);

    assertThat(cri.listImages()).isEmpty();
    assertThatNoException().isThrownBy(() -> cri.removeImage(spec));
  }

  @Test
  @DisplayName("imageFsInfo, two images, their sizes added up")
  void fsInfo() {
    Image busybox = runtime.addImage("busybox");
    Image pause = runtime.addImage("registry.k8s.io/pause:3.9");

    var usage = cri.imageFsInfo();

    assertThat(usage).hasSize(1);
    assertThat(usage.get(0).getUsedBytes().getValue())
        .isEqualTo(busybox.getSize() + pause.getSize());
    assertThat(usage.get(0).getFsId().getMountpoint()).isNotEmpty();
  }
}
