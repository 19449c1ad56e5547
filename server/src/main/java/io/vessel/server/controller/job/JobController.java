package io.vessel.server.controller.job;

import static io.vessel.kit.client.Resources.JOBS;
import static io.vessel.kit.client.Resources.PODS;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.vertx.core.Future;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.Json;
import io.vessel.kit.controller.Controller;
import io.vessel.kit.controller.Expectations;
import io.vessel.kit.controller.Result;
import io.vessel.kit.selector.LabelSelectors;
import io.vessel.kit.events.EventRecorder;
import io.vessel.kit.informer.Informer;
import io.vessel.kit.informer.ObjectKeys;
import io.vessel.server.controller.Loops;
import io.vessel.server.controller.OwnerRefs;
import io.vessel.server.controller.PodExpectationTracker;
import io.vessel.server.controller.PodTemplates;
import io.vessel.server.controller.Pods;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs each Job's pods to completion (batch/v1): up to {@code parallelism} active pods until {@code
 * completions} succeed (NonIndexed), or one success per index (Indexed); fails the Job past {@code
 * backoffLimit} or {@code activeDeadlineSeconds}; deletes active pods while suspended. Finishing is
 * two-step as in 1.33: {@code SuccessCriteriaMet} / {@code FailureTarget} first (active pods
 * deleted), then {@code Complete} / {@code Failed} once no pod is left running.
 *
 * <p>Finished pods are counted from the pod cache, not with the {@code
 * batch.kubernetes.io/job-tracking} finalizer: {@code succeeded} and {@code failed} never go down,
 * and an Indexed Job's {@code completedIndexes} is the union of its status and its pods, so a
 * deleted finished pod is not redone; a pod deleted before it finished is replaced, not counted as
 * failed.
 */
public final class JobController {
  /** Upstream's burstReplicas for Jobs. */
  private static final int BURST = 500;

  private static final Duration BACKOFF_BASE = Duration.ofSeconds(10);
  private static final Duration BACKOFF_MAX = Duration.ofMinutes(6);

  private final Loops loops;
  private final EventRecorder events;
  private final Informer<Job> jobs;
  private final Informer<Pod> pods;
  private final Clock clock;
  private final Expectations expectations = new Expectations();

  private JobController(Loops loops, Clock clock) {
    this.loops = loops;
    this.events = new EventRecorder(loops.client(), "job-controller", "job-controller");
    this.jobs = loops.informers().of(JOBS);
    this.pods = loops.informers().of(PODS);
    this.clock = clock;
  }

  public static void register(Loops loops) {
    JobController c = new JobController(loops, Clock.systemUTC());
    // Before the controller's own handler: a reconcile woken by a pod event sees it counted.
    c.pods.addHandler(new PodExpectationTracker("Job", c.expectations));
    loops.add(new Controller("job", 4, c::reconcile).watches(c.jobs).watches(c.pods, c::ownerOf));
  }

  private List<String> ownerOf(Pod pod) {
    return ownerKey(pod).map(List::of).orElse(List.of());
  }

  private static Optional<String> ownerKey(Pod pod) {
    return OwnerRefs.controllerOf(pod)
        .filter(r -> "Job".equals(r.getKind()))
        .map(r -> ObjectKeys.of(pod.getMetadata().getNamespace(), r.getName()));
  }

