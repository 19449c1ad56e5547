package io.vessel.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  @DisplayName("lines, trailing newline, yields no empty last line")
  void linesDropsTrailingEmptyLine() {
    assertThat(Text.lines("a\nb\n")).containsExactly("a", "b");
    assertThat(Text.lines("a\r\n\nb")).containsExactly("a", "", "b");
    assertThat(Text.lines("")).isEmpty();
  }

  @Test
  @DisplayName("squeeze, column-aligned row, collapses whitespace to single spaces")
  void squeezeCollapsesColumns() {
    assertThat(Text.squeeze("  namespaces    ns     v1   false   Namespace "))
        .isEqualTo("namespaces ns v1 false Namespace");
  }

  @Test
  @DisplayName("stripAnsi, coloured cluster-info line, leaves only the text")
  void stripAnsiRemovesColours() {
    var coloured =
        "\u001B[0;32mKubernetes control plane\u001B[0m is running at"
            + " \u001B[0;33mhttps://127.0.0.1:6443\u001B[0m";
    assertThat(Text.stripAnsi(coloured))
        .isEqualTo("Kubernetes control plane is running at https://127.0.0.1:6443");
  }
}
