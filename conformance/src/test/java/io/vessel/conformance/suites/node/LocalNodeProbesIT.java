package io.vessel.conformance.suites.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Await;
import io.vessel.conformance.harness.Kubectl;
import io.vessel.conformance.harness.LocalCluster;
import io.vessel.conformance.harness.LocalNode;
import io.vessel.conformance.harness.TestNamespaces;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code vessel up} with its local node, then what a user sees of probes and container
 * lifecycle on real busybox containers: a failing liveness probe restarts the container, a
 * readiness probe gates READY, a pod with a preStop hook goes on delete, and a container's
 * termination message lands in its status.
 */
@Tag("node")
@DisplayName("A real node: probes, preStop and termination messages against containerd")
class LocalNodeProbesIT {
  /** Restarts and probe periods add up; generous, never a timing claim. */
  private static final Duration SLOW = Duration.ofMinutes(3);

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

  private Kubectl kubectl() {
    return cluster.kubectl(Kubectl.available().get(0));
  }

  private static void apply(Kubectl kubectl, String ns, String yaml) {
    var result = kubectl.run(Kubectl.DEFAULT_TIMEOUT, yaml, "apply", "-n", ns, "-f", "-");
    assertThat(result.exitCode()).as(() -> kubectl.explain(result)).isZero();
  }

  private static String get(Kubectl kubectl, String ns, String pod, String jsonpath) {
    return kubectl.succeed("get", "pod", pod, "-n", ns, "-o", "jsonpath=" + jsonpath).stdout();
  }

  @Test
  @DisplayName("a liveness exec probe that starts failing restarts the container: restartCount grows")
  void livenessRestarts() {
    var kubectl = kubectl();
    String ns = namespaces.newName("live");
    kubectl.succeed("create", "ns", ns);
    apply(kubectl, ns, """
        apiVersion: v1
        kind: Pod
        metadata: {name: live}
        spec:
          containers:
          - name: app
            image: busybox
            imagePullPolicy: IfNotPresent
            command: [sh, -c, "touch /tmp/healthy; sleep 5; rm /tmp/healthy; sleep 3600"]
            livenessProbe:
              exec: {command: [cat, /tmp/healthy]}
              initialDelaySeconds: 1
              periodSeconds: 2
              failureThreshold: 1
        """);
    LocalNode.awaitRunning(cluster, kubectl, ns, "live");

    Await.await("the liveness probe fails and the container is restarted")
        .atMost(SLOW)
        .untilAsserted(() -> assertThat(
                Integer.parseInt(get(kubectl, ns, "live", "{.status.containerStatuses[0].restartCount}")))
            .as(cluster::diagnostics)
            .isGreaterThanOrEqualTo(1));
    Await.await("the restarted container runs again")
        .atMost(SLOW)
        .untilAsserted(() -> assertThat(
                get(kubectl, ns, "live", "{.status.containerStatuses[0].lastState.terminated.reason}"))
            .isNotEmpty());
  }

