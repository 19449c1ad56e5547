package io.vessel.conformance.suites.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Await;
import io.vessel.conformance.harness.ForEachKubectl;
import io.vessel.conformance.harness.Kubectl;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.LocalCluster;
import io.vessel.conformance.harness.LocalNode;
import io.vessel.conformance.harness.TestNamespaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code vessel up} with its local node (its own containerd and a node agent), then what a user
 * does with a real container: kubectl run, get it Running, read its logs (all, --tail, -f, -c,
 * the error for a pod of two containers).
 */
@Tag("node")
@DisplayName("A real node: kubectl run and logs against containerd")
class LocalNodeLogsIT {

  private static LocalCluster cluster;

  @RegisterExtension final TestNamespaces namespaces = new TestNamespaces(cluster);

  @BeforeAll
  static void startVesselWithNode() {
    cluster = LocalNode.startCluster();
  }

  @AfterAll
  static void stopVessel() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @ForEachKubectl
  @DisplayName("run busybox, Running on the node; logs, --tail=1, -f shows a later line")
  void runAndLogs(KubectlBinary binary) {
    var kubectl = cluster.kubectl(binary);
    String ns = namespaces.newName("logs");
    kubectl.succeed("create", "ns", ns);
    kubectl.succeed(
        "run", "talker", "-n", ns, "--image=busybox", "--restart=Never", "--",
        "sh", "-c", "echo one; echo two; sleep 2; echo three; sleep 3600");
    LocalNode.awaitRunning(cluster, kubectl, ns, "talker");

    assertThat(kubectl.succeed("logs", "-n", ns, "talker").stdout()).startsWith("one\ntwo\n");
    Await.untilAsserted(
        "the third line is logged",
        () -> assertThat(kubectl.succeed("logs", "-n", ns, "talker").stdout())
            .isEqualTo("one\ntwo\nthree\n"));
    assertThat(kubectl.succeed("logs", "-n", ns, "talker", "--tail=1").stdout())
        .isEqualTo("three\n");
    var ts = kubectl.succeed("logs", "-n", ns, "talker", "--timestamps", "--tail=1").stdout();
    assertThat(ts).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z three\\n");

    try (var follow = kubectl.start("logs", "-n", ns, "talker", "-f")) {
      Await.untilAsserted(
          "kubectl logs -f prints what is there and keeps streaming",
          () -> assertThat(follow.stdoutLines()).containsExactly("one", "two", "three"));
      assertThat(follow.isAlive()).as(follow::describe).isTrue();
    }
  }

  @ForEachKubectl
  @DisplayName("a pod of two containers: logs -c picks one; without -c kubectl says which it chose")
  void twoContainers(KubectlBinary binary) {
    var kubectl = cluster.kubectl(binary);
    String ns = namespaces.newName("logs2");
    kubectl.succeed("create", "ns", ns);
    kubectl.run(Kubectl.DEFAULT_TIMEOUT,
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: pair}
        spec:
          containers:
          - {name: left, image: busybox, command: [sh, -c, "echo from-left; sleep 3600"]}
          - {name: right, image: busybox, command: [sh, -c, "echo from-right; sleep 3600"]}
        """,
        "apply", "-n", ns, "-f", "-");
    LocalNode.awaitRunning(cluster, kubectl, ns, "pair");

    Await.untilAsserted(
        "each container's own log",
        () -> {
          assertThat(kubectl.succeed("logs", "-n", ns, "pair", "-c", "right").stdout())
              .isEqualTo("from-right\n");
          assertThat(kubectl.succeed("logs", "-n", ns, "pair", "-c", "left").stdout())
              .isEqualTo("from-left\n");
        });
    var defaulted = kubectl.run("logs", "-n", ns, "pair");
    assertThat(defaulted.exitCode()).as(() -> kubectl.explain(defaulted)).isZero();
    assertThat(defaulted.stdout()).isEqualTo("from-left\n");
    assertThat(defaulted.stderr()).contains("Defaulted container \"left\" out of: left, right");

    var unknown = kubectl.run("logs", "-n", ns, "pair", "-c", "nope");
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.stderr())
        .contains("container nope is not valid for pod pair");
  }
}
