package io.vessel.server.controller;

import static io.vessel.kit.client.Resources.EVENTS;
import static io.vessel.kit.client.Resources.JOBS;
import static io.vessel.kit.client.Resources.PODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ListOptions;
import io.vessel.server.testing.LiveServer;
import io.vessel.server.testing.LiveServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Job controller against a real server; the test plays the kubelet by patching pod status. */
class JobIT {
  private static final String NS = "job-it";
  private static final Duration WAIT = Duration.ofSeconds(40);
  @RegisterExtension
  static final LiveServerExtension cluster = LiveServerExtension.withNamespace(NS);

  private static LiveServer live;
  private static ApiClient api;

  private static JobBuilder job(String name) {
    return new JobBuilder()
        .withNewMetadata()
        .withNamespace(NS)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNewTemplate()
        .withNewSpec()
        .addNewContainer()
        .withName("c")
        .withImage("busybox")
        .endContainer()
        .withRestartPolicy("Never")
        .endSpec()
        .endTemplate()
        .endSpec();
  }

  private static List<Pod> pods(String job) {
    return Blocking.await(
            api.listAll(PODS, NS, ListOptions.labels("batch.kubernetes.io/job-name=" + job)))
        .items();
  }

  private static List<Pod> running(String job) {
    return pods(job).stream().filter(Pods::active).toList();
  }

  /** What a kubelet reports when the pod's only container exits with {@code exitCode}. */
  private static void finish(Pod pod, int exitCode) {
    String now = Instant.now().toString();
    Map<String, Object> terminated =
        Map.of(
            "exitCode",
            exitCode,
            "reason",
            exitCode == 0 ? "Completed" : "Error",
            "startedAt",
            now,
            "finishedAt",
            now);
    Blocking.await(
        api.mergePatch(
            PODS,
            NS,
            pod.getMetadata().getName(),
            "status",
            Map.of(
                "status",
                Map.of(
                    "phase",
                    exitCode == 0 ? "Succeeded" : "Failed",
                    "containerStatuses",
                    List.of(
                        Map.of(
                            "name",
                            "c",
                            "image",
                            "busybox",
                            "imageID",
                            "",
                            "ready",
                            false,
                            "restartCount",
                            0,
                            "state",
                            Map.of("terminated", terminated)))))));
  }

  private static Job get(String name) {
    return Blocking.await(api.get(JOBS, NS, name));
  }

  private static List<String> conditionTypes(Job job) {
    var conditions = job.getStatus() == null ? null : job.getStatus().getConditions();
    return conditions == null
        ? List.of()
        : conditions.stream()
            .filter(c -> "True".equals(c.getStatus()))
            .map(JobCondition::getType)
            .toList();
  }

  private static List<String> eventMessages(String name) {
    return Blocking.await(
            api.listAll(EVENTS, NS, ListOptions.fields("involvedObject.name=" + name)))
        .items()
        .stream()
        .map(e -> e.getReason() + ": " + e.getMessage())
        .toList();
  }

