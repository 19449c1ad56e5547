package io.vessel.server.api;

import java.util.List;

/**
 * The only error type that reaches a client. It carries exactly what kube-apiserver puts in a
 * {@code Status}: HTTP code, reason, message and details. Factories reproduce upstream texts so
 * that kubectl prints the same {@code Error from server (Reason): message} lines.
 */
public final class ApiException extends RuntimeException {
  private final int code;
  private final String reason;
  private final Details details;
  private final Integer retryAfterSeconds;
  private final String continueToken;

  /** {@code Status.details}; every field may be empty, in which case it is omitted. */
  public record Details(String name, String group, String kind, List<StatusCause> causes) {
    public static final Details NONE = new Details("", "", "", List.of());
  }

  public ApiException(int code, String reason, String message, Details details) {
    this(code, reason, message, details, null);
  }

  private ApiException(int code, String reason, String message, Details details, Integer retry) {
    this(code, reason, message, details, retry, null);
  }

  private ApiException(
      int code, String reason, String message, Details details, Integer retry, String continueToken) {
    super(message, null, false, false);
    this.code = code;
    this.reason = reason;
    this.details = details == null ? Details.NONE : details;
    this.retryAfterSeconds = retry;
    this.continueToken = continueToken;
  }

  /** The {@code metadata.continue} of the Status (set on an expired-continue 410), or null. */
  public String continueToken() {
    return continueToken;
  }

  /** 410 Expired for a compacted continue token, carrying a token to go on inconsistently. */
  public static ApiException expiredContinue(String message, String nextToken) {
    return new ApiException(410, "Expired", message, Details.NONE, null, nextToken);
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  public Details details() {
    return details;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  private static Details of(GroupResource gr, String name) {
    return new Details(name == null ? "" : name, gr.group(), gr.resource(), List.of());
  }

  public static ApiException notFound(GroupResource gr, String name) {
    return new ApiException(
        404, "NotFound", gr + " \"" + name + "\" not found", of(gr, name));
  }

  public static ApiException alreadyExists(GroupResource gr, String name) {
    return new ApiException(
        409, "AlreadyExists", gr + " \"" + name + "\" already exists", of(gr, name));
  }

  public static ApiException conflict(GroupResource gr, String name, String why) {
    return new ApiException(
        409,
        "Conflict",
        "Operation cannot be fulfilled on " + gr + " \"" + name + "\": " + why,
        of(gr, name));
  }

  /** The optimistic-concurrency failure of an update with a stale resourceVersion. */
  public static ApiException staleResourceVersion(GroupResource gr, String name) {
    return conflict(
        gr,
        name,
        "the object has been modified; please apply your changes to the latest version and try"
            + " again");
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message, Details.NONE);
  }

  public static ApiException unauthorized() {
    return new ApiException(401, "Unauthorized", "Unauthorized", Details.NONE);
  }

  public static ApiException forbidden(GroupResource gr, String name, String why) {
    String subject = name == null || name.isEmpty() ? gr.toString() : gr + " \"" + name + "\"";
    return new ApiException(403, "Forbidden", subject + " is forbidden: " + why, of(gr, name));
  }

  /** Answer for a path no route serves (go-restful's 404 in kube-apiserver). */
  public static ApiException routeNotFound() {
    return new ApiException(
        404, "NotFound", "the server could not find the requested resource", Details.NONE);
  }

  /** Answer for a method no route of that path accepts (go-restful's 405 in kube-apiserver). */
  public static ApiException methodNotAllowed() {
    return new ApiException(
        405,
        "MethodNotAllowed",
        "the server does not allow this method on the requested resource",
        Details.NONE);
  }

  /** A verb the resource's definition does not offer (kube's NewMethodNotSupported). */
  public static ApiException methodNotSupported(GroupResource gr, String verb) {
    return new ApiException(
        405,
        "MethodNotAllowed",
        verb + " is not supported on resources of kind \"" + gr + "\"",
        new Details("", gr.group(), gr.resource(), List.of()));
  }

  public static ApiException notAcceptable(String message) {
    return new ApiException(406, "NotAcceptable", message, Details.NONE);
  }

  public static ApiException gone(String message) {
    return new ApiException(410, "Expired", message, Details.NONE);
  }

  public static ApiException requestEntityTooLarge(String message) {
    return new ApiException(413, "RequestEntityTooLarge", message, Details.NONE);
  }

  public static ApiException unsupportedMediaType(String message) {
    return new ApiException(415, "UnsupportedMediaType", message, Details.NONE);
  }

  /**
   * 422 Invalid. The message lists the causes the way kube's {@code NewInvalid} does: one cause
   * inline, several inside brackets.
   */
  public static ApiException invalid(String kind, String group, String name, List<StatusCause> causes) {
    String qualified = group.isEmpty() ? kind : kind + "." + group;
    StringBuilder msg =
        new StringBuilder(qualified).append(" \"").append(name).append("\" is invalid: ");
    if (causes.size() == 1) {
      msg.append(causeText(causes.get(0)));
    } else {
      msg.append('[');
      for (int i = 0; i < causes.size(); i++) {
        if (i > 0) {
          msg.append(", ");
        }
        msg.append(causeText(causes.get(i)));
      }
      msg.append(']');
    }
    return new ApiException(422, "Invalid", msg.toString(), new Details(name, group, kind, causes));
  }

  private static String causeText(StatusCause c) {
    return c.field().isEmpty() ? c.message() : c.field() + ": " + c.message();
  }

  public static ApiException internal(String message) {
    return new ApiException(
        500, "InternalError", "Internal error occurred: " + message, Details.NONE);
  }

  public static ApiException serviceUnavailable(String message) {
    return new ApiException(503, "ServiceUnavailable", message, Details.NONE);
  }

  /** 504 with a Retry-After, e.g. for a resourceVersion the cache has not reached yet. */
  public static ApiException timeout(String message, int retryAfterSeconds, List<StatusCause> causes) {
    return new ApiException(
        504, "Timeout", message, new Details("", "", "", causes), retryAfterSeconds);
  }
}
