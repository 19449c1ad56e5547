package io.vessel.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One entry of an Accept or Content-Type header: {@code type/subtype;k=v;…}. */
public record MediaRange(String type, Map<String, String> params) {

  public String param(String name) {
    return params.getOrDefault(name, "");
  }

  /** Parses a header with comma-separated ranges, keeping their order. */
  public static List<MediaRange> parseAll(String header) {
    List<MediaRange> out = new ArrayList<>();
    if (header == null || header.isBlank()) {
      return out;
    }
    for (String part : header.split(",")) {
      if (!part.isBlank()) {
        out.add(parse(part));
      }
    }
    return out;
  }

  public static MediaRange parse(String value) {
    String[] pieces = value.split(";");
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < pieces.length; i++) {
      String p = pieces[i].trim();
      int eq = p.indexOf('=');
      if (eq > 0) {
        params.put(
            p.substring(0, eq).trim().toLowerCase(Locale.ROOT),
            p.substring(eq + 1).trim().replace("\"", ""));
      }
    }
    return new MediaRange(pieces[0].trim().toLowerCase(Locale.ROOT), params);
  }
}
