package io.vessel.conformance.suites.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.conformance.harness.Await;
import io.vessel.conformance.harness.Figures;
import io.vessel.conformance.harness.Kubectl;
import io.vessel.conformance.harness.Launcher;
import io.vessel.conformance.harness.LocalCluster;
import io.vessel.conformance.harness.LocalNode;
import io.vessel.conformance.harness.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes (the local one and node-b, a second agent started with {@code vessel agent}); a
 * Deployment's pods run on node-b; node-b's agent is killed ({@code kill -9}): the node goes
 * NotReady once its heartbeats stop for the grace period (50 s), its pods are evicted by their
 * tolerations and the ReplicaSet's replacements run on the local node; node-b's agent starts again
 * with the same command line: node-b is Ready, the evicted pods' containers are torn down there,
 * and exactly as many containers run as there are replicas, all on the local node.
 */
@Tag("fault")
@Tag("node")
@DisplayName("Node loss")
class NodeLossIT {
  private static final String SUITE = "Node loss";
  private static final int REPLICAS = 2;
  private static final Duration LONG = Duration.ofSeconds(180);

  @Test
  @DisplayName(
      "two nodes; kill -9 node-b's agent: NotReady, its pods evicted and replaced on the other"
          + " node; restarted: Ready, their containers torn down, no duplicates")
  void nodeAgentKilledAndRestarted(@TempDir Path dir) throws Exception {
    try (LocalCluster cluster = LocalNode.startCluster()) {
      var launcher = Launcher.fromSystemProperties();
      Path agentDir = dir.resolve("node-b");
      Path kubeconfigB = dir.resolve("node-b.kubeconfig");
      try {
        Result made = launcher.command(Launcher.DOWN_TIMEOUT, "node-kubeconfig", "--name", "node-b",
            "--state-dir", cluster.stateDir().toString(), "--out", kubeconfigB.toString());
        assertThat(made.exitCode()).as(made::toString).isZero();
        Result started = launcher.command(Launcher.UP_TIMEOUT, "agent", "--kubeconfig", kubeconfigB.toString(),
            "--node-name", "node-b", "--state-dir", agentDir.toString(),
            "--kubelet-port", Integer.toString(freePort()), "--detach");
        assertThat(started.exitCode()).as(started::toString).isZero();
        Await.await("node-b is Ready").atMost(LONG)
            .untilAsserted(() -> assertThat(readyStatus(cluster, "node-b")).as(cluster::diagnostics).isEqualTo("True"));
        String local = localNodeName(cluster);

        var kubectl = cluster.kubectl(Kubectl.available().get(Kubectl.available().size() - 1));
        String ns = "nodeloss";
        kubectl.succeed("create", "ns", ns);
        kubectl.succeed("cordon", local); // the pods start on node-b
        kubectl.run(Kubectl.DEFAULT_TIMEOUT, DEPLOYMENT.formatted(ns, REPLICAS), "apply", "-f", "-");
        Set<String> before = awaitRunningPods(cluster, ns, Set.of());
        assertThat(nodesOf(cluster, ns, before)).containsOnly("node-b");
        kubectl.succeed("uncordon", local);

        // When: node-b's agent dies without a word
        Path pidFile = agentDir.resolve("node/agent.pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        List<String> command = commandLine(pid);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        long killed = System.nanoTime();

        // Then: node-b goes NotReady, its pods are evicted and replaced on the local node
        Await.await("node-b goes NotReady (Ready Unknown)").atMost(LONG)
            .untilAsserted(() -> assertThat(readyStatus(cluster, "node-b")).as(cluster::diagnostics).isEqualTo("Unknown"));
        long notReady = System.nanoTime();
        Set<String> replacements = awaitRunningPods(cluster, ns, before);
        long replaced = System.nanoTime();
        assertThat(nodesOf(cluster, ns, replacements)).containsOnly(local);

        // When: node-b's agent comes back with the same command line
        var restart = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(agentDir.resolve("node/agent.log").toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
        Files.writeString(pidFile, restart.pid() + "\n"); // so that `down` stops it
        long restarted = System.nanoTime();

        // Then: node-b is Ready again and runs nothing of the namespace; the replacements run alone
        Await.await("node-b is Ready again").atMost(LONG)
            .untilAsserted(() -> assertThat(readyStatus(cluster, "node-b")).as(cluster::diagnostics).isEqualTo("True"));
        long readyAgain = System.nanoTime();
        Path socketB = agentDir.resolve("node/containerd/containerd.sock");
        Path socketLocal = cluster.stateDir().resolve("node/containerd/containerd.sock");
        Await.await("node-b tears down the evicted pods' containers").atMost(LONG)
            .untilAsserted(() -> assertThat(runningContainers(socketB, ns)).as(cluster::diagnostics).isEmpty());
        long settled = System.nanoTime();
        assertThat(runningContainers(socketLocal, ns)).hasSize(REPLICAS);
        assertThat(livePods(cluster, ns)).isEqualTo(replacements);

      Figures.record(SUITE, "kill until NotReady", Figures.seconds(millis(killed, notReady)));
      Figures.record(SUITE, "NotReady until the replacements run on the local node", Figures.seconds(millis(notReady, replaced)));
      Figures.record(SUITE, "restart until Ready", Figures.seconds(millis(restarted, readyAgain)));
      Figures.record(SUITE, "restart until node-b runs none of them", Figures.seconds(millis(restarted, settled)));
      } finally {
        launcher.down(agentDir);
      }
    }
  }

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: sleeper, namespace: %s}
      spec:
        replicas: %d
        selector: {matchLabels: {app: sleeper}}
        template:
          metadata: {labels: {app: sleeper}}
          spec:
            terminationGracePeriodSeconds: 1
            tolerations:
            - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 2}
            - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 2}
            containers:
            - {name: main, image: busybox, imagePullPolicy: IfNotPresent, command: [sleep, "3600"]}
      """;

  private static int freePort() throws IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String localNodeName(LocalCluster cluster) {
    for (JsonNode node : cluster.rest().get("/api/v1/nodes").json().path("items")) {
      String name = node.path("metadata").path("name").asText();
      if (!name.equals("node-b")) {
        return name;
      }
    }
    throw new AssertionError("no local node");
  }

  private static Set<String> nodesOf(LocalCluster cluster, String ns, Set<String> pods) {
    var nodes = new HashSet<String>();
    for (String pod : pods) {
      nodes.add(cluster.rest().get("/api/v1/namespaces/" + ns + "/pods/" + pod).json()
          .path("spec").path("nodeName").asText());
    }
    return nodes;
  }

  private static long millis(long from, long to) {
    return TimeUnit.NANOSECONDS.toMillis(to - from);
  }

  /** The agent's own argv, to start it again exactly as the launcher did. */
  private static List<String> commandLine(long pid) throws IOException {
    byte[] raw = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
    var args = new ArrayList<String>();
    for (String arg : new String(raw, StandardCharsets.UTF_8).split("\0")) {
      args.add(arg);
    }
    return args;
  }

  private static String readyStatus(LocalCluster cluster, String name) {
    var response = cluster.rest().get("/api/v1/nodes/" + name);
    if (response.status() == 200) {
      for (JsonNode condition : response.json().path("status").path("conditions")) {
        if (condition.path("type").asText().equals("Ready")) {
          return condition.path("status").asText();
        }
      }
    }
    return "none";
  }

  /** Pods of the Deployment that are not being deleted. */
  private static Set<String> livePods(LocalCluster cluster, String ns) {
    var names = new HashSet<String>();
    for (JsonNode pod : cluster.rest().get("/api/v1/namespaces/" + ns + "/pods").json().path("items")) {
      if (pod.path("metadata").path("deletionTimestamp").isMissingNode()
          || pod.path("metadata").path("deletionTimestamp").isNull()) {
        names.add(pod.path("metadata").path("name").asText());
      }
    }
    return names;
  }

  private static Set<String> awaitRunningPods(LocalCluster cluster, String ns, Set<String> exclude) {
    var running = new HashSet<String>();
    Await.await(REPLICAS + " pods Running")
        .atMost(LONG)
        .untilAsserted(
            () -> {
              running.clear();
              for (JsonNode pod : cluster.rest().get("/api/v1/namespaces/" + ns + "/pods").json().path("items")) {
                String name = pod.path("metadata").path("name").asText();
                if (!exclude.contains(name) && pod.path("status").path("phase").asText().equals("Running")) {
                  running.add(name);
                }
              }
              assertThat(running).as(cluster::diagnostics).hasSize(REPLICAS);
            });
    return Set.copyOf(running);
  }

  /** Containers (not sandboxes) of pods in {@code ns} whose task runs, as containerd sees them. */
  private static List<String> runningContainers(Path socket, String ns) throws Exception {
    String sock = socket.toString();
    var containers = new HashSet<>(ctr(sock, "containers", "ls", "-q",
        "labels.\"io.kubernetes.pod.namespace\"==" + ns + ",labels.\"io.cri-containerd.kind\"==container"));
    var running = new ArrayList<String>();
    for (String line : ctr(sock, "tasks", "ls")) {
      String[] cols = line.trim().split("\\s+");
      if (cols.length >= 3 && containers.contains(cols[0]) && cols[2].equals("RUNNING")) {
        running.add(cols[0]);
      }
    }
    return running;
  }

  private static List<String> ctr(String sock, String... args) throws Exception {
    var command = new ArrayList<>(List.of("ctr", "--address", sock, "-n", "k8s.io"));
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("ctr " + String.join(" ", args) + ": " + out).isZero();
    return out.lines().filter(l -> !l.isBlank()).toList();
  }
}
