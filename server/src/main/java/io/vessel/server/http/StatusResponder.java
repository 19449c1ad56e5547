package io.vessel.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerResponse;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.Serialization;
import io.vessel.server.api.StatusCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that writes a failure: any Throwable becomes a kube {@code Status}. */
public final class StatusResponder {
  private static final Logger LOG = LoggerFactory.getLogger(StatusResponder.class);

  private StatusResponder() {}

  public static void fail(HttpServerResponse response, Throwable t) {
    try {
      write(response, t);
    } catch (Throwable broken) {
      // Never leave a client waiting: if even the error cannot be written, drop the stream.
      LOG.error("could not write an error response", broken);
      response.reset();
    }
  }

  private static void write(HttpServerResponse response, Throwable t) {
    ApiException e = asApiException(t);
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      response.end();
      return;
    }
    byte[] body = Serialization.json().createObjectNode().toString().getBytes();
    try {
      body = Serialization.json().writeValueAsBytes(status(e));
    } catch (Exception ignored) {
      // keep the minimal body
    }
    response.setStatusCode(e.code()).putHeader("Content-Type", "application/json");
    if (e.retryAfterSeconds() != null) {
      response.putHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
    }
    response.end(io.vertx.core.buffer.Buffer.buffer(body));
  }

  public static ApiException asApiException(Throwable t) {
    if (t instanceof ApiException e) {
      return e;
    }
    LOG.warn("internal error", t);
    return ApiException.internal(String.valueOf(t.getMessage()));
  }

  /** A failure Status in kube-apiserver's field order. */
  public static ObjectNode status(ApiException e) {
    ObjectNode s = Serialization.json().createObjectNode();
    s.put("kind", "Status");
    s.put("apiVersion", "v1");
    ObjectNode meta = s.putObject("metadata");
    if (e.continueToken() != null) {
      meta.put("continue", e.continueToken());
    }
    s.put("status", "Failure");
    s.put("message", e.getMessage());
    s.put("reason", e.reason());
    ApiException.Details d = e.details();
    boolean hasDetails =
        !d.name().isEmpty()
            || !d.group().isEmpty()
            || !d.kind().isEmpty()
            || !d.causes().isEmpty()
            || e.retryAfterSeconds() != null;
    if (hasDetails || e.code() == 404 && e.reason().equals("NotFound") || e.code() == 405) {
      ObjectNode details = s.putObject("details");
      putIfSet(details, "name", d.name());
      putIfSet(details, "group", d.group());
      putIfSet(details, "kind", d.kind());
      if (!d.causes().isEmpty()) {
        ArrayNode causes = details.putArray("causes");
        for (StatusCause c : d.causes()) {
          ObjectNode cn = causes.addObject();
          putIfSet(cn, "reason", c.reason());
          putIfSet(cn, "message", c.message());
          putIfSet(cn, "field", c.field());
        }
      }
      if (e.retryAfterSeconds() != null) {
        details.put("retryAfterSeconds", e.retryAfterSeconds());
      }
    }
    s.put("code", e.code());
    return s;
  }

  /** A success Status, as a delete of an object without finalizers returns it. */
  public static ObjectNode success(String name, String group, String kind, String uid) {
    ObjectNode s = Serialization.json().createObjectNode();
    s.put("kind", "Status");
    s.put("apiVersion", "v1");
    s.putObject("metadata");
    s.put("status", "Success");
    ObjectNode details = s.putObject("details");
    putIfSet(details, "name", name);
    putIfSet(details, "group", group);
    putIfSet(details, "kind", kind);
    putIfSet(details, "uid", uid);
    return s;
  }

  private static void putIfSet(ObjectNode n, String field, String value) {
    if (value != null && !value.isEmpty()) {
      n.put(field, value);
    }
  }
}
