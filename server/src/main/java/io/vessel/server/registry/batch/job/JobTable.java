package io.vessel.server.registry.batch.job;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.vessel.server.api.HumanDuration;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** NAME, STATUS, COMPLETIONS, DURATION, AGE (+ CONTAINERS, IMAGES, SELECTOR wide). */
public final class JobTable implements TableConvertor<Job> {
  private static final List<TableColumn> COLUMNS =
      TableColumn.withTemplateColumns(
          List.of(
              TableColumn.nameColumn(),
              TableColumn.text("Status", "Status of the job."),
              TableColumn.text("Completions", "Succeeded pods out of the completions wanted."),
              TableColumn.text("Duration", "Time required to complete the job."),
              TableColumn.ageColumn()),
          "the job's pods");

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Job job, Instant now) {
    JobSpec spec = job.getSpec() == null ? new JobSpec() : job.getSpec();
    JobStatus status = job.getStatus() == null ? new JobStatus() : job.getStatus();
    List<String> containers =
        TableCells.containersAndImages(spec.getTemplate());
    return List.of(
        job.getMetadata().getName(),
        status(job, status),
        completions(spec, status),
        duration(status, now),
        Ages.of(job, now),
        containers.get(0),
        containers.get(1),
        TableCells.labelSelector(spec.getSelector()));
  }

  /** {@code 1/3}, or {@code 0/1 of 4} for a work queue (no completions, parallelism > 1). */
  static String completions(JobSpec spec, JobStatus status) {
    long succeeded = TableCells.orZero(status.getSucceeded());
    if (spec.getCompletions() != null) {
      return succeeded + "/" + spec.getCompletions();
    }
    long parallelism = TableCells.orZero(spec.getParallelism());
    return parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
  }

  /** Start to completion, or start to now while running; empty before the job started. */
  static String duration(JobStatus status, Instant now) {
    if (status.getStartTime() == null) {
      return "";
    }
    Instant start = Instant.parse(status.getStartTime());
    Instant end =
        status.getCompletionTime() == null ? now : Instant.parse(status.getCompletionTime());
    return HumanDuration.format(Duration.between(start, end));
  }

  /** Complete, Failed, Terminating, Suspended, FailureTarget or Running, in that precedence. */
  static String status(Job job, JobStatus status) {
    if (condition(status, "Complete")) {
      return "Complete";
    }
    if (condition(status, "Failed")) {
      return "Failed";
    }
    if (job.getMetadata().getDeletionTimestamp() != null) {
      return "Terminating";
    }
    if (condition(status, "Suspended")) {
      return "Suspended";
    }
    if (condition(status, "FailureTarget")) {
      return "FailureTarget";
    }
    return "Running";
  }

  private static boolean condition(JobStatus status, String type) {
    if (status.getConditions() != null) {
      for (JobCondition c : status.getConditions()) {
        if (type.equals(c.getType())) {
          return "True".equals(c.getStatus());
        }
      }
    }
    return false;
  }
}
