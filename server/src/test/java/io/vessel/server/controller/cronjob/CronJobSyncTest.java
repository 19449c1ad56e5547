package io.vessel.server.controller.cronjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the CronJob controller decides at a given instant: no waiting for the clock. */
class CronJobSyncTest {
  private static final Instant CREATED = Instant.parse("2026-03-10T10:00:30Z");

  private static CronJobBuilder cronJob(String schedule) {
    return new CronJobBuilder()
        .withNewMetadata()
        .withNamespace("ns")
        .withName("cj")
        .withUid("cj-uid")
        .withCreationTimestamp(CREATED.toString())
        .endMetadata()
        .withNewSpec()
        .withSchedule(schedule)
        .withConcurrencyPolicy("Allow")
        .withSuspend(false)
        .withSuccessfulJobsHistoryLimit(3)
        .withFailedJobsHistoryLimit(1)
        .withNewJobTemplate()
        .withNewMetadata()
        .addToLabels("team", "a")
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
        .endSpec()
        .endJobTemplate()
        .endSpec();
  }

  private static ObjectReference ref(String name) {
    return new ObjectReferenceBuilder()
        .withKind("Job")
        .withNamespace("ns")
        .withName(name)
        .withUid(name + "-uid")
        .build();
  }

  private static Job job(String name, String condition, String start) {
    var b =
        new JobBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName(name)
            .withUid(name + "-uid")
            .endMetadata()
            .withNewStatus()
            .withStartTime(start);
    if (condition != null) {
      b = b.addNewCondition().withType(condition).withStatus("True").endCondition();
      if (condition.equals("Complete")) {
        b = b.withCompletionTime(Instant.parse(start).plusSeconds(5).toString());
      }
    }
    return b.endStatus().build();
  }

  private static List<String> reasons(CronJobSync.Plan plan) {
    return plan.events.stream().map(CronJobSync.Event::reason).toList();
  }

  @Test
  @DisplayName(
      "plan, a fire time passed since creation, creates a Job for it and requeues at the next")
  void createsForTheMostRecentFireTime() {
    // Given a CronJob created at 10:00:30 that fires every minute
    CronJob cj = cronJob("* * * * *").build();

    // When the controller looks at 10:05:10
    var plan = CronJobSync.plan(cj, List.of(), Set.of(), Instant.parse("2026-03-10T10:05:10Z"));

    // Then it creates the 10:05 run only, and comes back just after 10:06
    assertThat(plan.create).isEqualTo(Instant.parse("2026-03-10T10:05:00Z"));
    assertThat(CronJobSync.jobName(cj, plan.create))
        .isEqualTo("cj-" + Instant.parse("2026-03-10T10:05:00Z").getEpochSecond() / 60);
    assertThat(plan.requeueAfter).isEqualTo(Duration.ofMillis(50_100));
    assertThat(reasons(plan)).isEmpty();
  }

  @Test
  @DisplayName("plan, the most recent fire time already scheduled, creates nothing")
  void alreadyScheduled() {
    CronJob cj =
        cronJob("* * * * *")
            .withNewStatus()
            .withLastScheduleTime("2026-03-10T10:05:00Z")
            .endStatus()
            .build();
    var plan = CronJobSync.plan(cj, List.of(), Set.of(), Instant.parse("2026-03-10T10:05:30Z"));
    assertThat(plan.create).isNull();
    assertThat(plan.requeueAfter).isEqualTo(Duration.ofMillis(30_100));
  }

  @Test
  @DisplayName("plan, Forbid with a running Job, skips the run with JobAlreadyActive")
  void forbid() {
    CronJob cj =
        cronJob("* * * * *")
            .editSpec()
            .withConcurrencyPolicy("Forbid")
            .endSpec()
            .withNewStatus()
            .withActive(ref("cj-1"))
            .withLastScheduleTime("2026-03-10T10:04:00Z")
            .endStatus()
            .build();
    var plan =
        CronJobSync.plan(
            cj,
            List.of(job("cj-1", null, "2026-03-10T10:04:01Z")),
            Set.of(),
            Instant.parse("2026-03-10T10:05:01Z"));
    assertThat(plan.create).isNull();
    assertThat(reasons(plan)).containsExactly("JobAlreadyActive");
  }

  @Test
  @DisplayName("plan, Replace with a running Job, replaces it with the new run")
  void replace() {
    CronJob cj =
        cronJob("* * * * *")
            .editSpec()
            .withConcurrencyPolicy("Replace")
            .endSpec()
            .withNewStatus()
            .withActive(ref("cj-1"))
            .withLastScheduleTime("2026-03-10T10:04:00Z")
            .endStatus()
            .build();
    var plan =
        CronJobSync.plan(
            cj,
            List.of(job("cj-1", null, "2026-03-10T10:04:01Z")),
            Set.of(),
            Instant.parse("2026-03-10T10:05:01Z"));
    assertThat(plan.create).isEqualTo(Instant.parse("2026-03-10T10:05:00Z"));
    assertThat(plan.replace).extracting(ObjectReference::getName).containsExactly("cj-1");
  }

