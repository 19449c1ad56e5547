package io.vessel.server.api.patch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One decoded RFC 6902 operation.
 *
 * @param op the {@code op} member, or {@code unknown} when it is absent or not a string (the name
 *     kube-apiserver's library reports)
 * @param path the {@code path} member, or null when absent or not a string
 * @param from the {@code from} member, or null when absent or not a string
 * @param value the {@code value} member, or null when absent (JSON {@code null} is a node)
 */
record JsonPatchOperation(String op, String path, String from, JsonNode value) {

  static final String UNKNOWN = "unknown";

  static JsonPatchOperation of(JsonNode member) {
    if (member.isNull()) {
      return new JsonPatchOperation(UNKNOWN, null, null, null);
    }
    var op = member.get("op");
    return new JsonPatchOperation(
        op != null && op.isTextual() ? op.asText() : UNKNOWN,
        text(member.get("path")),
        text(member.get("from")),
        member.get("value"));
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }
}
