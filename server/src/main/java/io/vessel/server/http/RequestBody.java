package io.vessel.server.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vessel.server.api.ApiException;

/**
 * Reads a request body up to kube-apiserver's limit (3 MiB by default); a larger body fails with
 * 413 without being buffered further.
 */
public final class RequestBody {
  public static final long MAX_BYTES = 3L * 1024 * 1024;

  private RequestBody() {}

  public static Future<Buffer> read(HttpServerRequest req) {
    String declared = req.getHeader("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared) > MAX_BYTES) {
          return Future.failedFuture(tooLarge());
        }
      } catch (NumberFormatException ignored) {
        // let the streaming check decide
      }
    }
    Promise<Buffer> promise = Promise.promise();
    Buffer body = Buffer.buffer();
    boolean[] failed = {false};
    req.handler(
        chunk -> {
          if (failed[0]) {
            return;
          }
          if (body.length() + chunk.length() > MAX_BYTES) {
            failed[0] = true;
            promise.tryFail(tooLarge());
            return;
          }
          body.appendBuffer(chunk);
        });
    req.endHandler(v -> promise.tryComplete(body));
    req.exceptionHandler(promise::tryFail);
    req.resume();
    return promise.future();
  }

  private static ApiException tooLarge() {
    return ApiException.requestEntityTooLarge("Request entity too large: limit is 3145728");
  }
}
