package io.vessel.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.vessel.cri.fake.FakeRuntime;
import io.vessel.cri.v1.RuntimeCondition;
import io.vessel.cri.v1.VersionResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriClientVersionTest {

  @Test
  @DisplayName("connect, runtime speaks v1, exposes its name and version")
  void handshake() {
    try (var runtime = FakeRuntime.start()) {
      runtime.setVersion(version("containerd", "1.6.20~ds1", "v1"));

      try (var cri = CriClient.builder().endpoint(runtime.endpoint()).connect()) {
        assertThat(cri.runtimeVersion())
            .isEqualTo(new RuntimeVersion("containerd", "1.6.20~ds1", "v1"));
        assertThat(cri.runtimeVersion().containerRuntimeVersion())
            .isEqualTo("containerd://1.6.20~ds1");
        assertThat(cri.endpoint()).isEqualTo(runtime.endpoint());
        assertThat(runtime.calls("Version")).isEqualTo(1);
      }
    }
  }

  @Test
  @DisplayName("connect, runtime answers another CRI version, UNIMPLEMENTED")
  void otherApiVersion() {
    try (var runtime = FakeRuntime.start()) {
      runtime.setVersion(version("old-runtime", "0.9", "v1alpha2"));

      assertThatThrownBy(() -> CriClient.builder().endpoint(runtime.endpoint()).connect())
          .isInstanceOfSatisfying(
              CriException.class,
              e -> {
                assertThat(e.code()).isEqualTo(Status.Code.UNIMPLEMENTED);
                assertThat(e.rpc()).isEqualTo("Version");
              })
          .hasMessageContaining("serves CRI v1alpha2");
    }
  }

  @Test
  @DisplayName("connect, runtime has no runtime.v1 service, UNIMPLEMENTED")
  void noService() {
    try (var runtime = FakeRuntime.start()) {
      runtime.failNext(
          "Version",
          Status.UNIMPLEMENTED.withDescription("unknown service runtime.v1.RuntimeService"));

      assertThatThrownBy(() -> CriClient.builder().endpoint(runtime.endpoint()).connect())
          .isInstanceOfSatisfying(CriException.class, e -> assertThat(e.isUnimplemented()).isTrue())
          .hasMessageContaining("unknown service runtime.v1.RuntimeService");
    }
  }

  @Test
  @DisplayName("connect, Version reply without runtime name, INTERNAL")
  void incompleteReply() {
    try (var runtime = FakeRuntime.start()) {
      runtime.setVersion(version("", "1.0", "v1"));

      assertThatThrownBy(() -> CriClient.builder().endpoint(runtime.endpoint()).connect())
          .isInstanceOfSatisfying(
              CriException.class, e -> assertThat(e.code()).isEqualTo(Status.Code.INTERNAL))
          .hasMessageContaining("runtime_name");
    }
  }

  @Test
  @DisplayName("connect, nothing listens on the socket, UNAVAILABLE")
  void noRuntime(@TempDir Path dir) {
    Path socket = dir.resolve("missing.sock");

    assertThatThrownBy(() -> CriClient.builder().endpoint("unix://" + socket).connect())
        .isInstanceOfSatisfying(CriException.class, e -> assertThat(e.isUnavailable()).isTrue());
    assertThat(Files.exists(socket)).isFalse();
  }

  @Test
  @DisplayName("status, network not ready, both conditions reported with the reason")
  void status() {
    try (var runtime = FakeRuntime.start();
        var cri = CriClient.builder().endpoint(runtime.endpoint()).connect()) {
      runtime.setCondition(
          "NetworkReady", false, "NetworkPluginNotReady", "cni config uninitialized");

      assertThat(cri.status().getConditionsList())
          .containsExactly(
              RuntimeCondition.newBuilder().setType("RuntimeReady").setStatus(true).build(),
              RuntimeCondition.newBuilder()
                  .setType("NetworkReady")
                  .setStatus(false)
                  .setReason("NetworkPluginNotReady")
                  .setMessage("cni config uninitialized")
                  .build());
    }
  }

  private static VersionResponse version(String name, String runtimeVersion, String apiVersion) {
    return VersionResponse.newBuilder()
        .setVersion("0.1.0")
        .setRuntimeName(name)
        .setRuntimeVersion(runtimeVersion)
        .setRuntimeApiVersion(apiVersion)
        .build();
  }
}
