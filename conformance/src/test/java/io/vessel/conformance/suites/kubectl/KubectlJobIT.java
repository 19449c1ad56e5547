package io.vessel.conformance.suites.kubectl;

import static io.vessel.conformance.suites.kubectl.UserNamespace.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.CompletingNodeDouble;
import io.vessel.conformance.harness.ForEachKubectl;
import io.vessel.conformance.harness.KubectlBinary;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.TestNamespaces;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a user does with Jobs and CronJobs through kubectl, the controllers doing the work: create
 * job, wait for completion, get jobs, create cronjob, create job --from=cronjob. Pods are run to
 * success by a node double.
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("kubectl create job, create cronjob, wait --for=condition=complete")
class KubectlJobIT {

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  KubectlJobIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  @ForEachKubectl
  @DisplayName("create job, wait for complete, get jobs; create cronjob, create job --from=cronjob")
  void jobLifecycle(KubectlBinary binary) {
    var ns = UserNamespace.create(cluster, namespaces, binary, "job");
    try (var node = new CompletingNodeDouble(cluster.rest(), ns.name())) {
      // -n before "--": everything after it is the container's command.
      assertThat(
              ns.kubectl()
                  .succeed(
                      "create",
                      "job",
                      "hello",
                      "-n",
                      ns.name(),
                      "--image=busybox:1.36",
                      "--",
                      "echo",
                      "hi")
                  .stdout())
          .isEqualTo("job.batch/hello created\n");
      var wait = ns.run("wait", "--for=condition=complete", "job/hello", "--timeout=60s");
      assertThat(wait.exitCode()).as(() -> ns.explain(wait)).isZero();
      assertThat(wait.stdout()).isEqualTo("job.batch/hello condition met\n");

      var jobs = rows(ns.succeed("get", "jobs"));
      assertThat(jobs).hasSize(2);
      assertThat(jobs.get(0)).isEqualTo("NAME STATUS COMPLETIONS DURATION AGE");
      assertThat(jobs.get(1)).matches("hello Complete 1/1 \\d+s \\d+s");
      var job = ns.getJson("job", "hello");
      assertThat(job.at("/status/succeeded").asInt()).isEqualTo(1);
      assertThat(job.at("/status/conditions/0/type").asText()).isEqualTo("SuccessCriteriaMet");
      assertThat(job.at("/status/conditions/1/type").asText()).isEqualTo("Complete");

      assertThat(
              ns.kubectl()
                  .succeed(
                      "create",
                      "cronjob",
                      "tick",
                      "-n",
                      ns.name(),
                      "--image=busybox:1.36",
                      "--schedule=*/5 * * * *",
                      "--",
                      "echo",
                      "hi")
                  .stdout())
          .isEqualTo("cronjob.batch/tick created\n");
      assertThat(ns.succeed("create", "job", "manual", "--from=cronjob/tick").stdout())
          .isEqualTo("job.batch/manual created\n");
      var manual = ns.getJson("job", "manual");
      assertThat(manual.at("/metadata/annotations/cronjob.kubernetes.io~1instantiate").asText())
          .isEqualTo("manual");
      assertThat(manual.at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("CronJob");
      var manualWait = ns.run("wait", "--for=condition=complete", "job/manual", "--timeout=60s");
      assertThat(manualWait.exitCode()).as(() -> ns.explain(manualWait)).isZero();
    }
  }
}
