package io.vessel.server.controller.deployment;

import static io.vessel.kit.client.Resources.DEPLOYMENTS;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.server.controller.PodTemplates;
import io.vessel.server.controller.deployment.DeploymentController.Progress;
import io.vessel.server.controller.deployment.DeploymentController.Rollout;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Deployment's status from its ReplicaSets: the counts, and the Available and Progressing
 * conditions with upstream's reasons and messages, written only when something changed.
 */
final class DeploymentStatusWriter {
  private DeploymentStatusWriter() {}

  /** Writes the status; returns when to look again for a progress deadline, or null. */
  static Duration write(ApiClient client, Rollout r, Progress progress) {
    Deployment d = r.deployment;
    DeploymentStatus old = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    DeploymentStatus s = new DeploymentStatus();
    List<ReplicaSet> all = r.all();
    int desired = r.desired();
    int available = all.stream().mapToInt(Revisions::available).sum();
    s.setReplicas(all.stream().mapToInt(Revisions::statusReplicas).sum());
    s.setUpdatedReplicas(r.newRs == null ? 0 : Revisions.statusReplicas(r.newRs));
    s.setReadyReplicas(all.stream().mapToInt(Revisions::ready).sum());
    s.setAvailableReplicas(available);
    s.setUnavailableReplicas(Math.max(0, s.getReplicas() - available));
    s.setObservedGeneration(d.getMetadata().getGeneration());
    s.setCollisionCount(old.getCollisionCount());

    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    List<DeploymentCondition> conditions = new ArrayList<>();
    boolean minAvailable = available >= desired - r.maxUnavailable();
    conditions.add(
        condition(old, "Available", minAvailable ? "True" : "False",
            minAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
            minAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
            now));
    String rsName = r.newRs == null ? "" : r.newRs.getMetadata().getName();
    boolean complete =
        r.newRs != null
            && s.getUpdatedReplicas() == desired
            && Revisions.replicas(r.newRs) == desired
            && s.getReplicas() == desired
            && available == desired
            && r.old.stream().allMatch(rs -> Revisions.statusReplicas(rs) == 0);
    DeploymentCondition progressing = progressing(old, progress, rsName, complete, d, now);
    conditions.add(progressing);
    s.setConditions(conditions);

    if (!Objects.equals(comparable(s), comparable(old))) {
      Deployment copy = PodTemplates.copy(d, Deployment.class);
      copy.setStatus(s);
      Blocking.await(client.updateStatus(DEPLOYMENTS, copy));
    }
    Integer deadline = d.getSpec().getProgressDeadlineSeconds();
    if (!complete && deadline != null && "True".equals(progressing.getStatus())) {
      return Duration.ofSeconds(deadline + 1L);
    }
    return null;
  }

  private static DeploymentCondition progressing(
      DeploymentStatus old, Progress progress, String rsName, boolean complete, Deployment d, String now) {
    DeploymentCondition previous = find(old, "Progressing");
    if (progress == Progress.PAUSED) {
      return condition(old, "Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", now);
    }
    if (complete) {
      return condition(old, "Progressing", "True", "NewReplicaSetAvailable",
          "ReplicaSet \"" + rsName + "\" has successfully progressed.", now);
    }
    Integer deadline = d.getSpec().getProgressDeadlineSeconds();
    if (progress == Progress.FOUND && previous != null && deadline != null && previous.getLastUpdateTime() != null
        && Instant.parse(previous.getLastUpdateTime()).plusSeconds(deadline).isBefore(Instant.now())
        && !"NewReplicaSetAvailable".equals(previous.getReason())) {
      return condition(old, "Progressing", "False", "ProgressDeadlineExceeded",
          "ReplicaSet \"" + rsName + "\" has timed out progressing.", now);
    }
    return switch (progress) {
      case CREATED -> condition(old, "Progressing", "True", "NewReplicaSetCreated", "Created new replica set \"" + rsName + "\"", now);
      case UPDATED -> condition(old, "Progressing", "True", "ReplicaSetUpdated", "ReplicaSet \"" + rsName + "\" is progressing.", now);
      default -> previous != null && previous.getReason() != null && !"DeploymentPaused".equals(previous.getReason())
              && !"NewReplicaSetAvailable".equals(previous.getReason())
          ? previous
          : condition(old, "Progressing", "True", "FoundNewReplicaSet", "Found new replica set \"" + rsName + "\"", now);
    };
  }

  /** lastTransitionTime moves only when the status flips; lastUpdateTime whenever the reason changes. */
  private static DeploymentCondition condition(
      DeploymentStatus old, String type, String status, String reason, String message, String now) {
    DeploymentCondition prev = find(old, type);
    if (prev != null && status.equals(prev.getStatus()) && reason.equals(prev.getReason()) && message.equals(prev.getMessage())) {
      return prev;
    }
    DeploymentCondition c = new DeploymentCondition();
    c.setType(type);
    c.setStatus(status);
    c.setReason(reason);
    c.setMessage(message);
    c.setLastUpdateTime(now);
    c.setLastTransitionTime(prev != null && status.equals(prev.getStatus()) ? prev.getLastTransitionTime() : now);
    return c;
  }

  private static DeploymentCondition find(DeploymentStatus s, String type) {
    if (s.getConditions() == null) {
      return null;
    }
    return s.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  private static String comparable(DeploymentStatus s) {
    return io.vessel.kit.client.Json.mapper().valueToTree(s).toString();
  }
}
