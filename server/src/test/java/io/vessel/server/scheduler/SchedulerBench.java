package io.vessel.server.scheduler;

import static io.vessel.kit.client.Resources.NODES;
import static io.vessel.kit.client.Resources.PODS;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.vertx.core.Future;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ListOptions;
import io.vessel.kit.client.Watch;
import io.vessel.kit.client.WatchEvent;
import io.vessel.server.testing.LiveServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Scheduler benchmark: N pods onto M nodes through a live server (real PostgreSQL, the scheduler
 * and every other loop running), timed from the first pod create to the last binding seen on a
 * watch, then checked: every pod bound, no node over its allocatable cpu, memory or pod count. It
 * reports figures and asserts no timing. Not part of CI (the name matches neither *Test nor *IT);
 * run it with
 *
 * <pre>
 * mvn -B -o -pl server -am verify -Dit.test=SchedulerBench -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.pods=5000] [-Dbench.nodes=100]
 * </pre>
 *
 * The figures are printed and written to {@code server/target/scheduler-bench.txt}.
 */
class SchedulerBench {
  private static final String NS = "default";
  private static final int IN_FLIGHT = 64;

  @Test
  void podsOntoNodes() throws Exception {
    int pods = Integer.getInteger("bench.pods", 5000);
    int nodes = Integer.getInteger("bench.nodes", 100);
    try (LiveServer live = LiveServer.start();
        ApiClient api = live.client()) {
      for (int i = 0; i < nodes; i++) {
        Blocking.await(api.create(NODES, node("bench-node-" + i)));
      }
      Set<String> bound = ConcurrentHashMap.newKeySet();
      CountDownLatch all = new CountDownLatch(pods);
      String rv = Blocking.await(api.listAll(PODS, NS, ListOptions.ALL)).resourceVersion();
      Watch watch =
          Blocking.await(
              api.watch(
                  PODS,
                  NS,
                  ListOptions.ALL,
                  rv,
                  (WatchEvent<Pod> e) -> {
                    Pod p = e.object();
                    if (p != null
                        && p.getSpec().getNodeName() != null
                        && bound.add(p.getMetadata().getName())) {
                      all.countDown();
                    }
                  },
                  t -> {}));

      String loadBefore = loadAverage();
      long cpuBefore = processCpuNanos();
      long start = System.nanoTime();
      Semaphore window = new Semaphore(IN_FLIGHT);
      List<Future<Pod>> creates = new ArrayList<>();
      for (int i = 0; i < pods; i++) {
        window.acquire();
        creates.add(api.create(PODS, pod("bench-pod-" + i, i)).onComplete(ar -> window.release()));
      }
      Future.all(creates).await(120, TimeUnit.SECONDS);
      long created = System.nanoTime();
      int boundAtCreated = bound.size();
      boolean done = all.await(300, TimeUnit.SECONDS);
      long finished = System.nanoTime();
      long cpuUsed = processCpuNanos() - cpuBefore;
      watch.close();

      List<Pod> items = Blocking.await(api.listAll(PODS, NS, ListOptions.ALL)).items();
      Map<String, long[]> perNode = new HashMap<>();
      int unbound = 0;
      for (Pod p : items) {
        String n = p.getSpec().getNodeName();
        if (n == null) {
          unbound++;
          continue;
        }
        PodInfo info = PodInfo.of(p);
        long[] sums = perNode.computeIfAbsent(n, k -> new long[3]);
        sums[0] += info.requests().milliCpu();
        sums[1] += info.requests().memory();
        sums[2]++;
      }
      int over = 0;
      long maxPods = 0;
      for (long[] s : perNode.values()) {
        if (s[0] > 2000 || s[1] > 8L * 1024 * 1024 * 1024 || s[2] > 110) {
          over++;
        }
        maxPods = Math.max(maxPods, s[2]);
      }
      String report =
          String.format(
              "scheduler bench: %d pods onto %d nodes%n"
                  + "  creates done after      %6.2f s (%d bound by then)%n"
                  + "  all bound after         %6.2f s (%.0f pods/s from the first create)%n"
                  + "  bound %d, unbound %d, nodes used %d, nodes over capacity %d, most pods on one"
                  + " node %d%n"
                  + "  CPU used by this JVM (server, loops, client): %.1f s; load average before/after:"
                  + " %s / %s%n",
              pods,
              nodes,
              (created - start) / 1e9,
              boundAtCreated,
              (finished - start) / 1e9,
              pods / ((finished - start) / 1e9),
              items.size() - unbound,
              unbound,
              perNode.size(),
              over,
              maxPods,
              cpuUsed / 1e9,
              loadBefore,
              loadAverage());
      System.out.print(report);
      Files.writeString(Path.of("target", "scheduler-bench.txt"), report);
      assertThat(done).as("every pod bound").isTrue();
      assertThat(unbound).isZero();
      assertThat(over).isZero();
    }
  }

  private static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** The 1-minute load average, for context: the machine's cores are shared. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  /** 2 cpu, 8Gi, 110 pods: 100 such nodes hold 5,000 of the pods below with little to spare. */
  private static Node node(String name) {
    Map<String, Quantity> alloc = new HashMap<>();
    alloc.put("cpu", new Quantity("2"));
    alloc.put("memory", new Quantity("8Gi"));
    alloc.put("pods", new Quantity("110"));
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("kubernetes.io/hostname", name)
        .endMetadata()
        .withNewSpec()
        .endSpec()
        .withNewStatus()
        .withCapacity(alloc)
        .withAllocatable(alloc)
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .endCondition()
        .endStatus()
        .build();
  }

  /** 35m cpu and 64Mi or 128Mi of memory, alternately. */
  private static Pod pod(String name, int i) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NS)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("c")
        .withImage("busybox")
        .withNewResources()
        .addToRequests("cpu", new Quantity("35m"))
        .addToRequests("memory", new Quantity(i % 2 == 0 ? "64Mi" : "128Mi"))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }
}
