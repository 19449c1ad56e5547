package io.vessel.server.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Applies decoded RFC 6902 operations to a private deep copy of the target, failing with {@link
 * PatchException#invalid(String)} on the first operation that does not apply. Details are worded
 * after evanphx/json-patch v4.12 (kube-apiserver 1.33's library).
 *
 * <p>One instance serves one call and is confined to the calling thread.
 */
final class JsonPatchApplier {

  // strconv.Atoi's syntax: optional sign, ASCII digits; leading zeros allowed.
  private static final Pattern INDEX = Pattern.compile("[+-]?[0-9]{1,10}");
  private static final String MISSING = ": missing value";

  private final long maxCopyBytes;
  private JsonNode doc;
  private long copiedBytes;

  private JsonPatchApplier(JsonNode doc, long maxCopyBytes) {
    this.doc = doc;
    this.maxCopyBytes = maxCopyBytes;
  }

  static JsonNode apply(JsonNode target, List<JsonPatchOperation> operations, long maxCopyBytes) {
    if (target == null || !target.isContainerNode()) {
      throw PatchException.invalid("the document to patch is not a JSON object or array");
    }
    var applier = new JsonPatchApplier(target.deepCopy(), maxCopyBytes);
    for (var operation : operations) {
      applier.apply(operation);
    }
    return applier.doc;
  }

  private void apply(JsonPatchOperation op) {
    switch (op.op()) {
      case "add" -> add(op);
      case "remove" -> remove(op);
      case "replace" -> replace(op);
      case "move" -> move(op);
      case "copy" -> copy(op);
      case "test" -> test(op);
      default -> throw PatchException.invalid("Unexpected kind: " + op.op());
    }
  }

  private void add(JsonPatchOperation op) {
    var path = pointer(op.path(), "add operation failed to decode path" + MISSING);
    var parent = parentOf(path);
    if (parent == null) {
      throw PatchException.invalid(
          "add operation does not apply: doc is missing path: \"" + path.text() + "\"" + MISSING);
    }
    insert(parent, path, valueOf(op), "error in add for path: '" + path.text() + "'");
  }

  private void remove(JsonPatchOperation op) {
    var path = pointer(op.path(), "remove operation failed to decode path" + MISSING);
    var parent = parentOf(path);
    if (parent == null) {
      throw PatchException.invalid(
          "remove operation does not apply: doc is missing path: \""
              + path.text()
              + "\""
              + MISSING);
    }
    detach(parent, path, "error in remove for path: '" + path.text() + "'");
  }

  private void replace(JsonPatchOperation op) {
    var path = pointer(op.path(), "replace operation failed to decode path: " + missingPath());
    var value = valueOf(op);
    if (path.isRoot()) {
      // kube-apiserver's library silently ignores a scalar here; refuse it out loud instead.
      if (!value.isContainerNode()) {
        throw PatchException.invalid("replace operation value must be object or array");
      }
      doc = value;
      return;
    }
    var parent = parentOf(path);
    if (parent == null) {
      throw PatchException.invalid(
          "replace operation does not apply: doc is missing path: " + path.text() + MISSING);
    }
    if (parent instanceof ObjectNode object) {
      // As in kube-apiserver, replacing an absent member adds it (RFC 6902 would refuse).
      object.set(path.lastToken(), value);
      return;
    }
    var array = (ArrayNode) parent;
    var index = existingIndex(array, path.lastToken());
    if (index < 0) {
      throw PatchException.invalid(
          "replace operation does not apply: doc is missing key: " + path.text() + MISSING);
    }
    array.set(index, value);
  }

  private void move(JsonPatchOperation op) {
    var from = pointer(op.from(), "move operation failed to decode from: " + missingFrom());
    var path = pointer(op.path(), "move operation failed to decode path: " + missingPath());
    if (path.isProperChildOf(from)) {
      throw PatchException.invalid(
          "move operation does not apply: 'from' "
              + from.text()
              + " is a proper prefix of 'path' "
              + path.text());
    }
    var source = parentOf(from);
    if (source == null || !hasChild(source, from.lastToken())) {
      throw PatchException.invalid(
          "move operation does not apply: doc is missing from path: " + from.text() + MISSING);
    }
    var value = detach(source, from, "error in move for path: '" + from.lastToken() + "'");
    var destination = parentOf(path);
    if (destination == null) {
      throw PatchException.invalid(
          "move operation does not apply: doc is missing destination path: "
              + path.text()
              + MISSING);
    }
    insert(destination, path, value, "error in move for path: '" + path.text() + "'");
  }

  private void copy(JsonPatchOperation op) {
    var from = pointer(op.from(), "copy operation failed to decode from: " + missingFrom());
    var source = parentOf(from);
    // kube-apiserver's library copies a missing member as null; RFC 6902 (and Vessel) refuse.
    if (source == null || !hasChild(source, from.lastToken())) {
      throw PatchException.invalid(
          "copy operation does not apply: doc is missing from path: " + from.text() + MISSING);
    }
    var value = child(source, from.lastToken()).deepCopy();
    var path = pointer(op.path(), "copy operation failed to decode path" + MISSING);
    var destination = parentOf(path);
    if (destination == null) {
      throw PatchException.invalid(
          "copy operation does not apply: doc is missing destination path: "
              + path.text()
              + MISSING);
    }
    copiedBytes += value.toString().getBytes(StandardCharsets.UTF_8).length;
    if (maxCopyBytes > 0 && copiedBytes > maxCopyBytes) {
      throw PatchException.invalid(
          "Unable to complete the copy, the accumulated size increase of copy is "
              + copiedBytes
              + ", exceeding the limit "
              + maxCopyBytes);
    }
    insert(destination, path, value, "error while adding value during copy");
  }

  private void test(JsonPatchOperation op) {
    var path = pointer(op.path(), "test operation failed to decode path: " + missingPath());
    var expected = op.value() == null ? NullNode.getInstance() : op.value();
    JsonNode actual;
    if (path.isRoot()) {
      actual = doc;
    } else {
      var parent = parentOf(path);
      if (parent == null) {
        throw PatchException.invalid(
            "test operation does not apply: is missing path: " + path.text() + MISSING);
      }
      if (parent.isArray() && existingIndex((ArrayNode) parent, path.lastToken()) < 0) {
        throw PatchException.invalid(
            "error in test for path: '" + path.text() + "': " + invalidIndex(path.lastToken()));
      }
      // As in kube-apiserver, an absent member tests equal to null.
      var found = child(parent, path.lastToken());
      actual = found == null ? NullNode.getInstance() : found;
    }
    if (!JsonEquality.equal(actual, expected)) {
      throw PatchException.invalid("testing value " + path.text() + " failed: test failed");
    }
  }

  // ---- pointers and containers ----

  private static JsonPointer pointer(String text, String missingMessage) {
    var pointer = text == null ? null : JsonPointer.parse(text);
    if (pointer == null) {
      throw PatchException.invalid(missingMessage);
    }
    return pointer;
  }

  /** The object or array holding the pointer's target, or null (also for the root pointer). */
  private JsonNode parentOf(JsonPointer pointer) {
    if (pointer.isRoot()) {
      return null;
    }
    var node = doc;
    for (var token : pointer.parentTokens()) {
      node = child(node, token);
      if (node == null || !node.isContainerNode()) {
        return null;
      }
    }
    return node;
  }

  /** The member or element at {@code token}; null when absent, JSON null, or out of range. */
  private static JsonNode child(JsonNode container, String token) {
    JsonNode found;
    if (container.isObject()) {
      found = container.get(token);
    } else {
      var index = existingIndex((ArrayNode) container, token);
      found = index < 0 ? null : container.get(index);
    }
    return found == null || found.isNull() ? null : found;
  }

  private static boolean hasChild(JsonNode container, String token) {
    return container.isObject()
        ? container.has(token)
        : existingIndex((ArrayNode) container, token) >= 0;
  }

  private static void insert(JsonNode parent, JsonPointer path, JsonNode value, String context) {
    var token = path.lastToken();
    if (parent instanceof ObjectNode object) {
      object.set(token, value);
      return;
    }
    var array = (ArrayNode) parent;
    if (token.equals("-")) {
      array.add(value);
      return;
    }
    if (!INDEX.matcher(token).matches()) {
      throw PatchException.invalid(
          context + ": value was not a proper array index: '" + token + "'");
    }
    // Inserting may target one past the end; negative indices count from that end.
    long index = Long.parseLong(token);
    int slots = array.size() + 1;
    if (index >= slots || index < -slots) {
      throw PatchException.invalid(context + ": " + invalidIndex(token));
    }
    array.insert((int) (index < 0 ? index + slots : index), value);
  }

  private static JsonNode detach(JsonNode parent, JsonPointer path, String context) {
    var token = path.lastToken();
    if (parent instanceof ObjectNode object) {
      if (!object.has(token)) {
        throw PatchException.invalid(
            context + ": Unable to remove nonexistent key: " + token + MISSING);
      }
      return object.remove(token);
    }
    var array = (ArrayNode) parent;
    var index = existingIndex(array, token);
    if (index < 0) {
      throw PatchException.invalid(context + ": " + invalidIndex(token));
    }
    return array.remove(index);
  }

  /**
   * The element index {@code token} names in {@code array}, or -1. Negative indices count from the
   * end ({@code -1} is the last element), as kube-apiserver's library allows.
   */
  private static int existingIndex(ArrayNode array, String token) {
    if (!INDEX.matcher(token).matches()) {
      return -1;
    }
    long index = Long.parseLong(token);
    int size = array.size();
    if (index >= size || index < -size) {
      return -1;
    }
    return (int) (index < 0 ? index + size : index);
  }

  private static JsonNode valueOf(JsonPatchOperation op) {
    // A missing value means null to kube-apiserver's library (RFC 6902 would refuse it).
    return op.value() == null ? NullNode.getInstance() : op.value().deepCopy();
  }

  private static String invalidIndex(String token) {
    return "Unable to access invalid index: " + token + ": invalid index referenced";
  }

  private static String missingPath() {
    return "operation missing path field" + MISSING;
  }

  private static String missingFrom() {
    return "operation, missing from field" + MISSING;
  }
}
