package io.vessel.kit.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A Kubernetes REST client on Vert.x: typed CRUD, patches, paged lists and watches, over HTTP/2
 * so that every informer's watch shares a few connections. Futures complete on a Vert.x context;
 * callers that may block use {@link Blocking}.
 */
public final class ApiClient implements AutoCloseable {
  private static final int PAGE = 500;
  private static final long REQUEST_IDLE_SECONDS = 60;

  private final HttpClient http;
  private final ClientConfig config;
  private final Context context;

  private ApiClient(HttpClient http, ClientConfig config, Context context) {
    this.http = http;
    this.config = config;
    this.context = context;
  }

  public static ApiClient create(Vertx vertx, ClientConfig config) {
    HttpClientOptions options =
        new HttpClientOptions()
            .setSsl(true)
            .setUseAlpn(true)
            .setProtocolVersion(HttpVersion.HTTP_2)
            .setDefaultHost(config.host())
            .setDefaultPort(config.port())
            .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(config.caPem())))
            .setKeyCertOptions(
                new PemKeyCertOptions()
                    .addCertValue(Buffer.buffer(config.certPem()))
                    .addKeyValue(Buffer.buffer(config.keyPem())));
    return new ApiClient(
        vertx.createHttpClient(options, new PoolOptions().setHttp2MaxSize(4)),
        config,
        vertx.getOrCreateContext());
  }

  public <T extends HasMetadata> Future<T> get(ResourceType<T> type, String namespace, String name) {
    return send(HttpMethod.GET, type.itemPath(namespace, name), null, null)
        .map(body -> decode(body, type.type()));
  }

  /** Every item, following continue tokens; the resourceVersion is the first page's. */
  public <T extends HasMetadata> Future<ListPage<T>> listAll(
      ResourceType<T> type, String namespace, ListOptions options) {
    return listFrom(type, namespace, options, null, new ArrayList<>(), null);
  }

  private <T extends HasMetadata> Future<ListPage<T>> listFrom(
      ResourceType<T> type,
      String namespace,
      ListOptions options,
      String continueToken,
      List<T> items,
      String firstRv) {
    StringBuilder uri = new StringBuilder(type.collectionPath(namespace)).append("?x=");
    options.withLimit(PAGE).appendTo(uri);
    if (continueToken != null) {
      uri.append("&continue=").append(ListOptions.encode(continueToken));
    }
    return send(HttpMethod.GET, uri.toString(), null, null)
        .compose(
            body -> {
              JsonNode list = readTree(body);
              for (JsonNode item : list.path("items")) {
                items.add(treeToValue(item, type));
              }
              JsonNode meta = list.path("metadata");
              String rv = firstRv != null ? firstRv : meta.path("resourceVersion").asText();
              String next = meta.path("continue").asText("");
              if (next.isEmpty()) {
                return Future.succeededFuture(new ListPage<>(items, rv, null));
              }
              return listFrom(type, namespace, options, next, items, rv);
            });
  }

  public <T extends HasMetadata> Future<T> create(ResourceType<T> type, T object) {
    String ns = object.getMetadata().getNamespace();
    return send(HttpMethod.POST, type.collectionPath(ns), "application/json", encode(object))
        .map(body -> decode(body, type.type()));
  }

  public <T extends HasMetadata> Future<T> update(ResourceType<T> type, T object) {
    return put(type, object, "");
  }

  public <T extends HasMetadata> Future<T> updateStatus(ResourceType<T> type, T object) {
    return put(type, object, "/status");
  }

  private <T extends HasMetadata> Future<T> put(ResourceType<T> type, T object, String sub) {
    var meta = object.getMetadata();
    return send(
            HttpMethod.PUT,
            type.itemPath(meta.getNamespace(), meta.getName()) + sub,
            "application/json",
            encode(object))
        .map(body -> decode(body, type.type()));
  }

  /** A JSON merge patch of the object, or of its {@code subresource} when not empty. */
  public <T extends HasMetadata> Future<T> mergePatch(
      ResourceType<T> type, String namespace, String name, String subresource, Object patch) {
    String path = type.itemPath(namespace, name) + (subresource.isEmpty() ? "" : "/" + subresource);
    return send(HttpMethod.PATCH, path, "application/merge-patch+json", encode(patch))
        .map(body -> decode(body, type.type()));
  }

  /**
   * A strategic merge patch: lists with a merge key (conditions by type, containers by name)
   * merge item by item, so a writer touches only its own entries.
   */
  public <T extends HasMetadata> Future<T> strategicMergePatch(
      ResourceType<T> type, String namespace, String name, String subresource, Object patch) {
    String path = type.itemPath(namespace, name) + (subresource.isEmpty() ? "" : "/" + subresource);
    return send(HttpMethod.PATCH, path, "application/strategic-merge-patch+json", encode(patch))
        .map(body -> decode(body, type.type()));
  }

  /** Deletes; a missing object is success (the state asked for holds). */
  public Future<Void> delete(
      ResourceType<?> type, String namespace, String name, DeleteOptions options) {
    Buffer body = options == null ? null : encode(options);
    return send(HttpMethod.DELETE, type.itemPath(namespace, name), "application/json", body)
        .<Void>mapEmpty()
        .recover(t -> ApiException.isNotFound(t) ? Future.succeededFuture() : Future.failedFuture(t));
  }

  /** POSTs to a subresource such as {@code binding} or {@code eviction}. */
  public Future<Void> postSubresource(
      ResourceType<?> type, String namespace, String name, String subresource, Object body) {
    return send(
            HttpMethod.POST,
            type.itemPath(namespace, name) + "/" + subresource,
            "application/json",
            encode(body))
        .mapEmpty();
  }

  /**
   * Watches from {@code resourceVersion} with bookmarks. {@code onClose} gets null when the
   * server ends the stream normally (its timeout), or the failure.
   */
  public <T extends HasMetadata> Future<Watch> watch(
      ResourceType<T> type,
      String namespace,
      ListOptions options,
      String resourceVersion,
      Consumer<WatchEvent<T>> onEvent,
      Consumer<Throwable> onClose) {
    // Spread the reconnects of many watches, as client-go does with its random timeout.
    int timeout = 300 + ThreadLocalRandom.current().nextInt(300);
    StringBuilder uri =
        new StringBuilder(type.collectionPath(namespace))
            .append("?watch=1&allowWatchBookmarks=true&timeoutSeconds=")
            .append(timeout)
            .append("&resourceVersion=")
            .append(ListOptions.encode(resourceVersion));
    options.appendTo(uri);
    return onContext(() -> http.request(requestOptions(HttpMethod.GET, uri.toString()))
        .compose(
            req ->
                req.send()
                    .compose(
                        resp -> {
                          if (resp.statusCode() / 100 != 2) {
                            return resp.body()
                                .compose(b -> Future.<Watch>failedFuture(error(resp.statusCode(), b)));
                          }
                          WatchDecoder<T> decoder = new WatchDecoder<>(type.type(), onEvent, onClose);
                          decoder.attach(resp);
                          return Future.<Watch>succeededFuture(
                              () -> {
                                decoder.stop();
                                req.reset();
                              });
                        })));
  }

  private Future<Buffer> send(HttpMethod method, String uri, String contentType, Buffer body) {
    return onContext(() -> exchange(method, uri, contentType, body));
  }

  /**
   * Runs a request's whole exchange on the client's context. Composed from another thread, a
   * response could deliver its body before the body handler is set, and the body would be lost
   * (seen as a 200 with an empty body under load).
   */
  private <T> Future<T> onContext(java.util.function.Supplier<Future<T>> exchange) {
    if (Vertx.currentContext() == context) {
      return exchange.get();
    }
    return Future.future(p -> context.runOnContext(v -> exchange.get().onComplete(p)));
  }

  private Future<Buffer> exchange(HttpMethod method, String uri, String contentType, Buffer body) {
    RequestOptions options = requestOptions(method, uri).setIdleTimeout(REQUEST_IDLE_SECONDS * 1000);
    if (body != null && contentType != null) {
      options.putHeader("Content-Type", contentType);
    }
    return http.request(options)
        .compose(req -> body == null ? req.send() : req.send(body))
        .compose(resp -> resp.body().compose(b -> checked(resp, b)));
  }

  private RequestOptions requestOptions(HttpMethod method, String uri) {
    return new RequestOptions()
        .setMethod(method)
        .setURI(uri)
        .putHeader("Accept", "application/json")
        .putHeader("User-Agent", config.userAgent());
  }

  private static Future<Buffer> checked(HttpClientResponse resp, Buffer body) {
    if (resp.statusCode() / 100 == 2) {
      return Future.succeededFuture(body);
    }
    return Future.failedFuture(error(resp.statusCode(), body));
  }

  static ApiException error(int code, Buffer body) {
    try {
      Status status = Json.mapper().readValue(body.getBytes(), Status.class);
      return ApiException.of(code, status, body.toString());
    } catch (IOException | RuntimeException e) {
      return new ApiException(code, "", body.toString());
    }
  }

  static Buffer encode(Object value) {
    try {
      return Buffer.buffer(Json.mapper().writeValueAsBytes(value));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  static <T> T decode(Buffer body, Class<T> type) {
    try {
      return Json.mapper().readValue(body.getBytes(), type);
    } catch (IOException e) {
      throw new IllegalStateException("cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode readTree(Buffer body) {
    try {
      return Json.mapper().readTree(body.getBytes());
    } catch (IOException e) {
      throw new IllegalStateException("cannot decode a list: " + e.getMessage(), e);
    }
  }

  private static <T> T treeToValue(JsonNode node, ResourceType<? extends T> type) {
    try {
      return Json.mapper().treeToValue(node, type.type());
    } catch (IOException e) {
      throw new IllegalStateException("cannot decode " + type.kind() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
