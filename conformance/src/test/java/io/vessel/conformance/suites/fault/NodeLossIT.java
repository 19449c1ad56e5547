package io.vessel.conformance.suites.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.conformance.harness.Await;
import io.vessel.conformance.harness.Figures;
import io.vessel.conformance.harness.Kubectl;
import io.vessel.conformance.harness.LocalCluster;
import io.vessel.conformance.harness.LocalNode;
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

/**
 * The local node's agent is killed ({@code kill -9}) under a Deployment: the node goes NotReady
 * once its heartbeats stop for the grace period (50 s), its pods are evicted by their tolerations
 * and the ReplicaSet replaces them; the agent restarts with the same command line: the node is
 * Ready again, the replacements run, and exactly as many containers run as there are replicas (the
 * evicted pods' containers are torn down, none is started twice).
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
      "kill -9 the node agent: NotReady, pods evicted and replaced; restarted: Ready, the"
          + " replacements Running, no duplicate containers")
  void nodeAgentKilledAndRestarted() throws Exception {
    try (LocalCluster cluster = LocalNode.startCluster()) {
      var kubectl = cluster.kubectl(Kubectl.available().get(Kubectl.available().size() - 1));
      String ns = "nodeloss";
      kubectl.succeed("create", "ns", ns);
      kubectl.run(
          Kubectl.DEFAULT_TIMEOUT,
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
          """
              .formatted(ns, REPLICAS),
          "apply", "-f", "-");
      Set<String> before = awaitRunningPods(cluster, ns, Set.of());
      assertThat(runningContainers(cluster, ns)).as(cluster::diagnostics).hasSize(REPLICAS);

      // When: the agent dies without a word
      Path pidFile = cluster.stateDir().resolve("node/agent.pid");
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      List<String> command = commandLine(pid);
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      long killed = System.nanoTime();

      // Then: the node goes NotReady, its pods are evicted and replaced
      Await.await("the node goes NotReady (Ready Unknown)")
          .atMost(LONG)
          .untilAsserted(() -> assertThat(readyStatus(cluster)).as(cluster::diagnostics).isEqualTo("Unknown"));
      long notReady = System.nanoTime();
      Await.await("the ReplicaSet replaces the evicted pods")
          .atMost(LONG)
          .untilAsserted(
              () -> {
                var live = livePods(cluster, ns);
                assertThat(live).as(cluster::diagnostics).hasSize(REPLICAS).doesNotContainAnyElementsOf(before);
              });
      long replaced = System.nanoTime();

      // When: the agent comes back with the same command line
      var restart = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(cluster.stateDir().resolve("node/agent.log").toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
      Files.writeString(pidFile, restart.pid() + "\n"); // so that `down` stops it
      long restarted = System.nanoTime();

      // Then: Ready again, the replacements run, and no container runs twice
      Await.await("the node is Ready again")
          .atMost(LONG)
          .untilAsserted(() -> assertThat(readyStatus(cluster)).as(cluster::diagnostics).isEqualTo("True"));
      long readyAgain = System.nanoTime();
      Set<String> after = awaitRunningPods(cluster, ns, before);
      assertThat(after).hasSize(REPLICAS).doesNotContainAnyElementsOf(before);
      Await.await("exactly " + REPLICAS + " containers of the namespace run")
          .atMost(LONG)
          .untilAsserted(() -> assertThat(runningContainers(cluster, ns)).as(cluster::diagnostics).hasSize(REPLICAS));
      long settled = System.nanoTime();

      Figures.record(SUITE, "kill until NotReady", Figures.seconds(millis(killed, notReady)));
      Figures.record(SUITE, "NotReady until replacements exist", Figures.seconds(millis(notReady, replaced)));
      Figures.record(SUITE, "restart until Ready", Figures.seconds(millis(restarted, readyAgain)));
      Figures.record(SUITE, "restart until the replacements run alone", Figures.seconds(millis(restarted, settled)));
    }
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

  private static String readyStatus(LocalCluster cluster) {
    for (JsonNode node : cluster.rest().get("/api/v1/nodes").json().path("items")) {
      for (JsonNode condition : node.path("status").path("conditions")) {
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
  private static List<String> runningContainers(LocalCluster cluster, String ns) throws Exception {
    String sock = cluster.stateDir().resolve("node/containerd/containerd.sock").toString();
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
