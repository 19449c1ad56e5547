package io.vessel.server.registry;

import com.fasterxml.jackson.databind.JsonNode;

/** Computes the patched JSON form of an object from its current one; may throw ApiException. */
@FunctionalInterface
public interface PatchFunction {
  JsonNode apply(JsonNode current);
}
