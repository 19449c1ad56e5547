package io.vessel.conformance.bench;

import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Vessel's read phases over the objects {@link WritePhases} made: GET by name from many clients,
 * and full LISTs of the namespace, one at a time, both from the watch cache ({@code
 * resourceVersion=0}) and as a consistent read from PostgreSQL (no resourceVersion).
 */
final class ReadPhases {

  /** Spreads GETs over the objects in an order unrelated to creation order. */
  private static final long STRIDE = 7919;

  private final ApiClient api;
  private final BenchResource resource;
  private final String namespace;
  private final int objects;

  ReadPhases(ApiClient api, BenchResource resource, String namespace, int objects) {
    this.api = api;
    this.resource = resource;
    this.namespace = namespace;
    this.objects = objects;
  }

  Future<ClosedLoop.Outcome> getAll(int gets, int clients) {
    return ClosedLoop.run(
        gets,
        clients,
        i -> {
          var name = WritePhases.name((int) (i * STRIDE % objects));
          return api.get(resource.item(namespace, name)).compose(reply -> reply.expect(200));
        });
  }

  /**
   * What the LISTs of one variant returned.
   *
   * @param bytes the size of the last response body
   * @param items the number of items in it
   */
  record Listed(ClosedLoop.Outcome outcome, long bytes, int items) {}

  /**
   * Lists the namespace {@code repetitions} times, one request at a time.
   *
   * @param fromCache {@code resourceVersion=0} (any cached state will do) rather than a consistent
   *     read
   */
  Future<Listed> list(int repetitions, boolean fromCache) {
    var path = resource.collection(namespace) + (fromCache ? "?resourceVersion=0" : "");
    var bytes = new AtomicLong();
    var items = new AtomicInteger(-1);
    return ClosedLoop.run(
            repetitions,
            1,
            i ->
                api.get(path)
                    .compose(reply -> reply.expect(200))
                    .compose(
                        reply -> {
                          bytes.set(reply.body().length());
                          int count = countItems(reply.body().getBytes());
                          items.set(count);
                          return count == objects
                              ? Future.succeededFuture(reply)
                              : Future.<Reply>failedFuture(
                                  "LIST " + path + " returned " + count + " items, not " + objects);
                        }))
        .map(outcome -> new Listed(outcome, bytes.get(), items.get()));
  }

  /** The length of the top-level {@code items} array, read with the streaming parser. */
  static int countItems(byte[] json) {
    try (var parser = BenchResource.JSON.getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return -1;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        var field = parser.currentName();
        var token = parser.nextToken();
        if ("items".equals(field) && token == JsonToken.START_ARRAY) {
          int count = 0;
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
            count++;
          }
          return count;
        }
        parser.skipChildren();
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
