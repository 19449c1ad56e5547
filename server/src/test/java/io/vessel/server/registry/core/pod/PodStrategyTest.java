package io.vessel.server.registry.core.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.StatusCause;
import io.vessel.server.registry.Fixtures;
import io.vessel.server.registry.ObjectCodec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodStrategyTest {
  private static final String POD =
      """
      metadata: {name: p, namespace: default}
      spec:
        containers:
        - name: web
          image: nginx:1.25
          ports: [{containerPort: 80}]
          livenessProbe: {tcpSocket: {port: 80}}
          resources: {limits: {cpu: 1, memory: 1Gi}}
        volumes: [{name: scratch}]
      """;
  private final PodStrategy strategy = new PodStrategy();

  @Test
  @DisplayName("prepare for create, bare pod, gets v1 and admission defaults and a Pending status")
  void createDefaults() {
    Pod pod = Fixtures.yaml(POD, Pod.class);

    strategy.prepareForCreate(pod);

    var spec = pod.getSpec();
    assertThat(spec.getRestartPolicy()).isEqualTo("Always");
    assertThat(spec.getDnsPolicy()).isEqualTo("ClusterFirst");
    assertThat(spec.getSchedulerName()).isEqualTo("default-scheduler");
    assertThat(spec.getTerminationGracePeriodSeconds()).isEqualTo(30L);
    assertThat(spec.getSecurityContext()).isNotNull();
    assertThat(spec.getEnableServiceLinks()).isTrue();
    assertThat(spec.getServiceAccountName()).isEqualTo("default");
    assertThat(spec.getPriority()).isZero();
    assertThat(spec.getPreemptionPolicy()).isEqualTo("PreemptLowerPriority");
    assertThat(spec.getTolerations())
        .extracting(Toleration::getKey, Toleration::getEffect, Toleration::getTolerationSeconds)
        .containsExactly(
            tuple("node.kubernetes.io/not-ready", "NoExecute", 300L),
            tuple("node.kubernetes.io/unreachable", "NoExecute", 300L));
    assertThat(spec.getVolumes().get(0).getEmptyDir()).isNotNull();
    var c = spec.getContainers().get(0);
    assertThat(c.getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(c.getTerminationMessagePath()).isEqualTo("/dev/termination-log");
    assertThat(c.getTerminationMessagePolicy()).isEqualTo("File");
    assertThat(c.getPorts().get(0).getProtocol()).isEqualTo("TCP");
    assertThat(c.getLivenessProbe().getPeriodSeconds()).isEqualTo(10);
    assertThat(c.getLivenessProbe().getFailureThreshold()).isEqualTo(3);
    assertThat(c.getResources().getRequests()).isEqualTo(c.getResources().getLimits());
    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(pod.getStatus().getQosClass()).isEqualTo("Guaranteed");
  }

  @Test
  @DisplayName("prepare for create, pod tolerating every NoExecute taint, adds no toleration")
  void toleratesAll() {
    Pod pod =
        Fixtures.yaml(POD + "  tolerations: [{operator: Exists, effect: NoExecute}]", Pod.class);

    strategy.prepareForCreate(pod);

    assertThat(pod.getSpec().getTolerations()).hasSize(1);
  }

  @Test
  @DisplayName("validate, pod without containers, requires spec.containers")
  void requiresContainers() {
    Pod pod = Fixtures.yaml("metadata: {name: p}\nspec: {containers: []}", Pod.class);
    FieldErrors errors = new FieldErrors();

    strategy.validate(pod, errors);

    assertThat(errors.causes())
        .containsExactly(
            new StatusCause("FieldValueRequired", "Required value", "spec.containers"));
  }

  @Test
  @DisplayName("validate, container without name or image, reports both fields")
  void requiresNameAndImage() {
    Pod pod = Fixtures.yaml("metadata: {name: p}\nspec: {containers: [{}]}", Pod.class);
    FieldErrors errors = new FieldErrors();

    strategy.validate(pod, errors);

    assertThat(errors.causes())
        .extracting(StatusCause::field)
        .containsExactly("spec.containers[0].name", "spec.containers[0].image");
  }

  @Test
  @DisplayName("validate update, image changed, is allowed")
  void imageChange() {
    Pod old = created();
    Pod pod = ObjectCodec.copy(old);
    pod.getSpec().getContainers().get(0).setImage("nginx:1.26");
    strategy.prepareForUpdate(pod, old);
    FieldErrors errors = new FieldErrors();

    strategy.validateUpdate(pod, old, errors);

    assertThat(errors.isEmpty()).isTrue();
  }

  @Test
  @DisplayName("validate update, restart policy changed, is forbidden on spec")
  void specChange() {
    Pod old = created();
    Pod pod = ObjectCodec.copy(old);
    pod.getSpec().setRestartPolicy("Never");
    FieldErrors errors = new FieldErrors();

    strategy.validateUpdate(pod, old, errors);

    assertThat(errors.causes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.field()).isEqualTo("spec");
              assertThat(c.reason()).isEqualTo("FieldValueForbidden");
              assertThat(c.message())
                  .startsWith("Forbidden: pod updates may not change fields other than");
            });
  }

  @Test
  @DisplayName("validate update, put without defaulted fields, changes nothing once defaulted")
  void putWithoutDefaults() {
    Pod old = created();
    Pod pod = Fixtures.yaml(POD, Pod.class);
    pod.getSpec().setTolerations(old.getSpec().getTolerations());
    pod.getSpec().setServiceAccountName("default");
    pod.getSpec().setPriority(0);
    pod.getSpec().setPreemptionPolicy("PreemptLowerPriority");
    strategy.prepareForUpdate(pod, old);
    FieldErrors errors = new FieldErrors();

    strategy.validateUpdate(pod, old, errors);

    assertThat(errors.causes()).isEmpty();
  }

  @Test
  @DisplayName("update status, status without qosClass, keeps the class set at create")
  void keepsQos() {
    Pod current = created();
    Pod requested = ObjectCodec.copy(current);
    requested.getStatus().setQosClass(null);
    requested.getStatus().setPhase("Running");

    Pod stored = strategy.subresourceUpdate("status", requested, current);

    assertThat(stored.getStatus().getPhase()).isEqualTo("Running");
    assertThat(stored.getStatus().getQosClass()).isEqualTo("Guaranteed");
  }

  private Pod created() {
    Pod pod = Fixtures.yaml(POD, Pod.class);
    strategy.prepareForCreate(pod);
    return pod;
  }
}
