package io.vessel.server.controller.replicaset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vessel.kit.client.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * ReplicaSet and ReplicationController statuses have one JSON shape: read and written here once,
 * on the JSON tree, for both kinds.
 */
final class ReplicaStatuses {
  private ReplicaStatuses() {}

  static ReplicaStatus read(JsonNode status) {
    ReplicaStatus.Failure failure = null;
    for (JsonNode c : status.path("conditions")) {
      if ("ReplicaFailure".equals(c.path("type").asText()) && "True".equals(c.path("status").asText())) {
        failure = new ReplicaStatus.Failure(c.path("reason").asText(null), c.path("message").asText(null));
      }
    }
    return new ReplicaStatus(
        status.path("replicas").asInt(0),
        status.path("fullyLabeledReplicas").asInt(0),
        status.path("readyReplicas").asInt(0),
        status.path("availableReplicas").asInt(0),
        status.path("observedGeneration").asLong(0),
        failure);
  }

  static ObjectNode write(ReplicaStatus st) {
    ObjectNode s = Json.mapper().createObjectNode();
    s.put("replicas", st.replicas());
    s.put("fullyLabeledReplicas", st.fullyLabeledReplicas());
    s.put("readyReplicas", st.readyReplicas());
    s.put("availableReplicas", st.availableReplicas());
    s.put("observedGeneration", st.observedGeneration());
    if (st.failure() != null) {
      ObjectNode c = s.putArray("conditions").addObject();
      c.put("type", "ReplicaFailure");
      c.put("status", "True");
      c.put("reason", st.failure().reason());
      c.put("message", st.failure().message());
      c.put("lastTransitionTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
    return s;
  }
}
