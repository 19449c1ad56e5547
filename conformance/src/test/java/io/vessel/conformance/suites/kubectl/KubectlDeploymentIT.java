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
 * What a user does with a Deployment through kubectl, the controllers doing the work: create,
 * rollout status, set image, history, undo, scale. Pods are made Ready by a node double.
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("kubectl create deployment, rollout, scale")
class KubectlDeploymentIT {

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  KubectlDeploymentIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("create deployment, rollout status, set image, rollout history and undo, scale")
  void rolloutLifecycle(KubectlBinary binary) {
    var ns = UserNamespace.create(cluster, namespaces, binary, "deploy");
    try (var node = new NodeDouble(cluster.rest(), ns.name())) {
      assertThat(ns.succeed("create", "deployment", "web", "--image=busybox:1.36", "--replicas=3").stdout())
          .isEqualTo("deployment.apps/web created\n");

      var status = ns.run("rollout", "status", "deployment/web", "--timeout=60s");
      assertThat(status.exitCode()).as(() -> ns.explain(status)).isZero();
      assertThat(status.stdout()).endsWith("deployment \"web\" successfully rolled out\n");

      var rs = rows(ns.succeed("get", "rs"));
      assertThat(rs).hasSize(2);
      assertThat(rs.get(0)).isEqualTo("NAME DESIRED CURRENT READY AGE");
      assertThat(rs.get(1)).matches("web-[bcdfghjklmnpqrstvwxz2456789]+ 3 3 3 \\d+s");

      assertThat(ns.succeed("set", "image", "deployment/web", "busybox=busybox:1.37").stdout())
          .isEqualTo("deployment.apps/web image updated\n");
      var second = ns.run("rollout", "status", "deployment/web", "--timeout=60s");
      assertThat(second.exitCode()).as(() -> ns.explain(second)).isZero();
      assertThat(rows(ns.succeed("rollout", "history", "deployment/web")))
          .containsSubsequence("REVISION CHANGE-CAUSE", "1 <none>", "2 <none>");

      assertThat(ns.succeed("rollout", "undo", "deployment/web").stdout())
          .isEqualTo("deployment.apps/web rolled back\n");
      var third = ns.run("rollout", "status", "deployment/web", "--timeout=60s");
      assertThat(third.exitCode()).as(() -> ns.explain(third)).isZero();
      assertThat(ns.getJson("deploy", "web").at("/spec/template/spec/containers/0/image").asText())
          .isEqualTo("busybox:1.36");
      assertThat(rows(ns.succeed("rollout", "history", "deployment/web")))
          .containsSubsequence("REVISION CHANGE-CAUSE", "2 <none>", "3 <none>");

      assertThat(ns.succeed("scale", "deployment", "web", "--replicas=1").stdout())
          .isEqualTo("deployment.apps/web scaled\n");
      Await.untilAsserted(
          "one pod left after scaling to 1",
          () -> assertThat(rows(ns.run("get", "pods", "--no-headers"))).hasSize(1));
    }
  }
}
