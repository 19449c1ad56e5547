package io.vessel.agent;

/**
 * A kubelet API request that cannot be served, with the HTTP status and the plain-text message the
 * kubelet answers with. {@link KubeletServer} is the only place that writes it to a response.
 */
final class KubeletException extends RuntimeException {
  private final int status;

  private KubeletException(int status, String message) {
    // an expected answer, not a fault: no stack trace to fill
    super(message, null, false, false);
    this.status = status;
  }

  /** An answer with the runtime's or the kubelet's own status code. */
  static KubeletException of(int status, String message) {
    return new KubeletException(status, message);
  }

  static KubeletException badRequest(String message) {
    return new KubeletException(400, message);
  }

  static KubeletException notFound(String message) {
    return new KubeletException(404, message);
  }

  /** 422, as the kubelet answers PodLogOptions that fail validation. */
  static KubeletException invalid(String message) {
    return new KubeletException(422, message);
  }

  int status() {
    return status;
  }
}
