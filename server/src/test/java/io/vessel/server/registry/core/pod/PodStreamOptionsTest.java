package io.vessel.server.registry.core.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vessel.server.api.ApiException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodStreamOptionsTest {

  private static MultiMap query(String... kv) {
    var m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < kv.length; i += 2) {
      m.add(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  @DisplayName("exec, kubectl exec -i -- sh -c x, forwarded in the kubelet's parameter names")
  void exec() {
    var opts =
        PodStreamOptions.parse(
            "exec",
            query("command", "sh", "command", "-c", "command", "x", "stdin", "true", "stdout",
                "true", "stderr", "true", "container", "c"));

    assertThat(opts.container()).isEqualTo("c");
    assertThat(opts.agentQuery())
        .containsExactly(
            Map.entry("input", "1"), Map.entry("output", "1"), Map.entry("error", "1"),
            Map.entry("command", "sh"), Map.entry("command", "-c"), Map.entry("command", "x"));
  }

  @Test
  @DisplayName("exec, no command, 400 in kube-apiserver's words")
  void noCommand() {
    assertThatThrownBy(() -> PodStreamOptions.parse("exec", query("stdout", "true")))
        .isInstanceOf(ApiException.class)
        .hasMessage("you must specify at least 1 command")
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(400);
  }

  @Test
  @DisplayName("exec and attach, no stream, 400")
  void noStream() {
    assertThatThrownBy(() -> PodStreamOptions.parse("exec", query("command", "ls")))
        .hasMessage("you must specify at least one of stdin, stdout, stderr");
    assertThatThrownBy(() -> PodStreamOptions.parse("attach", query("tty", "true")))
        .hasMessage("you must specify at least one of stdin, stdout, stderr");
  }

  @Test
  @DisplayName("portforward, ports given, forwarded as port; a bad one is a 400")
  void portForward() {
    assertThat(PodStreamOptions.parse("portforward", query("ports", "8080,9090")).agentQuery())
        .containsExactly(Map.entry("port", "8080"), Map.entry("port", "9090"));
    assertThat(PodStreamOptions.parse("portforward", query()).agentQuery()).isEmpty();
    assertThatThrownBy(() -> PodStreamOptions.parse("portforward", query("ports", "0")))
        .isInstanceOf(ApiException.class);
  }
}
