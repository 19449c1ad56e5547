package io.vessel.server.registry.batch.job;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyOnPodConditionsPattern;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.Serialization;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.GarbageCollectionPolicy;
import io.vessel.server.registry.GoValue;
import io.vessel.server.registry.ModelFields;
import io.vessel.server.registry.Strategy.NameRule;
import io.vessel.server.registry.apps.WorkloadValidation;
import io.vessel.server.registry.core.pod.PodSpecDefaults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Job rules: batch/v1 defaults (completions and parallelism 1, backoffLimit 6, NonIndexed, not
 * suspended, the pod replacement policy, labels from the template), a generated selector on the
 * job's uid unless {@code manualSelector}, status cleared on create, generation tracked, OnFailure
 * or Never pods, and an immutable selector, template and completion count.
 */
public final class JobStrategy extends BasicStrategy<Job> {
  static final String JOB_NAME = "batch.kubernetes.io/job-name";
  static final String LEGACY_JOB_NAME = "job-name";
  static final String CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
  static final String LEGACY_CONTROLLER_UID = "controller-uid";
  static final List<String> RESTART_POLICIES = List.of("OnFailure", "Never");

  public JobStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, true, true);
  }

  /** batch/v1 orphans a Job's pods by default, for backwards compatibility, as upstream does. */
  @Override
  public GarbageCollectionPolicy defaultGarbageCollectionPolicy() {
    return GarbageCollectionPolicy.ORPHAN_DEPENDENTS;
  }

  @Override
  public void prepareForCreate(Job job) {
    ModelFields.clearStatus(job);
    JobSpec spec = job.getSpec();
    if (spec != null && !Boolean.TRUE.equals(spec.getManualSelector())) {
      generateSelector(job);
    }
    applyDefaults(job);
  }

  @Override
  protected void applyDefaults(Job job) {
    JobSpec spec = job.getSpec();
    if (spec == null) {
      return;
    }
    if (spec.getCompletions() == null && spec.getParallelism() == null) {
      spec.setCompletions(1);
      spec.setParallelism(1);
    }
    if (spec.getParallelism() == null) {
      spec.setParallelism(1);
    }
    if (spec.getBackoffLimit() == null) {
      spec.setBackoffLimit(spec.getBackoffLimitPerIndex() != null ? Integer.MAX_VALUE : 6);
    }
    if (spec.getCompletionMode() == null) {
      spec.setCompletionMode("NonIndexed");
    }
    if (spec.getSuspend() == null) {
      spec.setSuspend(false);
    }
    if (spec.getPodReplacementPolicy() == null) {
      spec.setPodReplacementPolicy(
          spec.getPodFailurePolicy() != null ? "Failed" : "TerminatingOrFailed");
    }
    if (spec.getPodFailurePolicy() != null && spec.getPodFailurePolicy().getRules() != null) {
      for (PodFailurePolicyRule rule : spec.getPodFailurePolicy().getRules()) {
        if (rule.getOnPodConditions() == null) {
          continue;
        }
        for (PodFailurePolicyOnPodConditionsPattern p : rule.getOnPodConditions()) {
          if (p.getStatus() == null) {
            p.setStatus("True");
          }
        }
      }
    }
    Map<String, String> templateLabels = templateLabels(spec.getTemplate());
    var labels = job.getMetadata().getLabels();
    if ((labels == null || labels.isEmpty()) && templateLabels != null) {
      job.getMetadata().setLabels(new LinkedHashMap<>(templateLabels));
    }
    PodSpecDefaults.apply(spec.getTemplate());
  }

  /**
   * Labels the template with the job's name and uid (both label spellings) and selects the uid, so
   * that the job's pods are only ever its own. Labels the user set are left for validation.
   */
  static void generateSelector(Job job) {
    JobSpec spec = job.getSpec();
    PodTemplateSpec template = spec.getTemplate();
    if (template == null) {
      return;
    }
    if (template.getMetadata() == null) {
      template.setMetadata(new ObjectMeta());
    }
    Map<String, String> labels =
        template.getMetadata().getLabels() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(template.getMetadata().getLabels());
    String name = job.getMetadata().getName();
    String uid = job.getMetadata().getUid();
    labels.putIfAbsent(LEGACY_JOB_NAME, name);
    labels.putIfAbsent(JOB_NAME, name);
    labels.putIfAbsent(LEGACY_CONTROLLER_UID, uid);
    labels.putIfAbsent(CONTROLLER_UID, uid);
    template.getMetadata().setLabels(labels);
    LabelSelector selector = spec.getSelector() == null ? new LabelSelector() : spec.getSelector();
    Map<String, String> match =
        selector.getMatchLabels() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(selector.getMatchLabels());
    match.putIfAbsent(CONTROLLER_UID, uid);
    selector.setMatchLabels(match);
    spec.setSelector(selector);
  }

  @Override
  public void validate(Job job, FieldErrors errors) {
    JobSpec spec = job.getSpec() == null ? new JobSpec() : job.getSpec();
    WorkloadValidation.nonNegative("spec.parallelism", spec.getParallelism(), errors);
    WorkloadValidation.nonNegative("spec.completions", spec.getCompletions(), errors);
    WorkloadValidation.nonNegative("spec.backoffLimit", spec.getBackoffLimit(), errors);
    if (spec.getActiveDeadlineSeconds() != null && spec.getActiveDeadlineSeconds() < 0) {
      errors.invalid(
          "spec.activeDeadlineSeconds",
          spec.getActiveDeadlineSeconds(),
          "must be greater than or equal to 0");
    }
    List<String> modes = List.of("NonIndexed", "Indexed");
    if (spec.getCompletionMode() != null && !modes.contains(spec.getCompletionMode())) {
      errors.notSupported("spec.completionMode", spec.getCompletionMode(), modes);
    }
    WorkloadValidation.selectorAndTemplate(
        spec.getSelector(), spec.getTemplate(), "job", RESTART_POLICIES, errors);
  }

  @Override
  public void validateUpdate(Job job, Job old, FieldErrors errors) {
    validate(job, errors);
    JobSpec spec = job.getSpec() == null ? new JobSpec() : job.getSpec();
    JobSpec was = old.getSpec() == null ? new JobSpec() : old.getSpec();
    WorkloadValidation.immutableSelector(spec.getSelector(), was.getSelector(), errors);
    var template = Serialization.json().valueToTree(spec.getTemplate());
    var oldTemplate = Serialization.json().valueToTree(was.getTemplate());
    if (!template.equals(oldTemplate)) {
      // Upstream prints the whole Go struct here; the field path says what matters.
      errors.immutable("spec.template", new GoValue("core.PodTemplateSpec{...}"));
    }
    if (!Objects.equals(spec.getCompletions(), was.getCompletions())) {
      errors.immutable("spec.completions", spec.getCompletions());
    }
    if (!Objects.equals(spec.getCompletionMode(), was.getCompletionMode())) {
      errors.immutable("spec.completionMode", spec.getCompletionMode());
    }
  }

  private static Map<String, String> templateLabels(PodTemplateSpec template) {
    return template == null || template.getMetadata() == null
        ? null
        : template.getMetadata().getLabels();
  }
}
