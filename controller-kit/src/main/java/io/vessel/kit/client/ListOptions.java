package io.vessel.kit.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Query parameters of list and watch requests; null fields are left out. */
public record ListOptions(String labelSelector, String fieldSelector, Integer limit) {
  public static final ListOptions ALL = new ListOptions(null, null, null);

  public static ListOptions fields(String fieldSelector) {
    return new ListOptions(null, fieldSelector, null);
  }

  public static ListOptions labels(String labelSelector) {
    return new ListOptions(labelSelector, null, null);
  }

  ListOptions withLimit(int n) {
    return new ListOptions(labelSelector, fieldSelector, n);
  }

  /** Appends the options to a query that already has at least one parameter. */
  void appendTo(StringBuilder query) {
    if (labelSelector != null && !labelSelector.isEmpty()) {
      query.append("&labelSelector=").append(encode(labelSelector));
    }
    if (fieldSelector != null && !fieldSelector.isEmpty()) {
      query.append("&fieldSelector=").append(encode(fieldSelector));
    }
    if (limit != null) {
      query.append("&limit=").append(limit);
    }
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