  @Test
  @DisplayName("a readiness httpGet probe: READY 0/1 until it passes, 1/1 after, 0/1 once it fails")
  void readinessGatesReady() {
    var kubectl = kubectl();
    String ns = namespaces.newName("ready");
    kubectl.succeed("create", "ns", ns);
    apply(kubectl, ns, """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
          - name: web
            image: busybox
            imagePullPolicy: IfNotPresent
            command: [sh, -c, "mkdir -p /www && exec httpd -f -p 8080 -h /www"]
            ports: [{name: http, containerPort: 8080}]
            readinessProbe:
              httpGet: {path: /index.html, port: http}
              periodSeconds: 1
              failureThreshold: 1
        """);
    LocalNode.awaitRunning(cluster, kubectl, ns, "web");

    // no index.html yet: httpd answers 404, so the pod is not ready
    assertThat(get(kubectl, ns, "web", "{.status.containerStatuses[0].ready}")).isEqualTo("false");
    assertThat(kubectl.succeed("get", "pod", "web", "-n", ns).stdout()).contains(" 0/1 ");

    kubectl.succeed("exec", "-n", ns, "web", "--", "sh", "-c", "echo ok > /www/index.html");
    Await.await("READY 1/1 once the probe passes")
        .atMost(SLOW)
        .untilAsserted(() -> {
          assertThat(kubectl.succeed("get", "pod", "web", "-n", ns).stdout())
              .as(cluster::diagnostics).contains(" 1/1 ");
          assertThat(get(kubectl, ns, "web", "{.status.conditions[?(@.type==\"Ready\")].status}"))
              .isEqualTo("True");
        });

    kubectl.succeed("exec", "-n", ns, "web", "--", "rm", "/www/index.html");
    Await.await("READY 0/1 once the probe fails")
        .atMost(SLOW)
        .untilAsserted(() -> assertThat(kubectl.succeed("get", "pod", "web", "-n", ns).stdout())
            .as(cluster::diagnostics).contains(" 0/1 "));
    assertThat(get(kubectl, ns, "web", "{.status.containerStatuses[0].restartCount}"))
        .isEqualTo("0");
  }

  @Test
  @DisplayName("deleting a pod with a preStop hook and a grace period: the pod goes")
  void preStopOnDelete() {
    var kubectl = kubectl();
    String ns = namespaces.newName("prestop");
    kubectl.succeed("create", "ns", ns);
    apply(kubectl, ns, """
        apiVersion: v1
        kind: Pod
        metadata: {name: bye}
        spec:
          terminationGracePeriodSeconds: 5
          containers:
          - name: app
            image: busybox
            imagePullPolicy: IfNotPresent
            command: [sleep, "3600"]
            lifecycle:
              preStop:
                exec: {command: [sh, -c, "sleep 1"]}
        """);
    LocalNode.awaitRunning(cluster, kubectl, ns, "bye");

    kubectl.succeed("delete", "pod", "bye", "-n", ns, "--wait=true");

    Await.await("the pod is gone")
        .atMost(SLOW)
        .untilAsserted(() -> assertThat(
                kubectl.run("get", "pod", "bye", "-n", ns).stderr())
            .contains("NotFound"));
  }

  @Test
  @DisplayName("a container's termination message shows in state.terminated.message; FallbackToLogsOnError takes the log")
  void terminationMessage() {
    var kubectl = kubectl();
    String ns = namespaces.newName("msg");
    kubectl.succeed("create", "ns", ns);
    apply(kubectl, ns, """
        apiVersion: v1
        kind: Pod
        metadata: {name: said}
        spec:
          restartPolicy: Never
          containers:
          - name: app
            image: busybox
            imagePullPolicy: IfNotPresent
            command: [sh, -c, "echo last words > /dev/termination-log; exit 3"]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: logged}
        spec:
          restartPolicy: Never
          containers:
          - name: app
            image: busybox
            imagePullPolicy: IfNotPresent
            terminationMessagePolicy: FallbackToLogsOnError
            command: [sh, -c, "echo from the log; exit 1"]
        """);

    Await.await("the termination message from the file")
        .atMost(SLOW)
        .untilAsserted(() -> assertThat(
                get(kubectl, ns, "said", "{.status.containerStatuses[0].state.terminated.message}"))
            .as(cluster::diagnostics)
            .isEqualTo("last words\n"));
    assertThat(get(kubectl, ns, "said", "{.status.containerStatuses[0].state.terminated.exitCode}"))
        .isEqualTo("3");
    Await.await("the termination message from the log")
        .atMost(SLOW)
        .untilAsserted(() -> assertThat(
                get(kubectl, ns, "logged", "{.status.containerStatuses[0].state.terminated.message}"))
            .as(cluster::diagnostics)
            .isEqualTo("from the log\n"));
  }
}
