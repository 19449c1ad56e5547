package io.vessel.server.http.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vessel.server.api.patch.strategic.FieldStrategy;
import io.vessel.server.api.patch.strategic.PatchStrategies;

/**
 * Adds {@code x-kubernetes-patch-strategy} and {@code x-kubernetes-patch-merge-key} to a property
 * schema. kubectl's client-side apply reads them from the OpenAPI documents to compute strategic
 * merge patches (apimachinery {@code PatchMetaFromOpenAPIV3}, and v2 in kubectl 1.28), so they come
 * from the same table as the server's own strategic merge: what kubectl computes is what the server
 * applies.
 */
final class PatchExtensions {
  private PatchExtensions() {}

  static void apply(Class<?> owner, String jsonField, ObjectNode property) {
    PatchStrategies.of(owner, jsonField).ifPresent(s -> put(s, property));
  }

  private static void put(FieldStrategy strategy, ObjectNode property) {
    if (!strategy.mergeKey().isEmpty()) {
      property.put("x-kubernetes-patch-merge-key", strategy.mergeKey());
    }
    property.put("x-kubernetes-patch-strategy", strategy.tag());
  }
}
