package io.vessel.server.controller.cronjob;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.vessel.server.controller.PodTemplates;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the CronJob controller decides for one CronJob at an instant, as upstream's {@code
 * syncCronJob} and {@code cleanupFinishedJobs} do, without I/O: the status to write, the events,
 * the Jobs to delete (Replace, history limits) and the schedule time to create a Job for. The
 * instant is a parameter so that tests decide "what happens at T" without waiting for T.
 */
final class CronJobSync {
  /** Upstream warns past this many missed start times. */
  static final int MISSED_WARNING = 100;

  /** Upstream's nextScheduleDelta: a requeue lands just after the fire time, never before. */
  static final Duration NEXT_SCHEDULE_DELTA = Duration.ofMillis(100);

  private static final DateTimeFormatter RFC1123Z =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  record Event(boolean warning, String reason, String message) {}

  /** The outcome. {@code create} is the schedule time to create a Job for, if any. */
  static final class Plan {
    final CronJobStatus status;
    final List<Event> events = new ArrayList<>();

    /** Running Jobs the Replace policy stops before the new one starts. */
    final List<ObjectReference> replace = new ArrayList<>();

    /** Finished Jobs over the history limits, oldest first. */
    final List<Job> expired = new ArrayList<>();

    Instant create;
    Duration requeueAfter;

    Plan(CronJobStatus status) {
      this.status = status;
    }
  }

  private CronJobSync() {}

  /**
   * @param children the Jobs this CronJob controls, from the cache
   * @param missing uids of {@code status.active} Jobs the API server says no longer exist
   */
  static Plan plan(CronJob cj, List<Job> children, Set<String> missing, Instant now) {
    CronJobStatus status =
        cj.getStatus() == null
            ? new CronJobStatus()
            : PodTemplates.copy(cj.getStatus(), CronJobStatus.class);
    List<ObjectReference> active =
        status.getActive() == null ? new ArrayList<>() : new ArrayList<>(status.getActive());
    Plan plan = new Plan(status);
    for (Job j : children) {
      String uid = j.getMetadata().getUid();
      boolean found = active.stream().anyMatch(r -> uid.equals(r.getUid()));
      Optional<String> finished = finishedCondition(j);
      if (!found && finished.isEmpty()) {
        plan.events.add(
            new Event(
                true,
                "UnexpectedJob",
                "Saw a job that the controller did not create or forgot: "
                    + j.getMetadata().getName()));
      } else if (finished.isPresent()) {
        if (found) {
          active.removeIf(r -> uid.equals(r.getUid()));
          plan.events.add(
              new Event(
                  false,
                  "SawCompletedJob",
                  "Saw completed job: "
                      + j.getMetadata().getName()
                      + ", condition: "
                      + finished.get()));
        }
        String completion = j.getStatus() == null ? null : j.getStatus().getCompletionTime();
        if ("Complete".equals(finished.get())
            && completion != null
            && (status.getLastSuccessfulTime() == null
                || Instant.parse(completion)
                    .isAfter(Instant.parse(status.getLastSuccessfulTime())))) {
          status.setLastSuccessfulTime(completion);
        }
      }
    }
    for (ObjectReference r : List.copyOf(active)) {
      if (missing.contains(r.getUid())) {
        plan.events.add(new Event(false, "MissingJob", "Active job went missing: " + r.getName()));
        active.remove(r);
      }
    }
    status.setActive(active.isEmpty() ? null : active);
    if (cj.getMetadata().getDeletionTimestamp() != null) {
      return plan;
    }
    expireHistory(cj, children, plan);
    schedule(cj, active, now, plan);
    return plan;
  }

  private static void schedule(CronJob cj, List<ObjectReference> active, Instant now, Plan plan) {
    var spec = cj.getSpec();
    ZoneId zone;
    try {
      zone = spec.getTimeZone() == null ? ZoneOffset.UTC : ZoneId.of(spec.getTimeZone());
    } catch (DateTimeException e) {
      plan.events.add(
          new Event(
              true,
              "UnknownTimeZone",
              "invalid timeZone: \"" + spec.getTimeZone() + "\": " + e.getMessage()));
      return;
    }
    if (Boolean.TRUE.equals(spec.getSuspend())) {
      return;
    }
    CronSchedule schedule;
    try {
      schedule = CronSchedule.parse(spec.getSchedule(), zone);
    } catch (IllegalArgumentException e) {
      plan.events.add(
          new Event(
              true,
              "UnparseableSchedule",
              "unparseable schedule: \"" + spec.getSchedule() + "\" : " + e.getMessage()));
      return;
    }
    Instant earliest = earliest(cj);
    if (spec.getStartingDeadlineSeconds() != null) {
      Instant deadline = now.minusSeconds(spec.getStartingDeadlineSeconds());
      earliest = deadline.isAfter(earliest) ? deadline : earliest;
    }
    Missed missed = mostRecent(schedule, earliest, now);
    if (missed.count > MISSED_WARNING) {
      plan.events.add(
          new Event(
              true,
              "TooManyMissedTimes",
              "too many missed start times: "
                  + missed.count
                  + ". Set or decrease .spec.startingDeadlineSeconds or check clock skew"));
    }
    Instant scheduled = missed.time;
    Instant lastSchedule =
        plan.status.getLastScheduleTime() == null
            ? null
            : Instant.parse(plan.status.getLastScheduleTime());
    if (scheduled == null) {
      plan.requeueAfter = untilNext(schedule, cj, lastSchedule, now);
      return;
    }
    if (spec.getStartingDeadlineSeconds() != null
        && scheduled.plusSeconds(spec.getStartingDeadlineSeconds()).isBefore(now)) {
      plan.events.add(
          new Event(
              true,
              "MissSchedule",
              "Missed scheduled time to start a job: " + RFC1123Z.format(scheduled)));
      plan.requeueAfter = untilNext(schedule, cj, lastSchedule, now);
      return;
    }
    String name = jobName(cj, scheduled);
    if (active.stream().anyMatch(r -> name.equals(r.getName())) || scheduled.equals(lastSchedule)) {
      plan.requeueAfter = untilNext(schedule, cj, lastSchedule, now);
      return;
    }
    if ("Forbid".equals(spec.getConcurrencyPolicy()) && !active.isEmpty()) {
      plan.events.add(
          new Event(
              false,
              "JobAlreadyActive",
              "Not starting job because prior execution is running and concurrency policy is"
                  + " Forbid"));
      plan.requeueAfter = untilNext(schedule, cj, lastSchedule, now);
      return;
    }
    if ("Replace".equals(spec.getConcurrencyPolicy())) {
      plan.replace.addAll(active);
    }
    plan.create = scheduled;
    plan.requeueAfter = untilNext(schedule, cj, scheduled, now);
  }

