package io.vessel.agent;

import io.vertx.core.Vertx;
import io.vessel.certs.Kubeconfig;
import io.vessel.cri.CriClient;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ClientConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code vessel-node-agent --kubeconfig K --node-name N [--runtime-endpoint E] [--root-dir D]
 * [--kubelet-port P]}.
 *
 * <p>The kubeconfig must hold a client certificate. For now that is the admin one the server writes
 * ({@code <state-dir>/kubeconfig}): the server's authorizer lets only {@code system:masters} through,
 * so a node certificate ({@code ClusterPki.issueNode}) would get 403 until it learns the Node
 * authorizer's rules. The kubeconfig's CA is also the one the kubelet API checks clients against.
 */
public final class NodeAgentMain {
  static final String DEFAULT_ENDPOINT = "unix:///run/containerd/containerd.sock";
  static final String DEFAULT_ROOT = "/var/lib/vessel-agent";

  private NodeAgentMain() {}

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = parse(argv);
    var kubeconfigPath = Path.of(required(args, "--kubeconfig"));
    var kubeconfig = Kubeconfig.read(kubeconfigPath);
    if (kubeconfig.clientCertPem() == null) {
      throw new IllegalArgumentException(kubeconfigPath + " has no client certificate");
    }
    if (kubeconfig.caPem() == null) {
      throw new IllegalArgumentException(
          kubeconfigPath + " has no certificate-authority-data: the kubelet API needs the cluster"
              + " CA to check its clients");
    }
    var config =
        new AgentConfig(
            required(args, "--node-name"),
            Path.of(args.getOrDefault("--root-dir", DEFAULT_ROOT)),
            args.getOrDefault("--runtime-endpoint", DEFAULT_ENDPOINT),
            port(args.getOrDefault("--kubelet-port", "" + AgentConfig.DEFAULT_KUBELET_PORT)),
            kubeconfig.caPem());
    URI server = URI.create(kubeconfig.server());
    var vertx = Vertx.vertx();
    var api =
        ApiClient.create(
            vertx,
            new ClientConfig(
                server.getHost(),
                server.getPort() < 0 ? 443 : server.getPort(),
                kubeconfig.caPem(),
                kubeconfig.clientCertPem(),
                kubeconfig.clientKeyPem(),
                "vessel-node-agent/" + config.nodeName()));
    var cri = CriClient.builder().endpoint(config.runtimeEndpoint()).connect();
    var agent = NodeAgent.start(vertx, api, cri, config);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.close();
                  cri.close();
                  api.close();
                  vertx.close();
                  stopped.countDown();
                }));
    stopped.await();
  }

  static Map<String, String> parse(String[] argv) {
    var args = new HashMap<String, String>();
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      int eq = a.indexOf('=');
      if (eq > 0) {
        args.put(a.substring(0, eq), a.substring(eq + 1));
      } else if (i + 1 < argv.length) {
        args.put(a, argv[++i]);
      } else {
        throw new IllegalArgumentException(a + " needs a value");
      }
    }
    var known =
        Set.of("--kubeconfig", "--node-name", "--runtime-endpoint", "--root-dir", "--kubelet-port");
    for (String key : args.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown flag " + key);
      }
    }
    return args;
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--kubelet-port " + value + " is not a number");
    }
  }

  private static String required(Map<String, String> args, String flag) {
    String v = args.get(flag);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(flag + " is required");
    }
    return v;
  }
}
