package io.vessel.server.registry.batch.cronjob;

import io.vessel.server.registry.Enums;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import io.vessel.server.registry.apps.WorkloadValidation;
import io.vessel.server.registry.core.pod.PodSpecDefaults;
import java.util.List;
import java.util.Set;

/**
 * CronJob rules: batch/v1 defaults (Allow, not suspended, three successful and one failed job kept,
 * pod template defaults), status cleared on create, generation tracked, names of at most 52
 * characters (a job name adds 11), a five-field schedule without TZ prefixes, and job templates
 * whose pods restart OnFailure or Never.
 */
public final class CronJobStrategy extends BasicStrategy<CronJob> {
  static final int MAX_NAME = 52;
  private static final List<String> POLICIES = List.of("Allow", "Forbid", "Replace");
  private static final Set<String> DESCRIPTORS =
      Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

  public CronJobStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, true, true);
  }

  @Override
  protected void applyDefaults(CronJob cj) {
    CronJobSpec spec = cj.getSpec();
    if (spec == null) {
      return;
    }
    if (spec.getConcurrencyPolicy() == null || spec.getConcurrencyPolicy().isEmpty()) {
      spec.setConcurrencyPolicy("Allow");
    }
    if (spec.getSuspend() == null) {
      spec.setSuspend(false);
    }
    if (spec.getSuccessfulJobsHistoryLimit() == null) {
      spec.setSuccessfulJobsHistoryLimit(3);
    }
    if (spec.getFailedJobsHistoryLimit() == null) {
      spec.setFailedJobsHistoryLimit(1);
    }
    if (spec.getJobTemplate() != null && spec.getJobTemplate().getSpec() != null) {
      PodSpecDefaults.apply(spec.getJobTemplate().getSpec().getTemplate());
    }
  }

  @Override
  public void validate(CronJob cj, FieldErrors errors) {
    String name = cj.getMetadata().getName();
    if (name != null && name.length() > MAX_NAME) {
      errors.invalid("metadata.name", name, "must be no more than 52 characters");
    }
    CronJobSpec spec = cj.getSpec() == null ? new CronJobSpec() : cj.getSpec();
    schedule(spec.getSchedule(), errors);
    if (spec.getConcurrencyPolicy() != null && !Enums.contains(POLICIES, spec.getConcurrencyPolicy())) {
      errors.notSupported("spec.concurrencyPolicy", spec.getConcurrencyPolicy(), POLICIES);
    }
    WorkloadValidation.nonNegative(
        "spec.successfulJobsHistoryLimit", spec.getSuccessfulJobsHistoryLimit(), errors);
    WorkloadValidation.nonNegative(
        "spec.failedJobsHistoryLimit", spec.getFailedJobsHistoryLimit(), errors);
    var jobTemplate = spec.getJobTemplate();
    if (jobTemplate == null || jobTemplate.getSpec() == null) {
      errors.required("spec.jobTemplate.spec.template", "");
      return;
    }
    WorkloadValidation.template(
        jobTemplate.getSpec().getTemplate(),
        null,
        "spec.jobTemplate.spec.template",
        List.of("OnFailure", "Never"),
        errors);
  }

  @Override
  public void validateUpdate(CronJob cj, CronJob old, FieldErrors errors) {
    validate(cj, errors);
  }

  /** Five space-separated fields, or one of the @ descriptors; time zones go in timeZone. */
  static void schedule(String schedule, FieldErrors errors) {
    if (schedule == null || schedule.isBlank()) {
      errors.required("spec.schedule", "");
      return;
    }
    String s = schedule.strip();
    if (s.startsWith("TZ=") || s.startsWith("CRON_TZ=")) {
      errors.invalid(
          "spec.schedule",
          schedule,
          "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
      return;
    }
    if (s.startsWith("@")) {
      if (!DESCRIPTORS.contains(s) && !s.startsWith("@every ")) {
        errors.invalid("spec.schedule", schedule, "unrecognized descriptor: " + s);
      }
      return;
    }
    String[] fields = s.split("\\s+");
    if (fields.length != 5) {
      errors.invalid(
          "spec.schedule",
          schedule,
          "expected exactly 5 fields, found "
              + fields.length
              + ": ["
              + String.join(" ", fields)
              + "]");
    }
  }
}
