package io.vessel.agent;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetClient;
import io.vessel.agent.ContainerLogLocator.PodLookup;
import io.vessel.cri.CriClient;
import io.vessel.cri.v1.AttachRequest;
import io.vessel.cri.v1.Container;
import io.vessel.cri.v1.ContainerFilter;
import io.vessel.cri.v1.ContainerState;
import io.vessel.cri.v1.ExecRequest;
import io.vessel.cri.v1.PodSandboxFilter;
import io.vessel.cri.v1.PodSandboxState;
import io.vessel.kit.stream.UpgradeProxy;
import io.vessel.kit.stream.UpgradeRefusedException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /exec/{namespace}/{pod}/{container}}, {@code /attach/…} and {@code
 * /portForward/{namespace}/{pod}}: asks the runtime (CRI Exec, Attach, PortForward) for a
 * single-use URL on its streaming server and proxies the client's connection upgrade there, as the
 * kubelet does with a runtime that serves streams itself. The query is the kubelet's: {@code
 * command} (repeated), {@code input}, {@code output}, {@code error}, {@code tty} as {@code 1};
 * {@code port} (repeated) for port-forward over WebSocket.
 */
final class ContainerStreamsHandler {
  private final WorkerExecutor worker;
  private final CriClient cri;
  private final PodLookup pods;
  private final NetClient runtimeStreams;

  ContainerStreamsHandler(
      WorkerExecutor worker, CriClient cri, PodLookup pods, NetClient runtimeStreams) {
    this.worker = worker;
    this.cri = cri;
    this.pods = pods;
    this.runtimeStreams = runtimeStreams;
  }

  /**
   * Proxies the upgrade. Fails before anything is written with a {@link KubeletException} for a
   * request the kubelet would refuse (including the runtime's refusal, with its code and words).
   */
  Future<Void> handle(HttpServerRequest req, String kind, String namespace, String pod,
      String container) {
    if (pods.pod(namespace, pod).isEmpty()) {
      return Future.failedFuture(KubeletException.notFound("pod does not exist"));
    }
    if (!UpgradeProxy.isUpgrade(req)) {
      return Future.failedFuture(KubeletException.badRequest("Upgrade request required"));
    }
    var params = req.params();
    boolean stdin = one(params.get("input"));
    boolean stdout = one(params.get("output"));
    boolean stderr = one(params.get("error"));
    boolean tty = one(params.get("tty"));
    List<String> command = params.getAll("command");
    if (!kind.equals("portForward")) {
      if (tty && stderr) {
        return Future.failedFuture(KubeletException.badRequest("cannot exec with tty and stderr"));
      }
      if (!stdin && !stdout && !stderr) {
        return Future.failedFuture(
            KubeletException.badRequest("you must specify at least one of stdin, stdout, stderr"));
      }
    }
    var ports = new ArrayList<Integer>();
    try {
      params.getAll("port").forEach(p -> ports.add(Integer.parseInt(p)));
    } catch (NumberFormatException e) {
      return Future.failedFuture(KubeletException.badRequest("invalid port: " + e.getMessage()));
    }
    return worker
        .<String>executeBlocking(
            () ->
                switch (kind) {
                  case "exec" ->
                      cri.exec(
                          ExecRequest.newBuilder()
                              .setContainerId(runningContainer(namespace, pod, container))
                              .addAllCmd(command)
                              .setStdin(stdin)
                              .setStdout(stdout)
                              .setStderr(stderr)
                              .setTty(tty)
                              .build());
                  case "attach" ->
                      cri.attach(
                          AttachRequest.newBuilder()
                              .setContainerId(runningContainer(namespace, pod, container))
                              .setStdin(stdin)
                              .setStdout(stdout)
                              .setStderr(stderr)
                              .setTty(tty)
                              .build());
                  default -> cri.portForward(readySandbox(namespace, pod), ports);
                },
            false)
        .compose(url -> UpgradeProxy.proxy(req, runtimeStreams, target(url)))
        .recover(
            t ->
                t instanceof UpgradeRefusedException r
                    ? Future.failedFuture(
                        KubeletException.of(r.status(),
                            r.body().toString(StandardCharsets.UTF_8).strip()))
                    : Future.failedFuture(t));
  }

  /** The runtime's URL as a target; its streaming server is plain HTTP on this machine. */
  static UpgradeProxy.Target target(String url) {
    URI uri = URI.create(url);
    if (!"http".equals(uri.getScheme())) {
      throw new IllegalStateException("runtime streaming URL is not http: " + url);
    }
    String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return new UpgradeProxy.Target(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), pathAndQuery);
  }

  /** Blocking. The kubelet's error when the container has no running instance. */
  private String runningContainer(String namespace, String pod, String container) {
    var filter =
        ContainerFilter.newBuilder()
            .putLabelSelector(PodLabels.POD_NAMESPACE, namespace)
            .putLabelSelector(PodLabels.POD_NAME, pod)
            .putLabelSelector(PodLabels.CONTAINER_NAME, container)
            .build();
    return cri.listContainers(filter).stream()
        .filter(c -> c.getState() == ContainerState.CONTAINER_RUNNING)
        .max(Comparator.comparingInt((Container c) -> c.getMetadata().getAttempt()))
        .map(Container::getId)
        .orElseThrow(
            () -> KubeletException.of(500, "container not found (\"" + container + "\")"));
  }

  /** Blocking. */
  private String readySandbox(String namespace, String pod) {
    var filter =
        PodSandboxFilter.newBuilder()
            .putLabelSelector(PodLabels.POD_NAMESPACE, namespace)
            .putLabelSelector(PodLabels.POD_NAME, pod)
            .build();
    return cri.listPodSandbox(filter).stream()
        .filter(s -> s.getState() == PodSandboxState.SANDBOX_READY)
        .max(Comparator.comparingLong(s -> s.getCreatedAt()))
        .map(s -> s.getId())
        .orElseThrow(() -> KubeletException.of(500, "pod not found (\"" + pod + "\")"));
  }

  private static boolean one(String v) {
    return "1".equals(v);
  }
}
