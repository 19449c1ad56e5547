package io.vessel.server.api.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.Runtime;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.Serialization;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Reads request bodies in Kubernetes' protobuf encoding ({@code
 * application/vnd.kubernetes.protobuf}), which kubectl 1.33's typed clients send: the magic
 * {@code k8s\0}, then a runtime.Unknown envelope naming apiVersion and kind around the object's
 * message. The object is turned into its JSON form, field by field, so the rest of the server sees
 * the same tree a JSON body gives. apimachinery's special types get their JSON shapes: Time and
 * MicroTime as RFC 3339 strings, Quantity as a string, IntOrString as a number or string, and
 * embedded raw JSON (RawExtension, FieldsV1) as JSON.
 */
public final class KubeProtobuf {
  public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";
  private static final byte[] MAGIC = {0x6b, 0x38, 0x73, 0x00};
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * gogo-protobuf always encodes non-pointer scalars, so zeros arrive that Go's JSON (omitempty)
   * would leave out; they are dropped, except for these pointer fields, where an explicit 0 or
   * false means something different from "unset" (e.g. {@code replicas: 0}).
   */
  private static final java.util.Set<String> MEANINGFUL_ZEROS =
      java.util.Set.of(
          "replicas",
          "parallelism",
          "completions",
          "backoffLimit",
          "backoffLimitPerIndex",
          "maxFailedIndexes",
          "activeDeadlineSeconds",
          "ttlSecondsAfterFinished",
          "terminationGracePeriodSeconds",
          "gracePeriodSeconds",
          "revisionHistoryLimit",
          "successfulJobsHistoryLimit",
          "failedJobsHistoryLimit",
          "startingDeadlineSeconds",
          "progressDeadlineSeconds",
          "expirationSeconds",
          "runAsUser",
          "runAsGroup",
          "fsGroup",
          "defaultMode",
          "mode",
          "weight",
          "tolerationSeconds",
          "automountServiceAccountToken",
          "readOnlyRootFilesystem",
          "allowPrivilegeEscalation",
          "runAsNonRoot",
          "privileged",
          "suspend",
          "immutable",
          "enableServiceLinks",
          "shareProcessNamespace",
          "hostUsers",
          "setHostnameAsFQDN",
          "optional",
          "allowVolumeExpansion",
          "manualSelector",
          "orphanDependents",
          "controller",
          "blockOwnerDeletion");

  private KubeProtobuf() {}

