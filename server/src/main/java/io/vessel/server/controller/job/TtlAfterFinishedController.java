package io.vessel.server.controller.job;

import static io.vessel.kit.client.Resources.JOBS;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Preconditions;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.controller.Controller;
import io.vessel.kit.controller.Result;
import io.vessel.kit.informer.Informer;
import io.vessel.server.controller.Loops;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Deletes a finished Job {@code ttlSecondsAfterFinished} after its Complete or Failed condition
 * turned True (upstream's ttl-after-finished controller). The delete is Background propagation with
 * the Job's uid as precondition; its pods are the garbage collector's to remove. Upstream uses
 * Foreground; Background here so that a Job is gone even while no collector runs.
 */
public final class TtlAfterFinishedController {
  private final Loops loops;
  private final Informer<Job> jobs;
  private final Clock clock;

  private TtlAfterFinishedController(Loops loops, Clock clock) {
    this.loops = loops;
    this.jobs = loops.informers().of(JOBS);
    this.clock = clock;
  }

  public static void register(Loops loops) {
    var c = new TtlAfterFinishedController(loops, Clock.systemUTC());
    loops.add(new Controller("ttl-after-finished", 2, c::reconcile).watches(c.jobs));
  }

  private Result reconcile(String key) {
    Job cached = jobs.get(key);
    if (cached == null || expiry(cached).isEmpty()) {
      return Result.done();
    }
    Instant now = clock.instant();
    if (now.isBefore(expiry(cached).get())) {
      return Result.requeueAfter(Duration.between(now, expiry(cached).get()));
    }
    // The cache may be stale: check the TTL on a fresh copy before deleting, as upstream does.
    Job fresh;
    try {
      fresh =
          Blocking.await(
              loops
                  .client()
                  .get(JOBS, cached.getMetadata().getNamespace(), cached.getMetadata().getName()));
    } catch (ApiException e) {
      if (e.notFound()) {
        return Result.done();
      }
      throw e;
    }
    Optional<Instant> expiry = expiry(fresh);
    if (expiry.isEmpty() || fresh.getMetadata().getDeletionTimestamp() != null) {
      return Result.done();
    }
    if (now.isBefore(expiry.get())) {
      return Result.requeueAfter(Duration.between(now, expiry.get()));
    }
    DeleteOptions options = new DeleteOptions();
    options.setPropagationPolicy("Background");
    options.setPreconditions(new Preconditions(null, fresh.getMetadata().getUid()));
    Blocking.await(
        loops
            .client()
            .delete(
                JOBS, fresh.getMetadata().getNamespace(), fresh.getMetadata().getName(), options));
    return Result.done();
  }

  /** When a finished Job with a TTL expires; empty if it has no TTL or is not finished. */
  static Optional<Instant> expiry(Job job) {
    if (job.getSpec() == null
        || job.getSpec().getTtlSecondsAfterFinished() == null
        || job.getStatus() == null) {
      return Optional.empty();
    }
    if (job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    for (JobCondition c : job.getStatus().getConditions()) {
      if ((JobConditions.COMPLETE.equals(c.getType()) || JobConditions.FAILED.equals(c.getType()))
          && "True".equals(c.getStatus())
          && c.getLastTransitionTime() != null) {
        return Optional.of(
            Instant.parse(c.getLastTransitionTime())
                .plusSeconds(job.getSpec().getTtlSecondsAfterFinished()));
      }
    }
    return Optional.empty();
  }
}
