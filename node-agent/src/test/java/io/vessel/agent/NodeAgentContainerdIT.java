package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.vessel.agent.testing.LiveApiServer;
import io.vessel.certs.TlsContexts;
import io.vessel.cri.CriClient;
import io.vessel.cri.testing.RealContainerd;
import io.vessel.cri.v1.PodSandboxFilter;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.Resources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node agent against the machine's real containerd (run {@code node-agent/containerd/setup.sh}
 * first) and an in-process API server: skipped when containerd does not answer (see {@link
 * RealContainerd}).
 */
class NodeAgentContainerdIT {
  static final String SOCKET = "/run/containerd/containerd.sock";
  static final String NODE = "vessel-it-node";

  @TempDir static Path root;
  static LiveApiServer server;
  static CriClient cri;
  static ApiClient api;
  static NodeAgent agent;

  @BeforeAll
  static void start() throws Exception {
    RealContainerd.assumeServing();
    cri = CriClient.builder().endpoint("unix://" + SOCKET).connect();
    assumeTrue(cri.imageStatus("busybox").isPresent(), "busybox not imported (setup.sh does it)");
    server = LiveApiServer.start();
    api = server.client("vessel-node-agent-it");
    agent =
        NodeAgent.start(
            server.vertx(), api, cri,
            new AgentConfig(NODE, root, "unix://" + SOCKET, server.caPem()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (server != null) {
      server.close();
    }
    if (cri != null) {
      cri.close();
    }
  }

  @Test
  @DisplayName("start, real containerd, registers a Ready node with capacity, nodeInfo and a lease")
  void registersNode() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Node node = Blocking.await(api.get(Resources.NODES, null, NODE));
              assertThat(node.getMetadata().getLabels())
                  .containsEntry("kubernetes.io/hostname", NODE)
                  .containsEntry("kubernetes.io/os", "linux");
              assertThat(node.getStatus().getCapacity()).containsKeys("cpu", "memory", "pods");
              assertThat(node.getStatus().getNodeInfo().getContainerRuntimeVersion())
                  .startsWith("containerd://1.6");
              assertThat(node.getStatus().getConditions())
                  .filteredOn(c -> c.getType().equals("Ready"))
                  .extracting(c -> c.getStatus() + "/" + c.getReason())
                  .containsExactly("True/KubeletReady");
              var lease = Blocking.await(api.get(Resources.LEASES, "kube-node-lease", NODE));
              assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(NODE);
              assertThat(lease.getMetadata().getOwnerReferences()).hasSize(1);
            });
  }

  @Test
  @DisplayName("pod, busybox echo and sleep, runs with a pod IP and logs; delete removes its sandbox")
  void runsAndDeletesPod() throws Exception {
    // Given
    Pod pod =
        new PodBuilder()
            .withNewMetadata().withName("hello").withNamespace("default").endMetadata()
            .withNewSpec()
            .withNodeName(NODE)
            .withTerminationGracePeriodSeconds(2L)
            .addNewContainer()
            .withName("main")
            .withImage("busybox")
            .withCommand("sh", "-c", "echo hello; sleep 3600")
            .endContainer()
            .endSpec()
            .build();

    // When
    long created = System.nanoTime();
    Pod stored = Blocking.await(api.create(Resources.PODS, pod));
    String uid = stored.getMetadata().getUid();

    // Then it runs
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              Pod p = Blocking.await(api.get(Resources.PODS, "default", "hello"));
              assertThat(p.getStatus().getPhase()).isEqualTo("Running");
              assertThat(p.getStatus().getPodIP()).startsWith("10.88.");
            });
    long running = System.nanoTime();
    System.out.printf("create -> Running: %d ms (created at %s)%n", (running - created) / 1_000_000,
        java.time.Instant.now().minusNanos(running - created));
    Pod p = Blocking.await(api.get(Resources.PODS, "default", "hello"));
    assertThat(p.getStatus().getContainerStatuses().get(0).getContainerID()).startsWith("containerd://");
    assertThat(p.getStatus().getConditions())
        .filteredOn(c -> c.getType().equals("Ready"))
        .extracting(c -> c.getStatus())
        .containsExactly("True");
    Path log = root.resolve("pods").resolve("default_hello_" + uid).resolve("main/0.log");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(
        () -> assertThat(Files.readString(log)).contains(" stdout F hello"));

    // When it is deleted
    long deleting = System.nanoTime();
    Blocking.await(api.delete(Resources.PODS, "default", "hello", null));

    // Then its sandbox and log dir go
    var byUid = PodSandboxFilter.newBuilder().putLabelSelector(PodLabels.POD_UID, uid).build();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(() -> assertThat(cri.listPodSandbox(byUid)).isEmpty());
    System.out.printf("delete -> sandbox removed: %d ms%n", (System.nanoTime() - deleting) / 1_000_000);
    assertThat(log.getParent().getParent()).doesNotExist();
    try {
      Blocking.await(api.get(Resources.PODS, "default", "hello"));
    } catch (ApiException e) {
      assertThat(e.code()).isEqualTo(404);
    }
  }

  @Test
  @DisplayName("pod, restartPolicy Never exiting 3, is Failed with the exit code")
  void failedPod() {
    Pod pod =
        new PodBuilder()
            .withNewMetadata().withName("fails").withNamespace("default").endMetadata()
            .withNewSpec()
            .withNodeName(NODE)
            .withRestartPolicy("Never")
            .addNewContainer()
            .withName("main")
            .withImage("busybox")
            .withImagePullPolicy("IfNotPresent")
            .withCommand("sh", "-c", "exit 3")
            .endContainer()
            .endSpec()
            .build();
    Blocking.await(api.create(Resources.PODS, pod));

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Pod p = Blocking.await(api.get(Resources.PODS, "default", "fails"));
              assertThat(p.getStatus().getPhase()).isEqualTo("Failed");
              var terminated = p.getStatus().getContainerStatuses().get(0).getState().getTerminated();
              assertThat(terminated.getExitCode()).isEqualTo(3);
              assertThat(terminated.getReason()).isEqualTo("Error");
            });
    Blocking.await(api.delete(Resources.PODS, "default", "fails", null));
  }

  @Test
  @DisplayName(
      "containerLogs, busybox echoing two lines, over HTTPS at the Node's kubelet endpoint with a"
          + " system:masters cert: both lines; tailLines=1 the last")
  void servesContainerLogs() throws Exception {
    // Given a running pod that wrote two lines
    Pod pod =
        new PodBuilder()
            .withNewMetadata().withName("logs").withNamespace("default").endMetadata()
            .withNewSpec()
            .withNodeName(NODE)
            .withTerminationGracePeriodSeconds(1L)
            .addNewContainer()
            .withName("main")
            .withImage("busybox")
            .withImagePullPolicy("IfNotPresent")
            .withCommand("sh", "-c", "echo one; echo two; sleep 3600")
            .endContainer()
            .endSpec()
            .build();
    Blocking.await(api.create(Resources.PODS, pod));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(Blocking.await(api.get(Resources.PODS, "default", "logs"))
                    .getStatus().getPhase())
                .isEqualTo("Running"));
    // the API server's view: the node's InternalIP and the port in daemonEndpoints, which the
    // status reporter's later writes (the Ready condition) leave alone
    Node node = Blocking.await(api.get(Resources.NODES, null, NODE));
    assertThat(node.getStatus().getConditions()).extracting(c -> c.getType()).contains("Ready");
    int port = node.getStatus().getDaemonEndpoints().getKubeletEndpoint().getPort();
    assertThat(port).isEqualTo(agent.kubeletPort()).isPositive();
    String ip =
        node.getStatus().getAddresses().stream()
            .filter(a -> a.getType().equals("InternalIP"))
            .findFirst()
            .orElseThrow()
            .getAddress();
    // the API server does not verify kubelet serving certificates by default either
    var http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(
                TlsContexts.insecureClient(
                    server.admin().certificatePem(), server.admin().privateKeyPem()))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    URI logs = URI.create("https://" + ip + ":" + port + "/containerLogs/default/logs/main");

    try {
      // When / Then
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                var all = http.send(HttpRequest.newBuilder(logs).build(),
                    HttpResponse.BodyHandlers.ofString());
                assertThat(all.statusCode()).isEqualTo(200);
                assertThat(all.body()).isEqualTo("one\ntwo\n");
              });
      var tail =
          http.send(
              HttpRequest.newBuilder(URI.create(logs + "?tailLines=1")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(tail.statusCode()).isEqualTo(200);
      assertThat(tail.headers().firstValue("Content-Type")).contains("text/plain");
      assertThat(tail.body()).isEqualTo("two\n");
    } finally {
      // wait for the teardown: closing the agent mid-way would leave the container running
      String uid =
          Blocking.await(api.get(Resources.PODS, "default", "logs")).getMetadata().getUid();
      Blocking.await(api.delete(Resources.PODS, "default", "logs", null));
      var byUid = PodSandboxFilter.newBuilder().putLabelSelector(PodLabels.POD_UID, uid).build();
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(cri.listPodSandbox(byUid)).isEmpty());
    }
  }
}
