package io.vessel.server.registry.batch.job;

import static io.vessel.server.registry.Fixtures.ago;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.vessel.server.registry.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobTableTest {
  private static final String META = "metadata: {name: j}\n";

  static Stream<Arguments> jobs() {
    return Stream.of(
        arguments(named("not started", META + "spec: {completions: 1}"), "Running", "0/1", ""),
        arguments(
            named(
                "running for 45s",
                META
                    + "spec: {completions: 3}\nstatus: {succeeded: 1, startTime: '%s'}"
                        .formatted(ago(45))),
            "Running",
            "1/3",
            "45s"),
        arguments(
            named(
                "complete after 2m30s",
                META
                    + """
                      spec: {completions: 1}
                      status:
                        succeeded: 1
                        startTime: "%s"
                        completionTime: "%s"
                        conditions: [{type: Complete, status: "True"}]
                      """
                        .formatted(ago(600), ago(450))),
            "Complete",
            "1/1",
            "2m30s"),
        arguments(
            named(
                "failed work queue with parallelism 4",
                META
                    + "spec: {parallelism: 4}\n"
                    + "status: {conditions: [{type: Failed, status: 'True'}]}"),
            "Failed",
            "0/1 of 4",
            ""),
        arguments(
            named(
                "suspended",
                META
                    + "spec: {completions: 2}\n"
                    + "status: {conditions: [{type: Suspended, status: 'True'}]}"),
            "Suspended",
            "0/2",
            ""),
        arguments(
            named(
                "condition False does not count",
                META
                    + "spec: {completions: 1}\n"
                    + "status: {conditions: [{type: Complete, status: 'False'}]}"),
            "Running",
            "0/1",
            ""),
        arguments(
            named(
                "being deleted",
                "metadata: {name: j, deletionTimestamp: '%s'}\nspec: {completions: 1}"
                    .formatted(ago(1))),
            "Terminating",
            "0/1",
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jobs")
  @DisplayName("cells, job progress, print STATUS, COMPLETIONS and DURATION as kubectl does")
  void cells(String yaml, String status, String completions, String duration) {
    Job job = Fixtures.yaml(yaml, Job.class);

    var cells = new JobTable().cells(job, Fixtures.NOW);

    assertThat(cells.subList(0, 4)).containsExactly("j", status, completions, duration);
  }
}