  /** Decodes an enveloped body into the object's JSON tree, apiVersion and kind included. */
  public static ObjectNode toJson(byte[] body) {
    if (body.length < MAGIC.length
        || body[0] != MAGIC[0]
        || body[1] != MAGIC[1]
        || body[2] != MAGIC[2]
        || body[3] != MAGIC[3]) {
      throw ApiException.badRequest("provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
    }
    Runtime.Unknown envelope;
    try {
      envelope = Runtime.Unknown.parseFrom(ByteString.copyFrom(body, 4, body.length - 4));
    } catch (InvalidProtocolBufferException e) {
      throw ApiException.badRequest("unable to decode the protobuf envelope: " + e.getMessage());
    }
    String apiVersion = envelope.getTypeMeta().getApiVersion();
    String kind = envelope.getTypeMeta().getKind();
    Descriptor type =
        KubeProtoTypes.of(apiVersion, kind)
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "no kind \"" + kind + "\" is registered for version \"" + apiVersion + "\""));
    DynamicMessage msg;
    try {
      msg = DynamicMessage.parseFrom(type, envelope.getRaw());
    } catch (InvalidProtocolBufferException e) {
      throw ApiException.badRequest(
          "unable to decode " + kind + " from protobuf: " + e.getMessage());
    }
    ObjectNode json = NODES.objectNode();
    json.put("apiVersion", apiVersion);
    json.put("kind", kind);
    json.setAll(message(msg));
    return json;
  }

  private static ObjectNode message(Message msg) {
    ObjectNode out = NODES.objectNode();
    for (FieldDescriptor f : msg.getDescriptorForType().getFields()) {
      if (f.isRepeated()) {
        int n = msg.getRepeatedFieldCount(f);
        if (n == 0) {
          continue;
        }
        if (f.isMapField()) {
          ObjectNode map = out.putObject(f.getName());
          for (int i = 0; i < n; i++) {
            Message entry = (Message) msg.getRepeatedField(f, i);
            FieldDescriptor k = entry.getDescriptorForType().findFieldByName("key");
            FieldDescriptor v = entry.getDescriptorForType().findFieldByName("value");
            JsonNode value = value(v, entry.getField(v));
            map.set(String.valueOf(entry.getField(k)), value == null ? NODES.nullNode() : value);
          }
        } else {
          ArrayNode arr = out.putArray(f.getName());
          for (int i = 0; i < n; i++) {
            JsonNode v = value(f, msg.getRepeatedField(f, i));
            arr.add(v == null ? NODES.nullNode() : v);
          }
        }
      } else if (msg.hasField(f)) {
        JsonNode v = value(f, msg.getField(f));
        if (v != null && !(isZero(v) && !MEANINGFUL_ZEROS.contains(f.getName()))) {
          out.set(f.getName(), v);
        }
      }
    }
    return out;
  }

  private static boolean isZero(JsonNode v) {
    return (v.isBoolean() && !v.booleanValue()) || (v.isIntegralNumber() && v.longValue() == 0);
  }

  /** A field's JSON value, or null to leave the field out (Go's omitempty for empty values). */
  private static JsonNode value(FieldDescriptor f, Object v) {
    switch (f.getJavaType()) {
      case MESSAGE:
        return special((Message) v);
      case STRING:
        String s = (String) v;
        return s.isEmpty() ? null : NODES.textNode(s);
      case BOOLEAN:
        return NODES.booleanNode((Boolean) v);
      case INT:
        return NODES.numberNode((Integer) v);
      case LONG:
        return NODES.numberNode((Long) v);
      case FLOAT:
        return NODES.numberNode((Float) v);
      case DOUBLE:
        return NODES.numberNode((Double) v);
      case BYTE_STRING:
        return NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) v).toByteArray()));
      case ENUM:
        return NODES.textNode(v.toString());
      default:
        return null;
    }
  }

  private static JsonNode special(Message m) {
    String name = m.getDescriptorForType().getFullName();
    switch (name) {
      case "k8s.io.apimachinery.pkg.apis.meta.v1.Time":
        return time(m, false);
      case "k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime":
        return time(m, true);
      case "k8s.io.apimachinery.pkg.api.resource.Quantity":
        String q = (String) get(m, "string");
        return q == null || q.isEmpty() ? null : NODES.textNode(q);
      case "k8s.io.apimachinery.pkg.util.intstr.IntOrString":
        Long type = asLong(get(m, "type"));
        if (type != null && type == 1) {
          return NODES.textNode(String.valueOf(get(m, "strVal")));
        }
        Long i = asLong(get(m, "intVal"));
        return NODES.numberNode(i == null ? 0 : i.intValue());
      case "k8s.io.apimachinery.pkg.runtime.RawExtension":
      case "k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1":
      case "k8s.io.apiextensions_apiserver.pkg.apis.apiextensions.v1.JSON":
        return rawJson(m);
      case "k8s.io.apimachinery.pkg.apis.meta.v1.Duration":
        Long ns = asLong(get(m, "duration"));
        return NODES.textNode(GoDuration.format(ns == null ? 0 : ns));
      default:
        return message(m);
    }
  }

  private static JsonNode time(Message m, boolean micro) {
    Long seconds = asLong(get(m, "seconds"));
    Long nanos = asLong(get(m, "nanos"));
    if ((seconds == null || seconds == 0) && (nanos == null || nanos == 0)) {
      return null; // the zero time is Go's null timestamp
    }
    Instant t = Instant.ofEpochSecond(seconds == null ? 0 : seconds, nanos == null ? 0 : nanos);
    return NODES.textNode(
        micro
            ? t.truncatedTo(ChronoUnit.MICROS).toString()
            : t.truncatedTo(ChronoUnit.SECONDS).toString());
  }

  private static JsonNode rawJson(Message m) {
    for (FieldDescriptor f : m.getDescriptorForType().getFields()) {
      if (f.getType() == FieldDescriptor.Type.BYTES && m.hasField(f)) {
        try {
          return Serialization.json().readTree(((ByteString) m.getField(f)).toByteArray());
        } catch (IOException e) {
          throw ApiException.badRequest("embedded JSON is invalid: " + e.getMessage());
        }
      }
    }
    return null;
  }

  private static Object get(Message m, String field) {
    FieldDescriptor f = m.getDescriptorForType().findFieldByName(field);
    return f == null || !m.hasField(f) ? null : m.getField(f);
  }

  private static Long asLong(Object v) {
    return v instanceof Number n ? n.longValue() : null;
  }
}
