package io.vessel.conformance.suites.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.conformance.harness.Await;
import io.vessel.conformance.harness.Kubectl;
import io.vessel.conformance.harness.Launcher;
import io.vessel.conformance.harness.LocalCluster;
import io.vessel.conformance.harness.LocalNode;
import io.vessel.conformance.harness.Result;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second node joins as it would from another machine: {@code vessel node-kubeconfig} makes its
 * credentials on the cluster's side, {@code vessel agent} runs an agent alone (with its own
 * containerd) from them; a pod bound to it runs there and kubectl reaches it for logs and exec;
 * {@code vessel down} on the agent's state dir stops it.
 */
@Tag("node")
@DisplayName("A second node: vessel node-kubeconfig and vessel agent")
class SecondNodeIT {

  @Test
  @DisplayName("node-kubeconfig, then agent --detach: node-b Ready, a pod on it Running, logs and exec work, down stops it")
  void anAgentJoinsWithItsNodeKubeconfig(@TempDir Path dir) throws Exception {
    try (LocalCluster cluster = LocalNode.startCluster()) {
      var launcher = Launcher.fromSystemProperties();
      Path kubeconfig = dir.resolve("node-b.kubeconfig");
      Path agentDir = dir.resolve("agent");
      Result made = launcher.command(Launcher.DOWN_TIMEOUT, "node-kubeconfig", "--name", "node-b",
          "--state-dir", cluster.stateDir().toString(), "--out", kubeconfig.toString());
      assertThat(made.exitCode()).as(made::toString).isZero();
      try {
        Result started = launcher.command(Launcher.UP_TIMEOUT, "agent", "--kubeconfig", kubeconfig.toString(),
            "--node-name", "node-b", "--state-dir", agentDir.toString(),
            "--kubelet-port", Integer.toString(freePort()), "--detach");
        assertThat(started.exitCode()).as(started::toString).isZero();

        Await.untilAsserted("node-b registers Ready",
            () -> assertThat(ready(cluster, "node-b")).as(cluster::diagnostics).isEqualTo("True"));
        var available = Kubectl.available();
        var kubectl = cluster.kubectl(available.get(available.size() - 1));
        kubectl.succeed("run", "onb", "--image=busybox", "--restart=Never",
            "--overrides={\"spec\":{\"nodeName\":\"node-b\"}}", "--",
            "sh", "-c", "echo hello-from-node-b; sleep 3600");
        LocalNode.awaitRunning(cluster, kubectl, "default", "onb");

        assertThat(kubectl.succeed("get", "pod", "onb", "-o", "jsonpath={.spec.nodeName}").stdout())
            .isEqualTo("node-b");
        Await.untilAsserted("kubectl logs reaches node-b's agent",
            () -> assertThat(kubectl.succeed("logs", "onb").stdout()).isEqualTo("hello-from-node-b\n"));
        assertThat(kubectl.succeed("exec", "onb", "--", "echo", "exec-on-b").stdout()).isEqualTo("exec-on-b\n");
      } finally {
        Result down = launcher.down(agentDir);
        assertThat(down.stdout()).as(down::toString).contains("node agent stopped");
      }
    }
  }

  private static String ready(LocalCluster cluster, String node) {
    var response = cluster.rest().get("/api/v1/nodes/" + node);
    if (response.status() != 200) {
      return "absent";
    }
    for (JsonNode condition : response.json().path("status").path("conditions")) {
      if (condition.path("type").asText().equals("Ready")) {
        return condition.path("status").asText();
      }
    }
    return "none";
  }

  private static int freePort() throws Exception {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
