package io.vessel.kit.stream;

import io.vertx.core.buffer.Buffer;

/**
 * The backend answered an upgrade with something other than {@code 101 Switching Protocols}. The
 * client's connection is untouched: the caller still owes it an answer, in its own error format.
 */
public final class UpgradeRefusedException extends RuntimeException {
  private final int status;
  private final Buffer body;

  public UpgradeRefusedException(int status, Buffer body) {
    super("upgrade refused: " + status);
    this.status = status;
    this.body = body;
  }

  /** The backend's status code. */
  public int status() {
    return status;
  }

  /** The backend's answer body, cut at {@link UpgradeProxy#MAX_REFUSAL_BODY} bytes. */
  public Buffer body() {
    return body;
  }
}
