package io.vessel.server.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.Serialization;
import java.io.IOException;

/** Encodes and decodes stored objects of one model class. Stored bytes never hold unknown fields. */
public final class ObjectCodec {
  private ObjectCodec() {}

  public static <T extends HasMetadata> T decode(byte[] value, Class<T> type) {
    try {
      return Serialization.json().readValue(value, type);
    } catch (IOException e) {
      throw ApiException.internal("stored object could not be decoded: " + e.getMessage());
    }
  }

  public static byte[] encode(HasMetadata obj) {
    try {
      return Serialization.json().writeValueAsBytes(obj);
    } catch (JsonProcessingException e) {
      throw ApiException.internal("object could not be encoded: " + e.getMessage());
    }
  }

  /** Encodes {@code obj} with its resourceVersion set to {@code rv} (mutates obj). */
  public static byte[] encodeAt(HasMetadata obj, long rv) {
    obj.getMetadata().setResourceVersion(Long.toString(rv));
    return encode(obj);
  }

  public static JsonNode tree(HasMetadata obj) {
    return Serialization.json().valueToTree(obj);
  }

  @SuppressWarnings("unchecked")
  public static <T extends HasMetadata> T copy(T obj) {
    return (T) decode(encode(obj), obj.getClass());
  }
}
