package io.vessel.conformance.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;

/**
 * One complete answer of the API server.
 *
 * @param receivedNanos {@link System#nanoTime()} when the whole body had arrived
 */
record Reply(HttpMethod method, String path, int status, Buffer body, long receivedNanos) {

  /** This reply if its status is {@code expected}, else a failure that quotes the answer. */
  Future<Reply> expect(int expected) {
    if (status == expected) {
      return Future.succeededFuture(this);
    }
    return Future.failedFuture(new IllegalStateException(describe()));
  }

  /** {@code POST /path -> 409 {...}}, the body cut to a readable length. */
  String describe() {
    var text = body.toString(StandardCharsets.UTF_8);
    if (text.length() > 600) {
      text = text.substring(0, 600) + "...";
    }
    return method + " " + path + " -> " + status + " " + text;
  }
}
