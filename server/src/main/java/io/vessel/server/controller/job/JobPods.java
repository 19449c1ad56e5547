package io.vessel.server.controller.job;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.vessel.server.controller.PodTemplates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalInt;

/** The pods a Job makes, as upstream's job controller makes them, and the facts it reads back. */
final class JobPods {
  static final String COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";
  static final String INDEX_ENV = "JOB_COMPLETION_INDEX";

  private JobPods() {}

  /**
   * A pod from the template. An Indexed Job's pod carries its index as annotation, label and {@code
   * JOB_COMPLETION_INDEX} in every container, is named {@code <job>-<index>-} plus a suffix and,
   * unless the template sets one, has the hostname {@code <job>-<index>}.
   */
  static Pod newPod(Job job, Integer index) {
    Pod pod = PodTemplates.newPod(job.getSpec().getTemplate(), job);
    if (index == null) {
      return pod;
    }
    String name = job.getMetadata().getName();
    var meta = pod.getMetadata();
    meta.setGenerateName(name + "-" + index + "-");
    var annotations =
        meta.getAnnotations() == null ? new HashMap<String, String>() : meta.getAnnotations();
    annotations.put(COMPLETION_INDEX, Integer.toString(index));
    meta.setAnnotations(annotations);
    var labels = meta.getLabels() == null ? new HashMap<String, String>() : meta.getLabels();
    labels.put(COMPLETION_INDEX, Integer.toString(index));
    meta.setLabels(labels);
    var spec = pod.getSpec();
    if (spec.getHostname() == null || spec.getHostname().isEmpty()) {
      spec.setHostname(name + "-" + index);
    }
    addIndexEnv(spec.getContainers());
    addIndexEnv(spec.getInitContainers());
    return pod;
  }

  private static void addIndexEnv(List<Container> containers) {
    if (containers == null) {
      return;
    }
    EnvVar env =
        new EnvVarBuilder()
            .withName(INDEX_ENV)
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.annotations['" + COMPLETION_INDEX + "']")
            .endFieldRef()
            .endValueFrom()
            .build();
    for (Container c : containers) {
      List<EnvVar> envs = c.getEnv() == null ? new ArrayList<>() : new ArrayList<>(c.getEnv());
      if (envs.stream().noneMatch(e -> INDEX_ENV.equals(e.getName()))) {
        envs.add(env);
      }
      c.setEnv(envs);
    }
  }

  /** The completion index a pod was made for, if it carries a valid one. */
  static OptionalInt index(Pod pod) {
    var annotations = pod.getMetadata().getAnnotations();
    String v = annotations == null ? null : annotations.get(COMPLETION_INDEX);
    if (v == null) {
      return OptionalInt.empty();
    }
    try {
      int i = Integer.parseInt(v);
      return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  static boolean succeeded(Pod p) {
    return p.getStatus() != null && "Succeeded".equals(p.getStatus().getPhase());
  }

  static boolean failed(Pod p) {
    return p.getStatus() != null && "Failed".equals(p.getStatus().getPhase());
  }

  /** Being deleted before it finished: upstream's {@code status.terminating}. */
  static boolean terminating(Pod p) {
    return p.getMetadata().getDeletionTimestamp() != null && !succeeded(p) && !failed(p);
  }

  /** Container restarts, which count toward backoffLimit when pods restart OnFailure. */
  static int restarts(Pod p) {
    int n = 0;
    if (p.getStatus() != null) {
      for (var list :
          List.of(
              orEmpty(p.getStatus().getContainerStatuses()),
              orEmpty(p.getStatus().getInitContainerStatuses()))) {
        for (ContainerStatus s : list) {
          n += s.getRestartCount() == null ? 0 : s.getRestartCount();
        }
      }
    }
    return n;
  }

  /**
   * When a finished pod finished: its last container's {@code finishedAt}, else its Ready
   * condition's last transition, else its creation (upstream's {@code getFinishedTime}).
   */
  static Instant finishedAt(Pod p) {
    Instant latest = null;
    if (p.getStatus() != null) {
      for (ContainerStatus s : orEmpty(p.getStatus().getContainerStatuses())) {
        if (s.getState() != null && s.getState().getTerminated() != null) {
          String at = s.getState().getTerminated().getFinishedAt();
          if (at != null && !at.isEmpty()) {
            Instant t = Instant.parse(at);
            latest = latest == null || t.isAfter(latest) ? t : latest;
          }
        }
      }
      if (latest == null) {
        for (PodCondition c : orEmpty(p.getStatus().getConditions())) {
          if ("Ready".equals(c.getType()) && c.getLastTransitionTime() != null) {
            latest = Instant.parse(c.getLastTransitionTime());
          }
        }
      }
    }
    if (latest == null && p.getMetadata().getCreationTimestamp() != null) {
      latest = Instant.parse(p.getMetadata().getCreationTimestamp());
    }
    return latest == null ? Instant.EPOCH : latest;
  }

  private static <E> List<E> orEmpty(List<E> l) {
    return l == null ? List.of() : l;
  }
}
