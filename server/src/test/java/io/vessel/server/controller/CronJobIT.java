package io.vessel.server.controller;

import static io.vessel.kit.client.Resources.CRON_JOBS;
import static io.vessel.kit.client.Resources.EVENTS;
import static io.vessel.kit.client.Resources.JOBS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ListOptions;
import io.vessel.server.testing.LiveServer;
import io.vessel.server.testing.LiveServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CronJob controller against a real server. No test waits for a fire time: the CronJob's
 * lastScheduleTime is put in the past, so that a run is already due.
 */
class CronJobIT {
  private static final String NS = "cronjob-it";
  private static final Duration WAIT = Duration.ofSeconds(40);
  @RegisterExtension
  static final LiveServerExtension cluster = LiveServerExtension.withNamespace(NS);

  private static LiveServer live;
  private static ApiClient api;

  /**
   * The Job and CronJob controllers write status concurrently with the test; and the server
   * answers a racing patch with 409 instead of retrying it as upstream does. Retry until it lands.
   */
  private static void retryingConflicts(Runnable write) {
    await()
        .atMost(WAIT)
        .ignoreExceptionsMatching(ApiException::isConflict)
        .untilAsserted(write::run);
  }

  @Test
  @DisplayName(
      "schedule, a run due, creates its Job, records it active, and trims finished Jobs to the"
          + " history limit")
  void createsTheDueRunAndTrimsHistory() {
    // Given a CronJob keeping one successful Job, and three finished Jobs it owns
    CronJob cj =
        Blocking.await(
            api.create(
                CRON_JOBS,
                new CronJobBuilder()
                    .withNewMetadata()
                    .withNamespace(NS)
                    .withName("tick")
                    .endMetadata()
                    .withNewSpec()
                    .withSchedule("*/5 * * * *")
                    .withSuccessfulJobsHistoryLimit(1)
                    .withNewJobTemplate()
                    .withNewMetadata()
                    .addToLabels("team", "a")
                    .endMetadata()
                    .withNewSpec()
                    .withSuspend(true)
                    .withNewTemplate()
                    .withNewSpec()
                    .addNewContainer()
                    .withName("c")
                    .withImage("busybox")
                    .endContainer()
                    .withRestartPolicy("Never")
                    .endSpec()
                    .endTemplate()
                    .endSpec()
                    .endJobTemplate()
                    .endSpec()
                    .build()));
    for (int i = 1; i <= 3; i++) {
      Job old =
          Blocking.await(
              api.create(
                  JOBS,
                  new JobBuilder()
                      .withNewMetadata()
                      .withNamespace(NS)
                      .withName("tick-old-" + i)
                      .withOwnerReferences(OwnerRefs.controllerRef(cj))
                      .endMetadata()
                      .withNewSpec()
                      .withSuspend(true)
                      .withNewTemplate()
                      .withNewSpec()
                      .addNewContainer()
                      .withName("c")
                      .withImage("busybox")
                      .endContainer()
                      .withRestartPolicy("Never")
                      .endSpec()
                      .endTemplate()
                      .endSpec()
                      .build()));
      String start =
          Instant.now().minus(Duration.ofHours(4 - i)).truncatedTo(ChronoUnit.SECONDS).toString();
      retryingConflicts(
          () -> {
            Job fresh = Blocking.await(api.get(JOBS, NS, old.getMetadata().getName()));
            fresh.setStatus(
                new JobStatusBuilder()
                    .withStartTime(start)
                    .withCompletionTime(start)
                    .withSucceeded(1)
                    .addNewCondition()
                    .withType("Complete")
                    .withStatus("True")
                    .withReason("CompletionsReached")
                    .withMessage("Reached expected number of succeeded pods")
                    .withLastTransitionTime(start)
                    .endCondition()
                    .build());
            Blocking.await(api.updateStatus(JOBS, fresh));
          });
    }

    // When its last run is an hour ago (a run at every 5th minute is due)
    String lastSchedule =
        Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS).toString();
    retryingConflicts(
        () ->
            Blocking.await(
                api.mergePatch(
                    CRON_JOBS,
                    NS,
                    "tick",
                    "status",
                    Map.of("status", Map.of("lastScheduleTime", lastSchedule)))));

    // Then the most recent due run is created, named for its minute, and recorded
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              CronJob now = Blocking.await(api.get(CRON_JOBS, NS, "tick"));
              assertThat(now.getStatus().getActive()).hasSize(1);
              assertThat(now.getStatus().getLastScheduleTime()).isNotEqualTo(lastSchedule);
              assertThat(now.getStatus().getLastSuccessfulTime()).isNotNull();
            });
    CronJob now = Blocking.await(api.get(CRON_JOBS, NS, "tick"));
    Instant scheduled = Instant.parse(now.getStatus().getLastScheduleTime());
    assertThat(scheduled.atZone(ZoneOffset.UTC).getMinute() % 5).isZero();
    String name = "tick-" + scheduled.getEpochSecond() / 60;
    assertThat(now.getStatus().getActive().get(0).getName()).isEqualTo(name);
    Job created = Blocking.await(api.get(JOBS, NS, name));
    assertThat(created.getMetadata().getLabels()).containsEntry("team", "a");
    assertThat(created.getMetadata().getAnnotations())
        .containsEntry("batch.kubernetes.io/cronjob-scheduled-timestamp", scheduled.toString());
    assertThat(OwnerRefs.controlledBy(created, cj)).isTrue();

    // And only the newest finished Job is kept
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        Blocking.await(api.listAll(JOBS, NS, ListOptions.ALL)).items().stream()
                            .filter(j -> j.getMetadata().getDeletionTimestamp() == null)
                            .map(j -> j.getMetadata().getName())
                            .toList())
                    .containsExactlyInAnyOrder("tick-old-3", name));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        Blocking.await(
                                api.listAll(
                                    EVENTS, NS, ListOptions.fields("involvedObject.name=tick")))
                            .items()
                            .stream()
                            .map(e -> e.getReason() + ": " + e.getMessage())
                            .toList())
                    .contains(
                        "SuccessfulCreate: Created job " + name,
                        "SuccessfulDelete: Deleted job tick-old-1",
                        "SuccessfulDelete: Deleted job tick-old-2"));
  }
}
