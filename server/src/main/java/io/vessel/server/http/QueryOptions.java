package io.vessel.server.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.ListOptions;
import io.vessel.server.api.WriteOptions;
import io.vessel.server.api.selector.FieldSelector;
import io.vessel.server.api.selector.LabelSelector;
import io.vessel.server.api.selector.SelectorException;
import java.util.List;

/** Parses and validates the query parameters of list/watch and write requests. */
public final class QueryOptions {
  private static final List<String> RV_MATCHES = List.of("Exact", "NotOlderThan");
  private static final List<String> VALIDATIONS = List.of("Ignore", "Strict", "Warn");

  private QueryOptions() {}

  public static ListOptions list(MultiMap q, boolean watchVerb) {
    LabelSelector labels;
    FieldSelector fields;
    try {
      labels = LabelSelector.parse(q.get("labelSelector") == null ? "" : q.get("labelSelector"));
      fields = FieldSelector.parse(q.get("fieldSelector") == null ? "" : q.get("fieldSelector"));
    } catch (SelectorException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    String rv = q.get("resourceVersion");
    String match = q.get("resourceVersionMatch");
    FieldErrors errors = new FieldErrors();
    if (match != null && !match.isEmpty()) {
      if (rv == null || rv.isEmpty()) {
        errors.forbidden(
            "resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided");
      } else if (!RV_MATCHES.contains(match)) {
        errors.notSupported("resourceVersionMatch", match, RV_MATCHES);
      } else if (match.equals("Exact") && rv.equals("0")) {
        errors.forbidden(
            "resourceVersionMatch",
            "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"");
      }
    } else {
      match = null;
    }
    long limit = longParam(q, "limit", 0);
    if (limit < 0) {
      limit = 0;
    }
    boolean watch = watchVerb || bool(q.get("watch"));
    if (watch && limit > 0) {
      limit = 0;
    }
    String cont = q.get("continue");
    if (cont != null && !cont.isEmpty() && rv != null && !rv.isEmpty()) {
      errors.forbidden("resourceVersion", "specifying resource version is not allowed when using continue");
    }
    Boolean sendInitialEvents = q.get("sendInitialEvents") == null ? null : bool(q.get("sendInitialEvents"));
    if (sendInitialEvents != null && !watch) {
      errors.forbidden("sendInitialEvents", "sendInitialEvents is forbidden for list");
    }
    if (watch && sendInitialEvents != null && !"NotOlderThan".equals(match)) {
      errors.forbidden(
          "resourceVersionMatch",
          "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan");
    }
    if (watch && sendInitialEvents == null && match != null) {
      errors.forbidden(
          "resourceVersionMatch",
          "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided");
    }
    errors.throwIfAny("ListOptions", "meta.k8s.io", "");
    Long timeout = q.get("timeoutSeconds") == null ? null : longParam(q, "timeoutSeconds", 0);
    return new ListOptions(
        labels,
        fields,
        rv == null || rv.isEmpty() ? null : rv,
        match,
        limit,
        cont == null || cont.isEmpty() ? null : cont,
        watch,
        bool(q.get("allowWatchBookmarks")),
        timeout,
        sendInitialEvents);
  }

  /**
   * The write options of a request, with the field manager defaulted as kube-apiserver does
   * when the query names none: the User-Agent up to its first "/" ("kubectl/v1.33.1 (linux/amd64)
   * kubernetes/…" → "kubectl"), at most 128 characters.
   */
  public static WriteOptions write(HttpServerRequest req) {
    WriteOptions opts = write(req.params());
    if (!opts.fieldManager().isEmpty()) {
      return opts;
    }
    String agent = req.getHeader("User-Agent");
    String manager = agent == null ? "" : agent.split("/", -1)[0];
    if (manager.length() > 128) {
      manager = manager.substring(0, 128);
    }
    return new WriteOptions(opts.dryRun(), manager, opts.fieldValidation());
  }

  public static WriteOptions write(MultiMap q) {
    List<String> dryRun = q.getAll("dryRun");
    for (String d : dryRun) {
      if (!d.equals("All")) {
        throw ApiException.badRequest("Invalid dry run value: \"" + d + "\"; only \"All\" is supported");
      }
    }
    String validation = q.get("fieldValidation");
    if (validation == null || validation.isEmpty()) {
      validation = "Warn";
    } else if (!VALIDATIONS.contains(validation)) {
      throw ApiException.badRequest(
          "fieldValidation "
              + validation
              + " is invalid: valid options are Ignore, Warn, or Strict");
    }
    String manager = q.get("fieldManager");
    return new WriteOptions(!dryRun.isEmpty(), manager == null ? "" : manager, validation);
  }

  static long longParam(MultiMap q, String name, long dflt) {
    String v = q.get(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "strconv.ParseInt: parsing \"" + v + "\": invalid syntax for " + name);
    }
  }

  static boolean bool(String v) {
    return v != null && (v.equals("true") || v.equals("1") || v.equals("True") || v.equals("TRUE"));
  }
}