  @Test
  @DisplayName(
      "run, completions 3 parallelism 2, two pods at a time until three succeed, then Complete")
  void completesWithParallelism() {
    Blocking.await(
        api.create(
            JOBS, job("work").editSpec().withCompletions(3).withParallelism(2).endSpec().build()));

    await().atMost(WAIT).untilAsserted(() -> assertThat(running("work")).hasSize(2));
    Pod first = running("work").get(0);
    assertThat(first.getMetadata().getLabels())
        .containsKeys(
            "batch.kubernetes.io/controller-uid",
            "batch.kubernetes.io/job-name",
            "controller-uid",
            "job-name");
    assertThat(first.getMetadata().getName()).startsWith("work-");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Job j = get("work");
              assertThat(j.getStatus().getActive()).isEqualTo(2);
              assertThat(j.getStatus().getStartTime()).isNotNull();
            });

    // One succeeds: one more is started (2 still wanted, 2 may run).
    finish(first, 0);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(running("work")).hasSize(2);
              assertThat(get("work").getStatus().getSucceeded()).isEqualTo(1);
            });
    // Two more succeed: no fourth pod, the Job completes.
    running("work").forEach(p -> finish(p, 0));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Job j = get("work");
              assertThat(conditionTypes(j)).containsExactly("SuccessCriteriaMet", "Complete");
              assertThat(j.getStatus().getSucceeded()).isEqualTo(3);
              assertThat(j.getStatus().getActive()).isZero();
              assertThat(j.getStatus().getCompletionTime()).isNotNull();
            });
    assertThat(pods("work")).hasSize(3);
    JobCondition complete = get("work").getStatus().getConditions().get(1);
    assertThat(complete.getReason()).isEqualTo("CompletionsReached");
    assertThat(complete.getMessage()).isEqualTo("Reached expected number of succeeded pods");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(eventMessages("work"))
                    .contains("Completed: Job completed")
                    .filteredOn(m -> m.startsWith("SuccessfulCreate: Created pod: work-"))
                    .hasSize(3));
  }

  @Test
  @DisplayName("run, pods failing past backoffLimit 1, Failed with BackoffLimitExceeded")
  void failsPastBackoffLimit() {
    Blocking.await(api.create(JOBS, job("flaky").editSpec().withBackoffLimit(1).endSpec().build()));

    await().atMost(WAIT).untilAsserted(() -> assertThat(running("flaky")).hasSize(1));
    finish(running("flaky").get(0), 1);
    // The replacement comes after the failure back-off (10 s).
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(running("flaky")).hasSize(1);
              assertThat(get("flaky").getStatus().getFailed()).isEqualTo(1);
            });
    finish(running("flaky").get(0), 1);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Job j = get("flaky");
              assertThat(conditionTypes(j)).containsExactly("FailureTarget", "Failed");
              assertThat(j.getStatus().getFailed()).isEqualTo(2);
              assertThat(j.getStatus().getCompletionTime()).isNull();
            });
    JobCondition failed = get("flaky").getStatus().getConditions().get(1);
    assertThat(failed.getReason()).isEqualTo("BackoffLimitExceeded");
    assertThat(failed.getMessage()).isEqualTo("Job has reached the specified backoff limit");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(eventMessages("flaky"))
                    .contains("BackoffLimitExceeded: Job has reached the specified backoff limit"));
  }

  @Test
  @DisplayName(
      "run, past activeDeadlineSeconds, active pods deleted and Failed with DeadlineExceeded")
  void failsPastDeadline() {
    Blocking.await(
        api.create(
            JOBS,
            job("slow")
                .editSpec()
                .withParallelism(2)
                .withCompletions(2)
                .withActiveDeadlineSeconds(3L)
                .endSpec()
                .build()));
    await().atMost(WAIT).untilAsserted(() -> assertThat(running("slow")).hasSize(2));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Job j = get("slow");
              assertThat(conditionTypes(j)).containsExactly("FailureTarget", "Failed");
              assertThat(j.getStatus().getActive()).isZero();
              assertThat(running("slow")).isEmpty();
            });
    JobCondition failed = get("slow").getStatus().getConditions().get(1);
    assertThat(failed.getReason()).isEqualTo("DeadlineExceeded");
    assertThat(failed.getMessage()).isEqualTo("Job was active longer than specified deadline");
  }

  @Test
  @DisplayName(
      "run, Indexed with completions 4 parallelism 3, one pod per index, completedIndexes as"
          + " ranges")
  void indexed() {
    Blocking.await(
        api.create(
            JOBS,
            job("idx")
                .editSpec()
                .withCompletions(4)
                .withParallelism(3)
                .withCompletionMode("Indexed")
                .endSpec()
                .build()));

    await().atMost(WAIT).untilAsserted(() -> assertThat(running("idx")).hasSize(3));
    List<Pod> pods = running("idx");
    assertThat(pods)
        .extracting(
            p -> p.getMetadata().getAnnotations().get("batch.kubernetes.io/job-completion-index"))
        .containsExactlyInAnyOrder("0", "1", "2");
    for (Pod p : pods) {
      String index = p.getMetadata().getLabels().get("batch.kubernetes.io/job-completion-index");
      assertThat(p.getMetadata().getName()).startsWith("idx-" + index + "-");
      assertThat(p.getSpec().getHostname()).isEqualTo("idx-" + index);
      assertThat(p.getSpec().getContainers().get(0).getEnv())
          .anySatisfy(e -> assertThat(e.getName()).isEqualTo("JOB_COMPLETION_INDEX"));
    }
    Pod zero =
        pods.stream()
            .filter(p -> p.getSpec().getHostname().equals("idx-0"))
            .findFirst()
            .orElseThrow();
    Pod two =
        pods.stream()
            .filter(p -> p.getSpec().getHostname().equals("idx-2"))
            .findFirst()
            .orElseThrow();
    finish(zero, 0);
    finish(two, 0);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(get("idx").getStatus().getCompletedIndexes()).isEqualTo("0,2");
              assertThat(running("idx"))
                  .extracting(p -> p.getSpec().getHostname())
                  .containsExactlyInAnyOrder("idx-1", "idx-3");
            });
    running("idx").forEach(p -> finish(p, 0));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Job j = get("idx");
              assertThat(j.getStatus().getCompletedIndexes()).isEqualTo("0-3");
              assertThat(j.getStatus().getSucceeded()).isEqualTo(4);
              assertThat(conditionTypes(j)).contains("Complete");
            });
  }

  @Test
  @DisplayName(
      "suspend, a running Job, its pods deleted and Suspended; ttlSecondsAfterFinished deletes it"
          + " once done")
  void suspendAndTtl() {
    Blocking.await(
        api.create(JOBS, job("pause").editSpec().withTtlSecondsAfterFinished(1).endSpec().build()));
    await().atMost(WAIT).untilAsserted(() -> assertThat(running("pause")).hasSize(1));

    suspend("pause", true);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(running("pause")).isEmpty();
              assertThat(conditionTypes(get("pause"))).containsExactly("Suspended");
            });

    suspend("pause", false);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(running("pause")).hasSize(1);
              assertThat(get("pause").getStatus().getConditions())
                  .anySatisfy(
                      c -> {
                        assertThat(c.getType()).isEqualTo("Suspended");
                        assertThat(c.getStatus()).isEqualTo("False");
                        assertThat(c.getReason()).isEqualTo("JobResumed");
                      });
            });
    finish(running("pause").get(0), 0);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(catchNotFound(() -> get("pause"))).isTrue());
  }

  /**
   * A merge patch of spec.suspend. The server answers a patch that races the controller's status
   * write with 409 instead of retrying it as upstream's patch handler does, so the test retries.
   */
  private static void suspend(String name, boolean suspend) {
    await()
        .atMost(WAIT)
        .ignoreExceptionsMatching(ApiException::isConflict)
        .untilAsserted(
            () ->
                Blocking.await(
                    api.mergePatch(
                        JOBS, NS, name, "", Map.of("spec", Map.of("suspend", suspend)))));
  }

  private static boolean catchNotFound(Runnable r) {
    try {
      r.run();
      return false;
    } catch (ApiException e) {
      return e.notFound();
    }
  }
}