  private Result reconcile(String key) {
    Job job = jobs.get(key);
    if (job == null) {
      expectations.forget(key);
      return Result.done();
    }
    if (JobConditions.finished(job) || job.getSpec() == null) {
      return Result.done();
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    JobSpec spec = job.getSpec();
    JobStatus old = job.getStatus() == null ? new JobStatus() : job.getStatus();
    JobStatus status = PodTemplates.copy(old, JobStatus.class);
    // As upstream's claim: a pod is the Job's when it is controlled by it and its selector
    // matches; a controlled pod that does not match is not counted (upstream releases it).
    List<Pod> mine =
        pods.list(job.getMetadata().getNamespace()).stream()
            .filter(p -> OwnerRefs.controlledBy(p, job))
            .filter(p -> LabelSelectors.matches(job.getSpec().getSelector(), p.getMetadata().getLabels()))
            .toList();
    List<Pod> active = mine.stream().filter(Pods::active).toList();
    List<Pod> failedPods = mine.stream().filter(JobPods::failed).toList();
    boolean indexed = "Indexed".equals(spec.getCompletionMode());
    Integer completions = spec.getCompletions();
    BitSet done = new BitSet();
    int succeeded;
    if (indexed && completions != null) {
      done = CompletedIndexes.parse(old.getCompletedIndexes(), completions);
      for (Pod p : mine) {
        int i = JobPods.index(p).orElse(-1);
        if (JobPods.succeeded(p) && i >= 0 && i < completions) {
          done.set(i);
        }
      }
      succeeded = done.cardinality();
      status.setCompletedIndexes(CompletedIndexes.format(done));
    } else {
      succeeded =
          Math.max(n(old.getSucceeded()), (int) mine.stream().filter(JobPods::succeeded).count());
    }
    int failed = Math.max(n(old.getFailed()), failedPods.size());
    boolean suspended = Boolean.TRUE.equals(spec.getSuspend());
    if (status.getStartTime() == null && !suspended) {
      status.setStartTime(now.toString());
    }

    Duration requeue = null;
    int deleted = 0;
    var finishing = finishingReason(job, status, active, failed, succeeded, now);
    if (finishing.isPresent()) {
      deleted = deleteAll(key, job, active);
      boolean success = finishing.get() == JobConditions.COMPLETIONS_REACHED;
      String interim = success ? JobConditions.SUCCESS_CRITERIA_MET : JobConditions.FAILURE_TARGET;
      JobConditions.set(status, interim, "True", finishing.get(), now);
      if (active.isEmpty() && mine.stream().noneMatch(JobPods::terminating)) {
        finish(job, status, success, finishing.get(), now);
      }
    } else if (suspended) {
      deleted = deleteAll(key, job, active);
      if (JobConditions.set(
          status, JobConditions.SUSPENDED, "True", JobConditions.JOB_SUSPENDED, now)) {
        events.normal(job, "Suspended", "Job suspended");
      }
    } else {
      if (JobConditions.isTrue(status, JobConditions.SUSPENDED)) {
        JobConditions.set(status, JobConditions.SUSPENDED, "False", JobConditions.JOB_RESUMED, now);
        status.setStartTime(now.toString()); // the deadline counts from the resume
        events.normal(job, "Resumed", "Job resumed");
      }
      requeue = deadlineLeft(spec, status, now);
      if (expectations.satisfied(key) && job.getMetadata().getDeletionTimestamp() == null) {
        Duration wait = manageActive(key, job, active, failedPods, done, succeeded, now);
        requeue = min(requeue, wait);
      }
    }
    status.setActive(active.size() - deleted);
    status.setReady((int) active.stream().filter(Pods::ready).count());
    status.setTerminating((int) mine.stream().filter(JobPods::terminating).count());
    status.setSucceeded(succeeded);
    status.setFailed(failed);
    if (!Json.mapper().valueToTree(status).equals(Json.mapper().valueToTree(old))) {
      Job copy = PodTemplates.copy(job, Job.class);
      copy.setStatus(status);
      Blocking.await(loops.client().updateStatus(JOBS, copy));
    }
    return requeue == null ? Result.done() : Result.requeueAfter(requeue);
  }

  /** Why the Job is finishing, if it is: a condition already set, or one it meets now. */
  private static Optional<JobConditions.Reason> finishingReason(
      Job job, JobStatus status, List<Pod> active, int failed, int succeeded, Instant now) {
    for (String type : List.of(JobConditions.FAILURE_TARGET, JobConditions.SUCCESS_CRITERIA_MET)) {
      var c = JobConditions.find(status, type).filter(x -> "True".equals(x.getStatus()));
      if (c.isPresent()) {
        return Optional.of(new JobConditions.Reason(c.get().getReason(), c.get().getMessage()))
            .map(
                r ->
                    r.reason().equals(JobConditions.COMPLETIONS_REACHED.reason())
                        ? JobConditions.COMPLETIONS_REACHED
                        : r);
      }
    }
    JobSpec spec = job.getSpec();
    if (pastBackoffLimit(spec, active, failed)) {
      return Optional.of(JobConditions.BACKOFF_LIMIT_EXCEEDED);
    }
    Duration left = deadlineLeft(spec, status, now);
    if (left != null && left.isZero() && !Boolean.TRUE.equals(spec.getSuspend())) {
      return Optional.of(JobConditions.DEADLINE_EXCEEDED);
    }
    Integer completions = spec.getCompletions();
    long running = active.size();
    boolean complete =
        completions == null ? succeeded > 0 && running == 0 : succeeded >= completions;
    return complete ? Optional.of(JobConditions.COMPLETIONS_REACHED) : Optional.empty();
  }

  /** Failed pods past the limit; with OnFailure, container restarts count too (upstream). */
  private static boolean pastBackoffLimit(JobSpec spec, List<Pod> active, int failed) {
    int limit = spec.getBackoffLimit() == null ? 6 : spec.getBackoffLimit();
    if (failed > limit) {
      return true;
    }
    if (!"OnFailure".equals(spec.getTemplate().getSpec().getRestartPolicy())) {
      return false;
    }
    int restarts = failed + active.stream().mapToInt(JobPods::restarts).sum();
    return limit == 0 ? restarts > 0 : restarts >= limit;
  }

  /** Zero once the deadline has passed, null without one. */
  private static Duration deadlineLeft(JobSpec spec, JobStatus status, Instant now) {
    if (spec.getActiveDeadlineSeconds() == null || status.getStartTime() == null) {
      return null;
    }
    Instant deadline =
        Instant.parse(status.getStartTime()).plusSeconds(spec.getActiveDeadlineSeconds());
    return now.isBefore(deadline) ? Duration.between(now, deadline) : Duration.ZERO;
  }

  private void finish(
      Job job, JobStatus status, boolean success, JobConditions.Reason why, Instant now) {
    if (success) {
      JobConditions.set(status, JobConditions.COMPLETE, "True", why, now);
      status.setCompletionTime(now.toString());
      events.normal(job, "Completed", "Job completed");
    } else {
      JobConditions.set(status, JobConditions.FAILED, "True", why, now);
      events.warning(job, why.reason(), why.message());
    }
  }

  /**
   * Creates or deletes pods toward the wanted active count. Returns how long to wait before a
   * create the failure back-off holds back (10 s doubled per failed pod, at most 6 min), or null.
   */
  private Duration manageActive(
      String key,
      Job job,
      List<Pod> active,
      List<Pod> failedPods,
      BitSet done,
      int succeeded,
      Instant now) {
    JobSpec spec = job.getSpec();
    int parallelism = spec.getParallelism() == null ? 1 : spec.getParallelism();
    Integer completions = spec.getCompletions();
    boolean indexed = "Indexed".equals(spec.getCompletionMode()) && completions != null;
    int wanted;
    if (completions == null) {
      wanted = succeeded > 0 ? Math.min(active.size(), parallelism) : parallelism;
    } else {
      wanted = Math.max(0, Math.min(parallelism, completions - succeeded));
    }
    if (active.size() > wanted) {
      List<Pod> victims =
          active.stream()
              .sorted(
                  Comparator.comparing(Pods::ready)
                      .thenComparing(
                          p -> p.getMetadata().getCreationTimestamp(), Comparator.reverseOrder()))
              .limit(active.size() - wanted)
              .toList();
      deleteAll(key, job, victims);
      return null;
    }
    int missing = Math.min(wanted - active.size(), BURST);
    if (missing <= 0) {
      return null;
    }
    if (!failedPods.isEmpty()) {
      Instant lastFailure =
          failedPods.stream().map(JobPods::finishedAt).max(Comparator.naturalOrder()).orElseThrow();
      Duration backoff = BACKOFF_BASE.multipliedBy(1L << Math.min(failedPods.size() - 1, 10));
      backoff = backoff.compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : backoff;
      Instant allowed = lastFailure.plus(backoff);
      if (now.isBefore(allowed)) {
        return Duration.between(now, allowed);
      }
    }
    List<Integer> indexes = new ArrayList<>();
    if (indexed) {
      BitSet taken = (BitSet) done.clone();
      active.forEach(p -> JobPods.index(p).ifPresent(taken::set));
      for (int i = taken.nextClearBit(0);
          i < completions && indexes.size() < missing;
          i = taken.nextClearBit(i + 1)) {
        indexes.add(i);
      }
    } else {
      for (int i = 0; i < missing; i++) {
        indexes.add(null);
      }
    }
    createPods(key, job, indexes);
    return null;
  }

  /** Slow-start batches of 1, 2, 4, … so that a template that cannot be created fails once. */
  private void createPods(String key, Job job, List<Integer> indexes) {
    expectations.expect(key, indexes.size(), 0);
    int done = 0;
    for (int batch = 1; done < indexes.size(); batch *= 2) {
      int size = Math.min(batch, indexes.size() - done);
      List<Future<Pod>> creates = new ArrayList<>();
      for (Integer index : indexes.subList(done, done + size)) {
        creates.add(loops.client().create(PODS, JobPods.newPod(job, index)));
      }
      RuntimeException failed = null;
      for (var f : creates) {
        try {
          Pod created = Blocking.await(f);
          events.normal(job, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
        } catch (RuntimeException e) {
          expectations.lowered(key, 1, 0);
          failed = e;
        }
      }
      done += size;
      if (failed != null) {
        expectations.lowered(key, indexes.size() - done, 0);
        String message =
            failed instanceof ApiException api
                ? api.getMessage().replaceFirst("^\\d+ \\w*: ", "")
                : failed.toString();
        events.warning(job, "FailedCreate", "Error creating: " + message);
        throw failed;
      }
    }
  }

  private int deleteAll(String key, Job job, List<Pod> victims) {
    if (victims.isEmpty()) {
      return 0;
    }
    expectations.expect(key, 0, victims.size());
    int deleted = 0;
    for (Pod pod : victims) {
      try {
        Blocking.await(
            loops
                .client()
                .delete(PODS, pod.getMetadata().getNamespace(), pod.getMetadata().getName(), null));
        events.normal(job, "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName());
        deleted++;
      } catch (RuntimeException e) {
        expectations.lowered(key, 0, 1);
        events.warning(job, "FailedDelete", "Error deleting: " + e.getMessage());
      }
    }
    return deleted;
  }

  private static Duration min(Duration a, Duration b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) <= 0 ? a : b;
  }

  private static int n(Integer v) {
    return v == null ? 0 : v;
  }
}