  /** Upstream's getJobName: the schedule time in minutes since the epoch, unique per fire time. */
  static String jobName(CronJob cj, Instant scheduled) {
    return cj.getMetadata().getName() + "-" + scheduled.getEpochSecond() / 60;
  }

  private static Instant earliest(CronJob cj) {
    if (cj.getStatus() != null && cj.getStatus().getLastScheduleTime() != null) {
      return Instant.parse(cj.getStatus().getLastScheduleTime());
    }
    return Instant.parse(cj.getMetadata().getCreationTimestamp());
  }

  /** The requeue delay: the fire time after the last one handled, plus the delta. */
  private static Duration untilNext(
      CronSchedule schedule, CronJob cj, Instant lastSchedule, Instant now) {
    Instant base = lastSchedule != null ? lastSchedule : earliest(cj);
    Missed m = mostRecent(schedule, base, now);
    Instant from = m.time != null ? m.time : base;
    return schedule
        .next(from)
        .map(t -> Duration.between(now, t.plus(NEXT_SCHEDULE_DELTA)))
        .orElse(null);
  }

  record Missed(Instant time, long count) {}

  /**
   * The latest fire time in {@code (earliest, now]} and about how many there were. Long gaps are
   * not walked one by one: the count is estimated from the first interval, as upstream does, and
   * the latest time is found by searching back from {@code now} in a doubling window.
   */
  static Missed mostRecent(CronSchedule schedule, Instant earliest, Instant now) {
    Optional<Instant> t1 = schedule.next(earliest);
    if (t1.isEmpty() || t1.get().isAfter(now)) {
      return new Missed(null, 0);
    }
    Optional<Instant> t2 = schedule.next(t1.get());
    if (t2.isEmpty() || t2.get().isAfter(now)) {
      return new Missed(t1.get(), 1);
    }
    long interval = Math.max(1, Duration.between(t1.get(), t2.get()).getSeconds());
    long count = Duration.between(t1.get(), now).getSeconds() / interval + 1;
    for (long window = interval * 4; ; window *= 2) {
      Instant from = now.minusSeconds(window);
      if (!from.isAfter(t1.get())) {
        from = t1.get().minusNanos(1);
      }
      Instant latest = null;
      for (Optional<Instant> t = schedule.next(from);
          t.isPresent() && !t.get().isAfter(now);
          t = schedule.next(t.get())) {
        latest = t.get();
      }
      if (latest != null) {
        return new Missed(latest, count);
      }
    }
  }

  /**
   * Deletes the oldest finished Jobs past successfulJobsHistoryLimit and failedJobsHistoryLimit.
   */
  private static void expireHistory(CronJob cj, List<Job> children, Plan plan) {
    var spec = cj.getSpec();
    for (String kind : List.of("Complete", "Failed")) {
      Integer limit =
          kind.equals("Complete")
              ? spec.getSuccessfulJobsHistoryLimit()
              : spec.getFailedJobsHistoryLimit();
      if (limit == null) {
        continue;
      }
      List<Job> finished =
          children.stream()
              .filter(j -> finishedCondition(j).filter(kind::equals).isPresent())
              .sorted(BY_START_TIME)
              .toList();
      for (Job j : finished.subList(0, Math.max(0, finished.size() - limit))) {
        plan.expired.add(j);
        plan.events.add(
            new Event(false, "SuccessfulDelete", "Deleted job " + j.getMetadata().getName()));
      }
    }
  }

  /** Upstream's byJobStartTime: started before not started, then by start time, then by name. */
  private static final Comparator<Job> BY_START_TIME =
      Comparator.<Job, Instant>comparing(
              j ->
                  j.getStatus() == null || j.getStatus().getStartTime() == null
                      ? null
                      : Instant.parse(j.getStatus().getStartTime()),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(j -> j.getMetadata().getName());

  /** "Complete" or "Failed" when that condition is True. */
  static Optional<String> finishedCondition(Job j) {
    if (j.getStatus() == null || j.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    for (JobCondition c : j.getStatus().getConditions()) {
      if (("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
          && "True".equals(c.getStatus())) {
        return Optional.of(c.getType());
      }
    }
    return Optional.empty();
  }
}
