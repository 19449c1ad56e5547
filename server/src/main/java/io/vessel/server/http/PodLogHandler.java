package io.vessel.server.http;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vessel.server.api.ApiException;
import io.vessel.server.node.KubeletAddress;
import io.vessel.server.node.KubeletClient;
import io.vessel.server.registry.ResourceStore;
import io.vessel.server.registry.core.pod.PodContainerChoice;
import io.vessel.server.registry.core.pod.PodLogOptions;
import java.nio.charset.StandardCharsets;

/**
 * GET {@code pods/{name}/log}: validates the options, picks the container, finds the pod's node
 * and streams the node agent's {@code containerLogs} answer through as text. A pod not yet on a
 * node has no logs: an empty 200, as kube-apiserver answers. The agent's refusals (a container
 * still waiting, no previous instance) come back as a Status with the agent's code and words.
 */
final class PodLogHandler {
  /** More than any refusal text an agent writes; a longer error body is cut, not buffered. */
  static final int MAX_ERROR_BODY = 16 * 1024;

  private final ResourceStore pods;
  private final ResourceStore nodes;
  private final KubeletClient kubelets;

  PodLogHandler(ResourceStore pods, ResourceStore nodes, KubeletClient kubelets) {
    this.pods = pods;
    this.nodes = nodes;
    this.kubelets = kubelets;
  }

  Future<Void> get(HttpServerRequest req, String namespace, String name) {
    PodLogOptions opts = PodLogOptions.parse(req.params(), name);
    return pods.getObject(namespace, name)
        .compose(
            obj -> {
              Pod pod = (Pod) obj;
              String container = PodContainerChoice.choose(pod, opts.container());
              String nodeName = pod.getSpec().getNodeName();
              if (nodeName == null || nodeName.isEmpty()) {
                textHead(req.response()).end();
                return Future.succeededFuture();
              }
              return nodes.getObject("", nodeName)
                  .compose(
                      node ->
                          kubelets.get(
                              KubeletAddress.of((Node) node),
                              "/containerLogs/" + namespace + "/" + name + "/" + container,
                              opts.agentQuery()))
                  .compose(resp -> relay(req, resp));
            });
  }

  private static Future<Void> relay(HttpServerRequest req, HttpClientResponse resp) {
    if (resp.statusCode() / 100 != 2) {
      return resp.body().compose(body -> Future.failedFuture(refusal(resp.statusCode(), body)));
    }
    HttpServerResponse out = textHead(req.response());
    // kubectl logs -f ends by closing its side: stop the agent's follow loop too.
    out.closeHandler(v -> resp.request().reset());
    return resp.pipeTo(out).recover(t -> Future.succeededFuture());
  }

  private static HttpServerResponse textHead(HttpServerResponse out) {
    return out.setStatusCode(200).setChunked(true).putHeader("Content-Type", "text/plain");
  }

  static ApiException refusal(int code, Buffer body) {
    int len = Math.min(body.length(), MAX_ERROR_BODY);
    String text = new String(body.getBytes(0, len), StandardCharsets.UTF_8).strip();
    String reason =
        switch (code) {
          case 400 -> "BadRequest";
          case 401 -> "Unauthorized";
          case 403 -> "Forbidden";
          case 404 -> "NotFound";
          case 503 -> "ServiceUnavailable";
          default -> "InternalError";
        };
    return new ApiException(code, reason, text, ApiException.Details.NONE);
  }
}
