package io.vessel.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Stream;

/**
 * Whether the suites that need a real node (the launcher's own containerd and node agent) can run
 * here: as root, with containerd, runc and busybox-static installed. Elsewhere they are skipped,
 * unless {@code VESSEL_REQUIRE_CONTAINERD=1} says the machine was set up for them ({@code .ci/run}
 * does): then a missing part is a failure.
 */
public final class LocalNode {
  private LocalNode() {}

  public static void assumeUsable() {
    String why = missing();
    if ("1".equals(System.getenv("VESSEL_REQUIRE_CONTAINERD"))) {
      assertTrue(why == null, why + ", and VESSEL_REQUIRE_CONTAINERD=1");
    } else {
      assumeTrue(why == null, why);
    }
    assumeTrue(
        Clusters.externalKubeconfig().isEmpty(), "a local node needs the launcher's own cluster");
  }

  /**
   * {@link #assumeUsable}, then {@link LocalCluster#startWithNode()}, returning once the node
   * reports Ready.
   */
  public static LocalCluster startCluster() {
    assumeUsable();
    var cluster = LocalCluster.startWithNode();
    Await.untilAsserted(
        "the local node registers Ready",
        () -> {
          var ready = new ArrayList<String>();
          for (var node : cluster.rest().get("/api/v1/nodes").json().path("items")) {
            for (var condition : node.path("status").path("conditions")) {
              if (condition.path("type").asText().equals("Ready")) {
                ready.add(condition.path("status").asText());
              }
            }
          }
          assertThat(ready).as(cluster::diagnostics).containsExactly("True");
        });
    return cluster;
  }

  /** Waits until {@code kubectl get pod} shows the pod's phase Running. */
  public static void awaitRunning(Cluster cluster, Kubectl kubectl, String ns, String pod) {
    Await.untilAsserted(
        pod + " Running",
        () ->
            assertThat(
                    kubectl
                        .succeed("get", "pod", pod, "-n", ns, "-o", "jsonpath={.status.phase}")
                        .stdout())
                .as(cluster::diagnostics)
                .isEqualTo("Running"));
  }

  private static String missing() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "running containers needs root";
    }
    for (String binary : new String[] {"containerd", "runc", "ctr"}) {
      if (!onPath(binary)) {
        return binary + " is not installed";
      }
    }
    return Files.isExecutable(Path.of("/bin/busybox")) ? null : "busybox-static is not installed";
  }

  private static boolean onPath(String binary) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    return Stream.of(path.split(":"))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, binary)));
  }
}
