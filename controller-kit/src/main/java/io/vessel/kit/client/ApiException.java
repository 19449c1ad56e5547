package io.vessel.kit.client;

import io.fabric8.kubernetes.api.model.Status;

/** A non-2xx answer from the API server, with the Status it carried when there was one. */
public final class ApiException extends RuntimeException {
  private final int code;
  private final String reason;

  public ApiException(int code, String reason, String message) {
    super(code + " " + reason + ": " + message);
    this.code = code;
    this.reason = reason == null ? "" : reason;
  }

  static ApiException of(int code, Status status, String fallback) {
    if (status == null) {
      return new ApiException(code, "", fallback);
    }
    return new ApiException(code, status.getReason(), status.getMessage());
  }

  public int code() {
    return code;
  }

  /** The Status reason: NotFound, AlreadyExists, Conflict, Expired, … */
  public String reason() {
    return reason;
  }

  public boolean notFound() {
    return code == 404;
  }

  public boolean conflict() {
    return code == 409 && !alreadyExists();
  }

  public boolean alreadyExists() {
    return code == 409 && "AlreadyExists".equals(reason);
  }

  /** 410: the resourceVersion a watch or list asked for is compacted away. */
  public boolean gone() {
    return code == 410;
  }

  public static boolean isNotFound(Throwable t) {
    return t instanceof ApiException e && e.notFound();
  }

  public static boolean isConflict(Throwable t) {
    return t instanceof ApiException e && e.code == 409;
  }
}
