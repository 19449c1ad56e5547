package io.vessel.server.storage.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Rewrites {@code metadata.resourceVersion} of an encoded object. Only needed on the rare path of
 * an object leaving a watch's selector, which upstream reports as its previous state at the
 * event's revision.
 */
final class Restamp {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Restamp() {}

  static byte[] at(byte[] value, long rv) {
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(value);
      root.with("metadata").put("resourceVersion", Long.toString(rv));
      return MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
