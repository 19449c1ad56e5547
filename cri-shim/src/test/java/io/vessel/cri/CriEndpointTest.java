package io.vessel.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CriEndpointTest {

  @Test
  @DisplayName("parse, unix URL, socket path")
  void unixUrl() {
    var endpoint = CriEndpoint.parse("unix:///var/run/crio/crio.sock");

    assertThat(endpoint.socket()).isEqualTo(Path.of("/var/run/crio/crio.sock"));
    assertThat(endpoint).hasToString("unix:///var/run/crio/crio.sock");
  }

  @Test
  @DisplayName("parse, bare absolute path, accepted as older kubelets did")
  void barePath() {
    assertThat(CriEndpoint.parse("/run/containerd/containerd.sock"))
        .isEqualTo(CriEndpoint.CONTAINERD);
  }

  @Test
  @DisplayName("default, containerd's socket")
  void containerdDefault() {
    assertThat(CriEndpoint.CONTAINERD).hasToString("unix:///run/containerd/containerd.sock");
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {"tcp://127.0.0.1:1234", "unix://relative/cri.sock", "unix://", "cri.sock", ""})
  @DisplayName("parse, not an absolute unix socket, rejected")
  void rejected(String endpoint) {
    assertThatThrownBy(() -> CriEndpoint.parse(endpoint))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("listening, a bound socket answers; the file left behind by a closed one does not")
  void listening(@TempDir Path dir) throws Exception {
    Path socket = dir.resolve("cri.sock");
    var endpoint = new CriEndpoint(socket);
    assertThat(endpoint.listening()).isFalse();

    try (var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      assertThat(endpoint.listening()).isTrue();
    }
    assertThat(Files.exists(socket)).isTrue();
    assertThat(endpoint.listening()).isFalse();
  }
}
