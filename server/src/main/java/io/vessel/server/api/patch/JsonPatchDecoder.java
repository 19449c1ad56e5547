package io.vessel.server.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a JSON-patch body into operations, failing with the {@code 400} texts kube-apiserver gives
 * for a body of the wrong shape.
 *
 * <p>Under {@code Warn}/{@code Strict} kube-apiserver first decodes into {@code
 * []handlers.jsonPatchOp} (string {@code op}, {@code path}, {@code from}; any {@code value}) and
 * prefixes errors with {@code error decoding patch: }; under {@code Ignore} only the json-patch
 * library decodes, into {@code jsonpatch.Patch} of {@code jsonpatch.Operation} maps. As in Go, the
 * first wrong value in document order is reported, and a {@code null} body or element decodes to
 * nothing or to an empty operation.
 */
final class JsonPatchDecoder {

  private static final Set<String> MEMBERS = Set.of("op", "path", "from", "value");
  private static final int MAX_STRICT_ERRORS = 100;

  private JsonPatchDecoder() {}

  static List<JsonPatchOperation> decode(JsonNode body, FieldValidation validation) {
    var strict = validation.decodesStrictly();
    if (body == null || body.isMissingNode()) {
      throw badRequest(strict, "unexpected end of JSON input");
    }
    if (body.isNull()) {
      return List.of();
    }
    if (!body.isArray()) {
      throw badRequest(
          strict, GoJson.typeError(body, strict ? "[]handlers.jsonPatchOp" : "jsonpatch.Patch"));
    }
    var operations = new ArrayList<JsonPatchOperation>(body.size());
    for (var member : body) {
      if (!member.isObject() && !member.isNull()) {
        throw badRequest(
            strict,
            GoJson.typeError(member, strict ? "handlers.jsonPatchOp" : "jsonpatch.Operation"));
      }
      if (strict && member.isObject()) {
        checkStringMembers(member);
      }
      operations.add(JsonPatchOperation.of(member));
    }
    return operations;
  }

  /** See {@link JsonPatch#unknownFields(JsonNode)}. */
  static List<String> unknownFields(JsonNode body) {
    var found = new LinkedHashSet<String>();
    if (body == null || !body.isArray()) {
      return List.of();
    }
    for (int i = 0; i < body.size() && found.size() < MAX_STRICT_ERRORS; i++) {
      var member = body.get(i);
      if (!member.isObject()) {
        continue;
      }
      for (var name : member.properties()) {
        if (!MEMBERS.contains(name.getKey()) && found.size() < MAX_STRICT_ERRORS) {
          found.add("json patch unknown field \"[" + i + "]." + name.getKey() + "\"");
        }
      }
    }
    return List.copyOf(found);
  }

  private static void checkStringMembers(JsonNode member) {
    for (var field : member.properties()) {
      var name = field.getKey();
      var value = field.getValue();
      var typed = name.equals("op") || name.equals("path") || name.equals("from");
      if (typed && !value.isTextual() && !value.isNull()) {
        throw badRequest(true, GoJson.fieldTypeError(value, "jsonPatchOp", name, "string"));
      }
    }
  }

  private static PatchException badRequest(boolean strict, String goError) {
    return PatchException.badRequest(strict ? "error decoding patch: " + goError : goError);
  }
}
