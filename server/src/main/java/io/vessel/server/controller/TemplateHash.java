package io.vessel.server.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.vessel.kit.client.Json;
import java.nio.charset.StandardCharsets;

/**
 * The {@code pod-template-hash} of a template: FNV-32a of its canonical JSON (and the collision
 * count), rendered as upstream renders it — each decimal digit mapped onto an alphabet without
 * vowels, so the label can never spell a word.
 */
public final class TemplateHash {
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final ObjectMapper CANONICAL =
      Json.mapper().copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private TemplateHash() {}

  public static String of(PodTemplateSpec template, Integer collisionCount) {
    byte[] json;
    try {
      json = CANONICAL.writeValueAsBytes(CANONICAL.readTree(CANONICAL.writeValueAsBytes(template)));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    int hash = 0x811c9dc5;
    for (byte b : json) {
      hash ^= (b & 0xff);
      hash *= 0x01000193;
    }
    if (collisionCount != null) {
      for (byte b : Integer.toString(collisionCount).getBytes(StandardCharsets.UTF_8)) {
        hash ^= (b & 0xff);
        hash *= 0x01000193;
      }
    }
    String digits = Long.toString(Integer.toUnsignedLong(hash));
    StringBuilder out = new StringBuilder(digits.length());
    for (char c : digits.toCharArray()) {
      out.append(ALPHABET.charAt(c % ALPHABET.length()));
    }
    return out.toString();
  }
}
