package io.vessel.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.Serialization;
import io.vessel.server.storage.StorageKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code continue} value of a paged list: the snapshot revision and the last key
 * returned, in the same shape as kube-apiserver's (base64 of {@code {"v","rv","start"}}).
 */
public record ContinueToken(long rv, String namespace, String name) {

  public String encode() {
    ObjectNode n = Serialization.json().createObjectNode();
    n.put("v", "meta.k8s.io/v1");
    n.put("rv", rv);
    n.put("start", (namespace.isEmpty() ? "" : namespace + "/") + name + "\u0000");
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(n.toString().getBytes(StandardCharsets.UTF_8));
  }

  public StorageKey after(String resource) {
    return new StorageKey(resource, namespace, name);
  }

  public static ContinueToken decode(String token, boolean namespacedResource) {
    try {
      JsonNode n = Serialization.json().readTree(Base64.getUrlDecoder().decode(token));
      if (!"meta.k8s.io/v1".equals(n.path("v").asText()) || !n.path("rv").canConvertToLong()) {
        throw new IllegalArgumentException("unknown format");
      }
      String start = n.path("start").asText();
      if (start.endsWith("\u0000")) {
        start = start.substring(0, start.length() - 1);
      }
      int slash = start.indexOf('/');
      if (namespacedResource && slash > 0) {
        return new ContinueToken(n.get("rv").asLong(), start.substring(0, slash), start.substring(slash + 1));
      }
      return new ContinueToken(n.get("rv").asLong(), "", start);
    } catch (Exception e) {
      throw ApiException.badRequest("continue key is not valid: " + e.getMessage());
    }
  }
}
