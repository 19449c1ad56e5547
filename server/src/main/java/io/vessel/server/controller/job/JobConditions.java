package io.vessel.server.controller.job;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Job condition types, reasons and messages as batch/v1 and upstream's job controller spell them.
 */
final class JobConditions {
  static final String COMPLETE = "Complete";
  static final String FAILED = "Failed";
  static final String SUCCESS_CRITERIA_MET = "SuccessCriteriaMet";
  static final String FAILURE_TARGET = "FailureTarget";
  static final String SUSPENDED = "Suspended";

  record Reason(String reason, String message) {}

  static final Reason COMPLETIONS_REACHED =
      new Reason("CompletionsReached", "Reached expected number of succeeded pods");
  static final Reason BACKOFF_LIMIT_EXCEEDED =
      new Reason("BackoffLimitExceeded", "Job has reached the specified backoff limit");
  static final Reason DEADLINE_EXCEEDED =
      new Reason("DeadlineExceeded", "Job was active longer than specified deadline");
  static final Reason JOB_SUSPENDED = new Reason("JobSuspended", "Job suspended");
  static final Reason JOB_RESUMED = new Reason("JobResumed", "Job resumed");

  private JobConditions() {}

  static Optional<JobCondition> find(JobStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  static boolean isTrue(JobStatus status, String type) {
    return find(status, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /** Complete or Failed: upstream's {@code IsJobFinished}. */
  static boolean finished(Job job) {
    return isTrue(job.getStatus(), COMPLETE) || isTrue(job.getStatus(), FAILED);
  }

  /**
   * Sets {@code type} to {@code status} with {@code why}; the transition time moves only when the
   * status changes, as upstream's {@code ensureJobConditionStatus} has it. Returns whether anything
   * changed.
   */
  static boolean set(JobStatus s, String type, String status, Reason why, Instant now) {
    List<JobCondition> conditions =
        s.getConditions() == null ? new ArrayList<>() : new ArrayList<>(s.getConditions());
    String ts = now.toString();
    for (JobCondition c : conditions) {
      if (type.equals(c.getType())) {
        if (status.equals(c.getStatus())
            && why.reason().equals(c.getReason())
            && why.message().equals(c.getMessage())) {
          return false;
        }
        if (!status.equals(c.getStatus())) {
          c.setLastTransitionTime(ts);
        }
        c.setStatus(status);
        c.setReason(why.reason());
        c.setMessage(why.message());
        c.setLastProbeTime(ts);
        s.setConditions(conditions);
        return true;
      }
    }
    JobCondition c = new JobCondition();
    c.setType(type);
    c.setStatus(status);
    c.setReason(why.reason());
    c.setMessage(why.message());
    c.setLastProbeTime(ts);
    c.setLastTransitionTime(ts);
    conditions.add(c);
    s.setConditions(conditions);
    return true;
  }
}
