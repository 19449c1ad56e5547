package io.vessel.server.http;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vessel.kit.stream.UpgradeProxy;
import io.vessel.kit.stream.UpgradeRefusedException;
import io.vessel.server.api.ApiException;
import io.vessel.server.node.KubeletAddress;
import io.vessel.server.node.KubeletClient;
import io.vessel.server.registry.ResourceStore;
import io.vessel.server.registry.core.pod.PodContainerChoice;
import io.vessel.server.registry.core.pod.PodStreamOptions;

/**
 * {@code pods/{name}/exec}, {@code attach} and {@code portforward} (GET or POST): validates the
 * options, finds the pod's node and proxies the client's connection upgrade to the node agent's
 * {@code /exec}, {@code /attach} or {@code /portForward} endpoint, as kube-apiserver's connect
 * REST does. The stream protocol (SPDY or WebSocket, and its version) is negotiated between the
 * client and the container runtime; nothing here reads it. An agent that refuses the upgrade
 * answers through a Status with its code and words, as for logs.
 */
final class PodStreamHandler {
  private final ResourceStore pods;
  private final ResourceStore nodes;
  private final KubeletClient kubelets;

  PodStreamHandler(ResourceStore pods, ResourceStore nodes, KubeletClient kubelets) {
    this.pods = pods;
    this.nodes = nodes;
    this.kubelets = kubelets;
  }

  Future<Void> connect(HttpServerRequest req, String subresource, String namespace, String name) {
    var opts = PodStreamOptions.parse(subresource, req.params());
    if (!UpgradeProxy.isUpgrade(req)) {
      // the kubelet's answer to a plain request on these paths
      throw ApiException.badRequest("Upgrade request required");
    }
    return pods.getObject(namespace, name)
        .compose(
            obj -> {
              Pod pod = (Pod) obj;
              String nodeName = pod.getSpec().getNodeName();
              if (nodeName == null || nodeName.isEmpty()) {
                throw ApiException.badRequest("pod " + name + " does not have a host assigned");
              }
              String path =
                  switch (subresource) {
                    case "portforward" -> "/portForward/" + namespace + "/" + name;
                    default ->
                        "/" + subresource + "/" + namespace + "/" + name + "/"
                            + PodContainerChoice.choose(pod, opts.container());
                  };
              return nodes.getObject("", nodeName)
                  .compose(
                      node ->
                          kubelets.upgrade(
                              req, KubeletAddress.of((Node) node), path, opts.agentQuery()));
            })
        .recover(
            t ->
                t instanceof UpgradeRefusedException r
                    ? Future.failedFuture(PodLogHandler.refusal(r.status(), r.body()))
                    : Future.failedFuture(t));
  }
}
