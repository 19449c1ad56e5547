package io.vessel.server.api.patch;

/**
 * A patch that kube-apiserver would refuse, carrying what it answers: the HTTP {@link #code()}, the
 * {@code Status.reason} ({@link #reason()}) and the {@code Status.message} ({@link #getMessage()}).
 * Callers write exactly these into the {@code Status}.
 *
 * <p>The codes this library produces, and their source in apiserver v0.33.0 {@code
 * pkg/endpoints/handlers/patch.go} ({@code applyJSPatch}):
 *
 * <ul>
 *   <li>{@code 400 BadRequest}: the body cannot be decoded as a patch of its type (for example
 *       {@code error decoding patch: json: cannot unmarshal object into Go value of type
 *       []handlers.jsonPatchOp}, or {@code Invalid JSON Patch} for a merge patch that is {@code
 *       null} or a scalar);
 *   <li>{@code 413 RequestEntityTooLarge}: more than 10000 JSON-patch operations;
 *   <li>{@code 422 Invalid}: a JSON patch that decodes but does not apply (unknown op, missing
 *       path, failed {@code test}, bad index, copy budget). kube-apiserver replies with the fixed
 *       text {@code the server rejected our request due to an error in our request} ({@code
 *       errors.NewGenericServerResponse} drops the json-patch error); the json-patch library's own
 *       text is kept in {@link #detail()} for logs, never for the client.
 * </ul>
 *
 * <p>A {@code 409 Conflict} or {@code 500} on PATCH comes from later steps (storage preconditions,
 * decoding the patched object), not from applying the patch, and is not raised here.
 */
public final class PatchException extends RuntimeException {

  /** The fixed message kube-apiserver gives for every JSON-patch application failure. */
  public static final String INVALID_MESSAGE =
      "the server rejected our request due to an error in our request";

  private static final long serialVersionUID = 1L;

  private final int code;
  private final String reason;
  private final String detail;

  private PatchException(int code, String reason, String message, String detail) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.detail = detail;
  }

  /** {@code 400 BadRequest} with {@code message} as the Status message. */
  public static PatchException badRequest(String message) {
    return new PatchException(400, "BadRequest", message, message);
  }

  /**
   * {@code 413 RequestEntityTooLarge}; the Status message is {@code Request entity too large:
   * <message>}, as {@code errors.NewRequestEntityTooLargeError} words it.
   */
  public static PatchException requestEntityTooLarge(String message) {
    return new PatchException(
        413, "RequestEntityTooLarge", "Request entity too large: " + message, message);
  }

  /**
   * {@code 422 Invalid} with kube-apiserver's fixed {@link #INVALID_MESSAGE}; {@code detail} says
   * what actually went wrong.
   */
  public static PatchException invalid(String detail) {
    return new PatchException(422, "Invalid", INVALID_MESSAGE, detail);
  }

  /** The HTTP status code kube-apiserver answers with. */
  public int code() {
    return code;
  }

  /**
   * The {@code Status.reason}: {@code BadRequest}, {@code RequestEntityTooLarge} or {@code
   * Invalid}.
   */
  public String reason() {
    return reason;
  }

  /** What went wrong, in the json-patch library's words; for logs, not for the client. */
  public String detail() {
    return detail;
  }
}
