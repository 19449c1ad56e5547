package io.vessel.conformance.suites.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Await;
import io.vessel.conformance.harness.ForEachKubectl;
import io.vessel.conformance.harness.Kubectl;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.LocalCluster;
import io.vessel.conformance.harness.LocalNode;
import io.vessel.conformance.harness.TestNamespaces;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code vessel up} with its local node, then the streaming subresources against a real container:
 * kubectl exec (output, exit code, stdin) and port-forward to a busybox httpd. The upgrade is
 * proxied kubectl → API server → node agent → containerd's streaming server, so each kubectl
 * negotiates its own protocol with containerd.
 */
@Tag("node")
@DisplayName("A real node: kubectl exec and port-forward against containerd")
class LocalNodeExecIT {

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

  @Test
  @DisplayName(
      "env from a ConfigMap key, envFrom a Secret with a prefix, fieldRef and resourceFieldRef;"
          + " a missing key is CreateContainerConfigError")
  void environment() {
    var available = Kubectl.available();
    var kubectl = cluster.kubectl(available.get(available.size() - 1));
    String ns = namespaces.newName("env");
    kubectl.succeed("create", "ns", ns);
    kubectl.succeed("create", "configmap", "settings", "-n", ns, "--from-literal=mode=fast");
    kubectl.succeed("create", "secret", "generic", "creds", "-n", ns, "--from-literal=user=admin");
    kubectl.run(
        Kubectl.DEFAULT_TIMEOUT,
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: envy, namespace: %s, labels: {tier: back}}
        spec:
          containers:
          - name: main
            image: busybox
            imagePullPolicy: IfNotPresent
            command: [sleep, "3600"]
            resources: {limits: {memory: 64Mi}}
            envFrom:
            - prefix: DB_
              secretRef: {name: creds}
            env:
            - name: MODE
              valueFrom: {configMapKeyRef: {name: settings, key: mode}}
            - name: TIER
              valueFrom: {fieldRef: {fieldPath: "metadata.labels['tier']"}}
            - name: MEM_MI
              valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: keyless, namespace: %s}
        spec:
          containers:
          - name: main
            image: busybox
            imagePullPolicy: IfNotPresent
            command: [sleep, "3600"]
            env:
            - name: X
              valueFrom: {configMapKeyRef: {name: settings, key: absent}}
        """
            .formatted(ns, ns),
        "apply", "-f", "-");
    LocalNode.awaitRunning(cluster, kubectl, ns, "envy");

    var env = kubectl.succeed("exec", "-n", ns, "envy", "--", "env").stdout();
    assertThat(env.lines())
        .contains("MODE=fast", "TIER=back", "MEM_MI=64", "DB_user=admin");
    Await.untilAsserted(
        "keyless waits with CreateContainerConfigError",
        () -> {
          var status = kubectl.succeed("get", "pod", "keyless", "-n", ns, "-o",
              "jsonpath={.status.containerStatuses[0].state.waiting.reason}|"
                  + "{.status.containerStatuses[0].state.waiting.message}").stdout();
          assertThat(status)
              .isEqualTo("CreateContainerConfigError|couldn't find key absent in ConfigMap " + ns + "/settings");
          assertThat(kubectl.succeed("get", "pod", "keyless", "-n", ns).stdout())
              .contains("CreateContainerConfigError");
        });
  }

  @Test
  @DisplayName(
      "volumes: two containers share an emptyDir; an init container reads a configMap item"
          + " mounted by subPath; a Memory emptyDir is tmpfs; a Secret volume is read-only")
  void volumes() {
    var available = Kubectl.available();
    var kubectl = cluster.kubectl(available.get(available.size() - 1));
    String ns = namespaces.newName("vol");
    kubectl.succeed("create", "ns", ns);
    kubectl.succeed("create", "configmap", "site", "-n", ns, "--from-literal=greeting=hello-volume");
    kubectl.succeed("create", "secret", "generic", "token", "-n", ns, "--from-literal=value=t0k3n");
    kubectl.run(
        Kubectl.DEFAULT_TIMEOUT,
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: shared, namespace: %s}
        spec:
          volumes:
          - {name: work, emptyDir: {}}
          - {name: fast, emptyDir: {medium: Memory}}
          - name: site
            configMap: {name: site, items: [{key: greeting, path: greeting.txt}]}
          - {name: token, secret: {secretName: token}}
          initContainers:
          - name: prepare
            image: busybox
            imagePullPolicy: IfNotPresent
            command: [sh, -c, "cp /site/greeting.txt /work/from-init"]
            volumeMounts:
            - {name: site, mountPath: /site/greeting.txt, subPath: greeting.txt}
            - {name: work, mountPath: /work}
          containers:
          - name: writer
            image: busybox
            imagePullPolicy: IfNotPresent
            command: [sh, -c, "echo written-by-writer > /work/note; sleep 3600"]
            volumeMounts:
            - {name: work, mountPath: /work}
          - name: reader
            image: busybox
            imagePullPolicy: IfNotPresent
            command: [sleep, "3600"]
            volumeMounts:
            - {name: work, mountPath: /shared}
            - {name: fast, mountPath: /fast}
            - {name: token, mountPath: /token, readOnly: true}
        """
            .formatted(ns),
        "apply", "-f", "-");
    LocalNode.awaitRunning(cluster, kubectl, ns, "shared");

    Await.untilAsserted(
        "the reader sees what the writer wrote",
        () -> assertThat(kubectl.succeed("exec", "-n", ns, "shared", "-c", "reader", "--",
                "cat", "/shared/note").stdout()).isEqualTo("written-by-writer\n"));
    assertThat(kubectl.succeed("exec", "-n", ns, "shared", "-c", "reader", "--",
            "cat", "/shared/from-init").stdout()).isEqualTo("hello-volume");
    assertThat(kubectl.succeed("exec", "-n", ns, "shared", "-c", "reader", "--",
            "sh", "-c", "grep ' /fast ' /proc/mounts | cut -d' ' -f3").stdout()).isEqualTo("tmpfs\n");
    assertThat(kubectl.succeed("exec", "-n", ns, "shared", "-c", "reader", "--",
            "cat", "/token/value").stdout()).isEqualTo("t0k3n");
    var write = kubectl.run("exec", "-n", ns, "shared", "-c", "reader", "--",
        "sh", "-c", "echo x > /token/new");
    assertThat(write.exitCode()).as(() -> kubectl.explain(write)).isNotZero();
  }

  @ForEachKubectl
  @DisplayName("cp: a local file into the container and back out (tar over exec)")
  void copy(KubectlBinary binary, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    var kubectl = cluster.kubectl(binary);
    String ns = namespaces.newName("cp");
    kubectl.succeed("create", "ns", ns);
    kubectl.succeed(
        "run", "box", "-n", ns, "--image=busybox", "--restart=Never", "--", "sleep", "3600");
    LocalNode.awaitRunning(cluster, kubectl, ns, "box");
    var local = java.nio.file.Files.writeString(dir.resolve("in.txt"), "hello-cp\n");

    var in = kubectl.run("cp", "-n", ns, local.toString(), "box:/tmp/in.txt");
    assertThat(in.exitCode()).as(() -> kubectl.explain(in)).isZero();
    assertThat(kubectl.succeed("exec", "-n", ns, "box", "--", "cat", "/tmp/in.txt").stdout())
        .isEqualTo("hello-cp\n");

    var back = dir.resolve("out.txt");
    var out = kubectl.run("cp", "-n", ns, "box:/tmp/in.txt", back.toString());
    assertThat(out.exitCode()).as(() -> kubectl.explain(out)).isZero();
    assertThat(java.nio.file.Files.readString(back)).isEqualTo("hello-cp\n");
  }

  @ForEachKubectl
  @DisplayName("exec: prints the command's output, passes its exit code on, and feeds stdin")
  void exec(KubectlBinary binary) {
    var kubectl = cluster.kubectl(binary);
    String ns = namespaces.newName("exec");
    kubectl.succeed("create", "ns", ns);
    kubectl.succeed(
        "run", "box", "-n", ns, "--image=busybox", "--restart=Never", "--", "sleep", "3600");
    LocalNode.awaitRunning(cluster, kubectl, ns, "box");

    var hi = kubectl.run("exec", "-n", ns, "box", "--", "echo", "hi");
    assertThat(hi.exitCode()).as(() -> kubectl.explain(hi) + cluster.diagnostics()).isZero();
    assertThat(hi.stdout()).isEqualTo("hi\n");

    var failed = kubectl.run("exec", "-n", ns, "box", "--", "sh", "-c", "exit 3");
    assertThat(failed.exitCode()).as(() -> kubectl.explain(failed)).isEqualTo(3);
    assertThat(failed.stderr()).contains("command terminated with exit code 3");

    var cat = kubectl.run(Kubectl.DEFAULT_TIMEOUT, "data\n", "exec", "-i", "-n", ns, "box", "--", "cat");
    assertThat(cat.exitCode()).as(() -> kubectl.explain(cat)).isZero();
    assertThat(cat.stdout()).isEqualTo("data\n");
  }

  @ForEachKubectl
  @DisplayName("attach: streams a running container's output; -i feeds a stdinOnce container")
  void attach(KubectlBinary binary) {
    var kubectl = cluster.kubectl(binary);
    String ns = namespaces.newName("attach");
    kubectl.succeed("create", "ns", ns);
    kubectl.run(Kubectl.DEFAULT_TIMEOUT,
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: ticker}
        spec:
          restartPolicy: Never
          containers:
          - {name: t, image: busybox, command: [sh, -c, "while true; do echo tick; sleep 1; done"]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: reader}
        spec:
          restartPolicy: Never
          containers:
          - name: r
            image: busybox
            stdin: true
            stdinOnce: true
            command: [sh, -c, "while read l; do echo got:$l; done; echo bye"]
        """,
        "apply", "-n", ns, "-f", "-");
    LocalNode.awaitRunning(cluster, kubectl, ns, "ticker");
    LocalNode.awaitRunning(cluster, kubectl, ns, "reader");

    try (var attached = kubectl.start("attach", "-n", ns, "ticker")) {
      Await.untilAsserted(
          "kubectl attach prints the container's later output",
          () -> assertThat(attached.stdoutLines()).as(attached::describe).contains("tick"));
    }

    var fed = kubectl.run(Kubectl.DEFAULT_TIMEOUT, "hello\n", "attach", "-i", "-n", ns, "reader");
    assertThat(fed.exitCode()).as(() -> kubectl.explain(fed)).isZero();
    assertThat(fed.stdout()).contains("got:hello");
  }

  @ForEachKubectl
  @DisplayName("port-forward to a busybox httpd: an HTTP GET through the local port answers")
  void portForward(KubectlBinary binary) throws Exception {
    var kubectl = cluster.kubectl(binary);
    String ns = namespaces.newName("pf");
    kubectl.succeed("create", "ns", ns);
    kubectl.succeed(
        "run", "web", "-n", ns, "--image=busybox", "--restart=Never", "--",
        "sh", "-c", "mkdir -p /www && echo hello-web > /www/index.html && httpd -f -p 8080 -h /www");
    LocalNode.awaitRunning(cluster, kubectl, ns, "web");

    int localPort;
    try (var probe = new ServerSocket(0)) {
      localPort = probe.getLocalPort();
    }
    try (var forward =
        kubectl.start("port-forward", "-n", ns, "pod/web", localPort + ":8080")) {
      Await.untilAsserted(
          "kubectl says it forwards",
          () -> assertThat(forward.stdoutLines()).as(forward::describe)
              .anyMatch(l -> l.contains("Forwarding from 127.0.0.1:" + localPort)));
      var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      Await.untilAsserted(
          "GET through the forwarded port",
          () -> {
            var resp =
                http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + localPort + "/"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(resp.statusCode()).isEqualTo(200);
            assertThat(resp.body()).isEqualTo("hello-web\n");
          });
    }
  }
}
