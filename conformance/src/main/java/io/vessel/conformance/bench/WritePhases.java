package io.vessel.conformance.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Vessel's write phases, as a client sees them: create objects {@code 0..n-1} in one namespace
 * (POST), then update each one (PUT of the object the create returned, with its resourceVersion and
 * one changed annotation: the optimistic-concurrency read-modify-write every controller does).
 *
 * <p>Threading: the created objects are written by the create phase and read by the update phase
 * afterwards; the array makes each slot safe to hand between event loops.
 */
final class WritePhases {

  private final ApiClient api;
  private final BenchResource resource;
  private final String namespace;
  private final int clients;
  private final AtomicReferenceArray<Buffer> created;

  WritePhases(ApiClient api, BenchResource resource, String namespace, int clients, int objects) {
    this.api = api;
    this.resource = resource;
    this.namespace = namespace;
    this.clients = clients;
    this.created = new AtomicReferenceArray<>(objects);
  }

  /** The name of object {@code i}. */
  static String name(int i) {
    return String.format("bench-%05d", i);
  }

  /** Creates a namespace; one that already exists is fine. */
  static Future<Void> ensureNamespace(ApiClient api, String name) {
    var body = BenchResource.JSON.createObjectNode();
    body.put("apiVersion", "v1").put("kind", "Namespace").putObject("metadata").put("name", name);
    return api.send(HttpMethod.POST, "/api/v1/namespaces", ApiClient.JSON, json(body))
        .compose(reply -> reply.status() == 409 ? Future.succeededFuture(reply) : reply.expect(201))
        .mapEmpty();
  }

  /** POSTs one object and answers the stored object as the server returned it. */
  static Future<Reply> create(
      ApiClient api,
      BenchResource resource,
      String namespace,
      int index,
      String name,
      Map<String, String> annotations) {
    var body = resource.object(namespace, name, index, annotations);
    return api.send(HttpMethod.POST, resource.collection(namespace), ApiClient.JSON, json(body))
        .compose(reply -> reply.expect(201));
  }

  Future<ClosedLoop.Outcome> createAll() {
    return ClosedLoop.run(
        created.length(),
        clients,
        i ->
            create(api, resource, namespace, i, name(i), Map.of())
                .onSuccess(reply -> created.set(i, reply.body())));
  }

  Future<ClosedLoop.Outcome> updateAll() {
    return ClosedLoop.run(created.length(), clients, this::update);
  }

  private Future<Reply> update(int i) {
    var stored = created.get(i);
    if (stored == null) {
      return Future.failedFuture("object " + name(i) + " was not created");
    }
    ObjectNode object;
    try {
      object = (ObjectNode) BenchResource.JSON.readTree(stored.getBytes());
    } catch (IOException e) {
      return Future.failedFuture(new UncheckedIOException("create answer is not JSON", e));
    }
    var metadata = (ObjectNode) object.get("metadata");
    var annotations =
        metadata.has("annotations")
            ? (ObjectNode) metadata.get("annotations")
            : metadata.putObject("annotations");
    annotations.put("bench.vessel.io/updated", "true");
    return api.send(HttpMethod.PUT, resource.item(namespace, name(i)), ApiClient.JSON, json(object))
        .compose(reply -> reply.expect(200));
  }

  static Buffer json(Object value) {
    try {
      return Buffer.buffer(BenchResource.JSON.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
