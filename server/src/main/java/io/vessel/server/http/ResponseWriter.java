package io.vessel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.Serialization;
import io.vessel.server.registry.ListResult;
import io.vessel.server.registry.ObjectCodec;
import io.vessel.server.registry.ResourceDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes successful responses in the negotiated format. JSON lists are assembled from the stored
 * bytes without decoding them; Tables and YAML decode what they need.
 */
public final class ResponseWriter {
  private ResponseWriter() {}

  public static void object(
      HttpServerRequest req, int code, ResourceDefinition def, HasMetadata obj, OutputFormat fmt) {
    if (fmt.kind() == OutputFormat.Kind.TABLE) {
      ObjectNode table =
          TableWriter.table(
              def, fmt.tableVersion(), List.of(obj), req.getParam("includeObject"), null, null, null);
      json(req.response(), code, fmt.contentType(), table);
      return;
    }
    bytes(req.response(), code, fmt, ObjectCodec.encode(obj));
  }

  /** A stored object's bytes, re-decoded only for Table output. */
  public static void stored(
      HttpServerRequest req, ResourceDefinition def, byte[] value, OutputFormat fmt) {
    if (fmt.kind() == OutputFormat.Kind.TABLE) {
      object(req, 200, def, ObjectCodec.decode(value, def.type()), fmt);
      return;
    }
    bytes(req.response(), 200, fmt, value);
  }

  public static void list(
      HttpServerRequest req, ResourceDefinition def, ListResult list, OutputFormat fmt) {
    String rv = Long.toString(list.rv());
    if (fmt.kind() == OutputFormat.Kind.TABLE) {
      List<HasMetadata> objects = new ArrayList<>(list.items().size());
      for (byte[] item : list.items()) {
        objects.add(ObjectCodec.decode(item, def.type()));
      }
      ObjectNode table =
          TableWriter.table(
              def,
              fmt.tableVersion(),
              objects,
              req.getParam("includeObject"),
              rv,
              list.continueToken(),
              list.remainingItemCount());
      json(req.response(), 200, fmt.contentType(), table);
      return;
    }
    StringBuilder head =
        new StringBuilder("{\"kind\":\"")
            .append(def.kind())
            .append("List\",\"apiVersion\":\"")
            .append(def.apiVersion())
            .append("\",\"metadata\":{\"resourceVersion\":\"")
            .append(rv)
            .append('"');
    if (list.continueToken() != null) {
      head.append(",\"continue\":\"").append(list.continueToken()).append('"');
    }
    if (list.remainingItemCount() != null) {
      head.append(",\"remainingItemCount\":").append(list.remainingItemCount());
    }
    head.append("},\"items\":[");
    Buffer out = Buffer.buffer(head.toString());
    boolean first = true;
    for (byte[] item : list.items()) {
      if (!first) {
        out.appendByte((byte) ',');
      }
      out.appendBytes(item);
      first = false;
    }
    out.appendString("]}");
    bytes(req.response(), 200, fmt, out.getBytes());
  }

  public static void json(HttpServerResponse resp, int code, String contentType, JsonNode body) {
    try {
      resp.setStatusCode(code)
          .putHeader("Content-Type", contentType)
          .end(Buffer.buffer(Serialization.json().writeValueAsBytes(body)));
    } catch (IOException e) {
      throw ApiException.internal(e.getMessage());
    }
  }

  static void bytes(HttpServerResponse resp, int code, OutputFormat fmt, byte[] json) {
    byte[] body = json;
    if (fmt.kind() == OutputFormat.Kind.YAML) {
      try {
        body = Serialization.yaml().writeValueAsBytes(Serialization.json().readTree(json));
      } catch (IOException e) {
        throw ApiException.internal(e.getMessage());
      }
    }
    resp.setStatusCode(code).putHeader("Content-Type", fmt.contentType()).end(Buffer.buffer(body));
  }

  /** Adds a {@code Warning} header in the form kubectl prints ({@code 299 - "text"}). */
  public static void warn(HttpServerResponse resp, String text) {
    String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"");
    resp.headers().add("Warning", "299 - \"" + escaped + "\"");
  }
}
