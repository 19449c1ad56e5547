package io.vessel.conformance.suites.kubectl;

import static io.vessel.conformance.suites.kubectl.UserNamespace.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Await;
import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.ForEachKubectl;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.NodeDouble;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.TestNamespaces;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Services through kubectl: expose a Deployment and see the allocated ClusterIP, the Endpoints
 * and EndpointSlices of its Ready pods (IPs given by the node double), a NodePort Service with a
 * port from the range, and the {@code kubernetes} Service every cluster has.
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("kubectl expose, get svc/endpoints/endpointslices, create service nodeport")
class KubectlExposeIT {
  private static final String IP = "10\\.(9[6-9]|10[0-9]|11[01])\\.\\d{1,3}\\.\\d{1,3}";

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  KubectlExposeIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("expose deployment, endpoints follow its Ready pods, nodeport in range")
  void exposeDeployment(KubectlBinary binary) {
    var ns = UserNamespace.create(cluster, namespaces, binary, "expose");
    try (var node = new NodeDouble(cluster.rest(), ns.name())) {
      ns.succeed("create", "deployment", "web", "--image=nginx:1.25", "--replicas=2");
      var status = ns.run("rollout", "status", "deployment/web", "--timeout=60s");
      assertThat(status.exitCode()).as(() -> ns.explain(status)).isZero();

      assertThat(ns.succeed("expose", "deployment", "web", "--port=80", "--target-port=8080").stdout())
          .isEqualTo("service/web exposed\n");

      var svc = rows(ns.succeed("get", "svc", "web"));
      assertThat(svc.get(0)).isEqualTo("NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE");
      assertThat(svc.get(1)).matches("web ClusterIP " + IP + " <none> 80/TCP \\d+s");
      String clusterIp = ns.getJson("svc", "web").at("/spec/clusterIP").asText();
      assertThat(svc.get(1)).contains(clusterIp);

      Await.untilAsserted(
          "the endpoints list both pods on 8080",
          () -> {
            var ep = rows(ns.run("get", "endpoints", "web"));
            assertThat(ep).hasSize(2);
            assertThat(ep.get(0)).isEqualTo("NAME ENDPOINTS AGE");
            assertThat(ep.get(1))
                .matches("web 10\\.244\\.0\\.\\d+:8080,10\\.244\\.0\\.\\d+:8080 \\d+s");
          });
      Await.untilAsserted(
          "one endpointslice lists both pods",
          () -> {
            var slices = rows(ns.run("get", "endpointslices"));
            assertThat(slices).hasSize(2);
            assertThat(slices.get(0)).isEqualTo("NAME ADDRESSTYPE PORTS ENDPOINTS AGE");
            assertThat(slices.get(1))
                .matches("web-[a-z0-9]{5} IPv4 8080 10\\.244\\.0\\.\\d+,10\\.244\\.0\\.\\d+ \\d+s");
          });

      assertThat(ns.succeed("create", "service", "nodeport", "x", "--tcp=80:8080").stdout())
          .isEqualTo("service/x created\n");
      var np = rows(ns.succeed("get", "svc", "x"));
      assertThat(np.get(1)).matches("x NodePort " + IP + " <none> 80:3\\d{4}/TCP \\d+s");
      int nodePort = ns.getJson("svc", "x").at("/spec/ports/0/nodePort").asInt();
      assertThat(nodePort).isBetween(30000, 32767);

      var kubernetes = rows(ns.kubectl().succeed("get", "svc", "kubernetes", "-n", "default"));
      assertThat(kubernetes.get(1)).matches("kubernetes ClusterIP 10\\.96\\.0\\.1 <none> 443/TCP \\d+\\w+");
    }
  }
}
