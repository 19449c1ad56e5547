package io.vessel.server.registry.autoscaling.horizontalpodautoscaler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.Serialization;
import io.vessel.server.registry.VersionConversion;
import java.util.List;

/**
 * autoscaling/v1 over the stored autoscaling/v2 form. v1 carries one cpu utilization target; the
 * rest of v2 (other metrics, their current values, conditions, behavior) travels in the {@code
 * autoscaling.alpha.kubernetes.io/*} annotations, as upstream keeps it, so that a v1 client's
 * update loses nothing. Unlike upstream, the annotations hold the v2 JSON shapes.
 */
public final class HorizontalPodAutoscalerV1Conversion
    implements VersionConversion<
        HorizontalPodAutoscaler,
        io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler> {
  static final String METRICS = "autoscaling.alpha.kubernetes.io/metrics";
  static final String CURRENT_METRICS = "autoscaling.alpha.kubernetes.io/current-metrics";
  static final String CONDITIONS = "autoscaling.alpha.kubernetes.io/conditions";
  static final String BEHAVIOR = "autoscaling.alpha.kubernetes.io/behavior";
  private static final List<String> ANNOTATIONS =
      List.of(METRICS, CURRENT_METRICS, CONDITIONS, BEHAVIOR);

  @Override
  public Class<HorizontalPodAutoscaler> storedType() {
    return HorizontalPodAutoscaler.class;
  }

  @Override
  public io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler toServed(
      HorizontalPodAutoscaler stored) {
    ObjectNode v2 = Serialization.json().valueToTree(stored);
    ObjectNode v1 = object();
    v1.put("apiVersion", "autoscaling/v1");
    v1.put("kind", "HorizontalPodAutoscaler");
    ObjectNode meta = v2.path("metadata").isObject() ? v2.get("metadata").deepCopy() : object();
    ObjectNode annotations =
        meta.path("annotations").isObject() ? (ObjectNode) meta.get("annotations") : object();
    ANNOTATIONS.forEach(annotations::remove);
    v1.set("metadata", meta);

    JsonNode spec = v2.path("spec");
    ObjectNode outSpec = v1.putObject("spec");
    copy(spec, outSpec, "scaleTargetRef", "minReplicas", "maxReplicas");
    ArrayNode others = Serialization.json().createArrayNode();
    for (JsonNode metric : spec.path("metrics")) {
      JsonNode target = metric.path("resource").path("target");
      if (!outSpec.has("targetCPUUtilizationPercentage")
          && isCpu(metric)
          && target.path("type").asText().equals("Utilization")
          && target.has("averageUtilization")) {
        outSpec.set("targetCPUUtilizationPercentage", target.get("averageUtilization"));
      } else {
        others.add(metric);
      }
    }
    annotate(annotations, METRICS, others);
    if (spec.has("behavior")) {
      annotate(annotations, BEHAVIOR, spec.get("behavior"));
    }

    JsonNode status = v2.path("status");
    ObjectNode outStatus = v1.putObject("status");
    copy(
        status,
        outStatus,
        "observedGeneration",
        "lastScaleTime",
        "currentReplicas",
        "desiredReplicas");
    outStatus.put("currentReplicas", status.path("currentReplicas").asInt(0));
    outStatus.put("desiredReplicas", status.path("desiredReplicas").asInt(0));
    ArrayNode otherCurrent = Serialization.json().createArrayNode();
    for (JsonNode metric : status.path("currentMetrics")) {
      JsonNode current = metric.path("resource").path("current");
      if (!outStatus.has("currentCPUUtilizationPercentage")
          && isCpu(metric)
          && current.has("averageUtilization")) {
        outStatus.set("currentCPUUtilizationPercentage", current.get("averageUtilization"));
      } else {
        otherCurrent.add(metric);
      }
    }
    annotate(annotations, CURRENT_METRICS, otherCurrent);
    annotate(annotations, CONDITIONS, status.path("conditions"));
    if (annotations.size() > 0) {
      meta.set("annotations", annotations);
    } else {
      meta.remove("annotations");
    }
    return Serialization.decode(
            v1, io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler.class)
        .value();
  }

  @Override
  public HorizontalPodAutoscaler toStored(
      io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler served) {
    ObjectNode v1 = Serialization.json().valueToTree(served);
    ObjectNode v2 = object();
    v2.put("apiVersion", "autoscaling/v2");
    v2.put("kind", "HorizontalPodAutoscaler");
    ObjectNode meta = v1.path("metadata").isObject() ? v1.get("metadata").deepCopy() : object();
    JsonNode annotations = meta.path("annotations");
    v2.set("metadata", meta);

    JsonNode spec = v1.path("spec");
    ObjectNode outSpec = v2.putObject("spec");
    copy(spec, outSpec, "scaleTargetRef", "minReplicas", "maxReplicas");
    ArrayNode metrics = outSpec.putArray("metrics");
    parsed(annotations, METRICS).forEach(metrics::add);
    if (spec.has("targetCPUUtilizationPercentage")) {
      ObjectNode metric = metrics.addObject();
      metric.put("type", "Resource");
      ObjectNode resource = metric.putObject("resource");
      resource.put("name", "cpu");
      ObjectNode target = resource.putObject("target");
      target.put("type", "Utilization");
      target.set("averageUtilization", spec.get("targetCPUUtilizationPercentage"));
    }
    JsonNode behavior = parsed(annotations, BEHAVIOR);
    if (!behavior.isMissingNode() && !behavior.isNull()) {
      outSpec.set("behavior", behavior);
    }

    JsonNode status = v1.path("status");
    ObjectNode outStatus = v2.putObject("status");
    copy(
        status,
        outStatus,
        "observedGeneration",
        "lastScaleTime",
        "currentReplicas",
        "desiredReplicas");
    if (outStatus.path("currentReplicas").asInt(0) == 0) {
      outStatus.remove("currentReplicas"); // optional in v2, always printed by v1
    }
    ArrayNode current = Serialization.json().createArrayNode();
    parsed(annotations, CURRENT_METRICS).forEach(current::add);
    if (status.has("currentCPUUtilizationPercentage")) {
      ObjectNode metric = current.addObject();
      metric.put("type", "Resource");
      ObjectNode resource = metric.putObject("resource");
      resource.put("name", "cpu");
      resource
          .putObject("current")
          .set("averageUtilization", status.get("currentCPUUtilizationPercentage"));
    }
    if (current.size() > 0) {
      outStatus.set("currentMetrics", current);
    }
    JsonNode conditions = parsed(annotations, CONDITIONS);
    if (conditions.isArray() && conditions.size() > 0) {
      outStatus.set("conditions", conditions);
    }
    if (annotations.isObject()) {
      ANNOTATIONS.forEach(((ObjectNode) annotations)::remove);
      if (annotations.size() == 0) {
        meta.remove("annotations");
      }
    }
    return Serialization.decode(v2, HorizontalPodAutoscaler.class).value();
  }

  private static boolean isCpu(JsonNode metric) {
    return metric.path("type").asText().equals("Resource")
        && metric.path("resource").path("name").asText().equals("cpu");
  }

  private static void copy(JsonNode from, ObjectNode to, String... fields) {
    for (String f : fields) {
      if (from.has(f) && !from.get(f).isNull()) {
        to.set(f, from.get(f));
      }
    }
  }

  private static void annotate(ObjectNode annotations, String key, JsonNode value) {
    if (value == null || value.isMissingNode() || (value.isArray() && value.size() == 0)) {
      return;
    }
    try {
      annotations.put(key, Serialization.json().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw ApiException.internal("cannot encode " + key + ": " + e.getMessage());
    }
  }

  private static JsonNode parsed(JsonNode annotations, String key) {
    JsonNode text = annotations.path(key);
    if (!text.isTextual()) {
      return Serialization.json().missingNode();
    }
    try {
      return Serialization.json().readTree(text.asText());
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("invalid " + key + " annotation: " + e.getOriginalMessage());
    }
  }

  private static ObjectNode object() {
    return Serialization.json().createObjectNode();
  }
}