  @Test
  @DisplayName("plan, Allow with a running Job, starts another")
  void allow() {
    CronJob cj =
        cronJob("* * * * *")
            .withNewStatus()
            .withActive(ref("cj-1"))
            .withLastScheduleTime("2026-03-10T10:04:00Z")
            .endStatus()
            .build();
    var plan =
        CronJobSync.plan(
            cj,
            List.of(job("cj-1", null, "2026-03-10T10:04:01Z")),
            Set.of(),
            Instant.parse("2026-03-10T10:05:01Z"));
    assertThat(plan.create).isEqualTo(Instant.parse("2026-03-10T10:05:00Z"));
    assertThat(plan.replace).isEmpty();
  }

  @Test
  @DisplayName("plan, past startingDeadlineSeconds, skips the run")
  void startingDeadline() {
    CronJob cj = cronJob("0 * * * *").editSpec().withStartingDeadlineSeconds(60L).endSpec().build();
    var late = CronJobSync.plan(cj, List.of(), Set.of(), Instant.parse("2026-03-10T11:02:00Z"));
    assertThat(late.create).isNull();
    var inTime = CronJobSync.plan(cj, List.of(), Set.of(), Instant.parse("2026-03-10T11:00:59Z"));
    assertThat(inTime.create).isEqualTo(Instant.parse("2026-03-10T11:00:00Z"));
  }

  @Test
  @DisplayName("plan, more than 100 fire times missed, warns and creates only the latest")
  void tooManyMissed() {
    CronJob cj = cronJob("* * * * *").build();
    var plan =
        CronJobSync.plan(cj, List.of(), Set.of(), CREATED.plus(Duration.ofHours(5)).plusSeconds(5));
    assertThat(reasons(plan)).containsExactly("TooManyMissedTimes");
    assertThat(plan.events.get(0).message())
        .startsWith(
            "too many missed start times: 300. Set or decrease .spec.startingDeadlineSeconds");
    assertThat(plan.create).isEqualTo(Instant.parse("2026-03-10T15:00:00Z"));
  }

  @Test
  @DisplayName("plan, suspended, creates nothing and does not requeue")
  void suspended() {
    CronJob cj = cronJob("* * * * *").editSpec().withSuspend(true).endSpec().build();
    var plan = CronJobSync.plan(cj, List.of(), Set.of(), Instant.parse("2026-03-10T10:05:10Z"));
    assertThat(plan.create).isNull();
    assertThat(plan.requeueAfter).isNull();
  }

  @Test
  @DisplayName(
      "plan, an active Job finished or gone, drops it from active with SawCompletedJob or"
          + " MissingJob")
  void activeJobsFinishOrGo() {
    CronJob cj =
        cronJob("0 0 1 1 *").withNewStatus().withActive(ref("a"), ref("b")).endStatus().build();
    var plan =
        CronJobSync.plan(
            cj,
            List.of(job("a", "Complete", "2026-03-10T10:01:00Z")),
            Set.of("b-uid"),
            Instant.parse("2026-03-10T10:05:10Z"));
    assertThat(plan.status.getActive()).isNull();
    assertThat(plan.status.getLastSuccessfulTime()).isEqualTo("2026-03-10T10:01:05Z");
    assertThat(plan.events)
        .extracting(CronJobSync.Event::message)
        .containsExactly("Saw completed job: a, condition: Complete", "Active job went missing: b");
  }

  @Test
  @DisplayName("plan, finished Jobs over the history limits, deletes the oldest of each kind")
  void historyLimits() {
    List<Job> children = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      children.add(job("ok-" + i, "Complete", "2026-03-10T10:0" + i + ":00Z"));
    }
    children.add(job("bad-1", "Failed", "2026-03-10T10:01:30Z"));
    children.add(job("bad-2", "Failed", "2026-03-10T10:02:30Z"));
    CronJob cj = cronJob("0 0 1 1 *").build();
    var plan = CronJobSync.plan(cj, children, Set.of(), Instant.parse("2026-03-10T10:06:10Z"));
    assertThat(plan.expired)
        .extracting(j -> j.getMetadata().getName())
        .containsExactly("ok-1", "ok-2", "bad-1");
    assertThat(plan.events)
        .extracting(CronJobSync.Event::message)
        .contains("Deleted job ok-1", "Deleted job bad-1");
  }

  @Test
  @DisplayName(
      "newJob, a schedule in a time zone, fires at local time and annotates the local RFC 3339"
          + " time")
  void timeZone() {
    CronJob cj =
        cronJob("0 9 * * *")
            .editSpec()
            .withTimeZone("Europe/Berlin")
            .endSpec()
            .editMetadata()
            .withCreationTimestamp("2026-03-28T12:00:00Z")
            .endMetadata()
            .build();
    var plan = CronJobSync.plan(cj, List.of(), Set.of(), Instant.parse("2026-03-29T07:00:05Z"));
    assertThat(plan.create).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    Job job = CronJobController.newJob(cj, plan.create);
    assertThat(job.getMetadata().getAnnotations())
        .containsEntry(
            "batch.kubernetes.io/cronjob-scheduled-timestamp", "2026-03-29T09:00:00+02:00");
    assertThat(job.getMetadata().getLabels()).containsEntry("team", "a");
    assertThat(job.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(r -> assertThat(r.getController()).isTrue());
  }
}
