package io.vessel.server.registry.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.StatusCause;
import io.vessel.server.registry.Fixtures;
import io.vessel.server.registry.ObjectCodec;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JobStrategyTest {
  private static final String JOB =
      """
      metadata: {name: pi, uid: 0a1b}
      spec:
        template:
          spec:
            restartPolicy: Never
            containers: [{name: pi, image: perl}]
      """;
  private final JobStrategy strategy = new JobStrategy();

  @Test
  @DisplayName("prepare for create, job without selector, selects its uid and labels its pods")
  void generatesSelector() {
    Job job = Fixtures.yaml(JOB, Job.class);

    strategy.prepareForCreate(job);

    Map<String, String> expected =
        Map.of(
            "batch.kubernetes.io/controller-uid", "0a1b",
            "batch.kubernetes.io/job-name", "pi",
            "controller-uid", "0a1b",
            "job-name", "pi");
    assertThat(job.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Map.of("batch.kubernetes.io/controller-uid", "0a1b"));
    assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(expected);
    assertThat(job.getMetadata().getLabels()).isEqualTo(expected);
    assertThat(job.getSpec().getCompletions()).isEqualTo(1);
    assertThat(job.getSpec().getParallelism()).isEqualTo(1);
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(6);
    assertThat(job.getSpec().getCompletionMode()).isEqualTo("NonIndexed");
    assertThat(job.getSpec().getSuspend()).isFalse();
    assertThat(job.getSpec().getPodReplacementPolicy()).isEqualTo("TerminatingOrFailed");
    assertThat(job.getStatus()).isNotNull();
  }

  @Test
  @DisplayName("validate, pod template restarting Always, names the supported policies")
  void restartPolicy() {
    Job job = Fixtures.yaml(JOB.replace("Never", "Always"), Job.class);
    strategy.prepareForCreate(job);
    FieldErrors errors = new FieldErrors();

    strategy.validate(job, errors);

    assertThat(errors.causes())
        .containsExactly(
            new StatusCause(
                "FieldValueNotSupported",
                "Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"",
                "spec.template.spec.restartPolicy"));
  }

  @Test
  @DisplayName("validate update, template changed, is immutable")
  void immutableTemplate() {
    Job old = Fixtures.yaml(JOB, Job.class);
    strategy.prepareForCreate(old);
    Job job = ObjectCodec.copy(old);
    job.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("perl:5.40");
    FieldErrors errors = new FieldErrors();

    strategy.validateUpdate(job, old, errors);

    assertThat(errors.causes())
        .extracting(StatusCause::field, StatusCause::message)
        .containsExactly(
            tuple("spec.template", "Invalid value: core.PodTemplateSpec{...}: field is immutable"));
  }
}
