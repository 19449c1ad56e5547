package io.vessel.server.scheduler;

import static io.vessel.kit.client.Resources.PODS;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.Json;
import io.vessel.kit.events.EventRecorder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tells a pod's owner why it waits, as kube-scheduler's handleSchedulingFailure does: a {@code
 * FailedScheduling} Warning Event per failed attempt, and the {@code PodScheduled=False} condition
 * with reason {@code Unschedulable} and the message, written only when it changes (its transition
 * time kept while the status stays False).
 */
final class UnschedulableReporter {
  static final String REASON = "Unschedulable";
  /** Upstream truncates Event messages to the events API's note limit. */
  static final int EVENT_MESSAGE_LIMIT = 1024;

  private final ApiClient client;
  private final EventRecorder events;

  UnschedulableReporter(ApiClient client, EventRecorder events) {
    this.client = client;
    this.events = events;
  }

  void unschedulable(Pod pod, String message) {
    events.warning(pod, "FailedScheduling", truncate(message));
    List<PodCondition> conditions =
        pod.getStatus() == null || pod.getStatus().getConditions() == null
            ? new ArrayList<>()
            : new ArrayList<>(pod.getStatus().getConditions());
    PodCondition existing = null;
    int at = -1;
    for (int i = 0; i < conditions.size(); i++) {
      if ("PodScheduled".equals(conditions.get(i).getType())) {
        existing = conditions.get(i);
        at = i;
      }
    }
    if (existing != null
        && "False".equals(existing.getStatus())
        && REASON.equals(existing.getReason())
        && Objects.equals(message, existing.getMessage())) {
      return;
    }
    PodCondition c = new PodCondition();
    c.setType("PodScheduled");
    c.setStatus("False");
    c.setReason(REASON);
    c.setMessage(message);
    c.setLastTransitionTime(
        existing != null && "False".equals(existing.getStatus())
            ? existing.getLastTransitionTime()
            : DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    if (at >= 0) {
      conditions.set(at, c);
    } else {
      conditions.add(c);
    }
    // Only our condition, merged by type: a whole-list write from a lagging cache would drop
    // conditions others (the kubelet's Ready) set meanwhile.
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.putObject("status").set("conditions", Json.mapper().valueToTree(List.of(c)));
    Blocking.await(
        client.strategicMergePatch(
            PODS, pod.getMetadata().getNamespace(), pod.getMetadata().getName(), "status", patch));
  }

  static String truncate(String message) {
    return message.length() <= EVENT_MESSAGE_LIMIT
        ? message
        : message.substring(0, EVENT_MESSAGE_LIMIT - 3) + "...";
  }
}
