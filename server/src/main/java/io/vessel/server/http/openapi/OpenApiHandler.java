package io.vessel.server.http.openapi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vessel.server.api.ApiException;
import io.vessel.server.http.MediaRange;
import io.vessel.server.http.StatusResponder;
import io.vessel.server.registry.ResourceCatalog;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /openapi/v3} (the index of group-version documents), {@code GET
 * /openapi/v3/<api/v1 | apis/group/version>} (one document) and {@code GET /openapi/v2}, with
 * kube-openapi's caching rules:
 *
 * <ul>
 *   <li>every answer carries an ETag (the quoted hash of the bytes sent) and Last-Modified, and a
 *       matching {@code If-None-Match} (or, without one, a not-older {@code If-Modified-Since})
 *       gets 304;
 *   <li>a v3 document asked for with {@code ?hash=} that is current is marked {@code Cache-Control:
 *       public, immutable} and expires in a year; one with a stale hash is redirected (301) to the
 *       current URL;
 *   <li>documents vary by Accept: v3 is offered as JSON only (no protobuf), so a client that
 *       accepts nothing else gets 406; v2 as JSON or as gnostic protobuf.
 * </ul>
 *
 * An unknown group-version gets 404 (kube-openapi answers an empty 200 there; a Status is more
 * useful). The documents are generated once, off the event loop, when the handler is built;
 * requests that arrive before that completes wait for it without blocking.
 */
public final class OpenApiHandler {
  private static final Logger LOG = LoggerFactory.getLogger(OpenApiHandler.class);
  private static final String ROOT = "/openapi/v3";
  private static final String V2 = "/openapi/v2";
  private static final String V2_PROTOBUF =
      "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

  /** The spelling client-go sends (with '@'); kube-openapi answers it with the one above. */
  private static final String V2_PROTOBUF_DEPRECATED =
      "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";

  /** IMF-fixdate (RFC 9110 §5.6.7): Go's http.ParseTime wants the two-digit day. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final ResourceCatalog catalog;
  private final CompletableFuture<OpenApiDocuments> documents = new CompletableFuture<>();
  private final java.util.concurrent.atomic.AtomicBoolean started =
      new java.util.concurrent.atomic.AtomicBoolean();

  public OpenApiHandler(ResourceCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Starts generating the documents on a thread of their own (idempotent). The server calls it
   * once it serves, so that generation does not compete with startup; a request that comes
   * first starts it and waits.
   */
  public void start() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                long begin = System.nanoTime();
                OpenApiDocuments docs = OpenApiDocuments.generate(catalog);
                LOG.debug(
                    "generated {} OpenAPI v3 documents in {} ms",
                    docs.paths().size(),
                    (System.nanoTime() - begin) / 1_000_000);
                documents.complete(docs);
              } catch (Throwable e) {
                documents.completeExceptionally(e);
              }
            },
            "openapi-generator");
    t.setDaemon(true);
    t.start();
  }

  /** Whether {@code path} is served here. */
  public static boolean isOpenApi(String path) {
    return path.equals(ROOT) || path.startsWith(ROOT + "/") || path.equals(V2);
  }

  public void handle(HttpServerRequest req) {
    start();
    String method = req.method().name();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw ApiException.methodNotAllowed();
    }
    OpenApiDocuments ready = documents.getNow(null);
    if (ready != null) {
      serve(req, ready);
      return;
    }
    Future.fromCompletionStage(documents, Vertx.currentContext())
        .onSuccess(
            docs -> {
              try {
                serve(req, docs);
              } catch (RuntimeException e) {
                StatusResponder.fail(req.response(), e);
              }
            })
        .onFailure(t -> StatusResponder.fail(req.response(), t));
  }

  private void serve(HttpServerRequest req, OpenApiDocuments docs) {
    if (req.path().equals(V2)) {
      serveV2(req, docs);
      return;
    }
    String rest =
        req.path().length() > ROOT.length() ? req.path().substring(ROOT.length() + 1) : "";
    if (rest.isEmpty()) {
      send(req, docs.index(), docs.generated(), "application/json");
      return;
    }
    String path = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
    OpenApiDocuments.Document doc = docs.document(path).orElseThrow(ApiException::routeNotFound);
    HttpServerResponse resp = req.response();
    resp.putHeader("Vary", "Accept");
    if (!acceptsJson(req.getHeader("Accept"))) {
      throw ApiException.notAcceptable(
          "only the following media types are accepted: application/json");
    }
    String hash = req.getParam("hash");
    if (hash != null && !hash.isEmpty()) {
      if (!hash.equals(doc.hash())) {
        resp.setStatusCode(301)
            .putHeader("Location", ROOT + "/" + path + "?hash=" + doc.hash())
            .end();
        return;
      }
      resp.putHeader("Cache-Control", "public, immutable");
      resp.putHeader("Expires", httpDate(Instant.now().plus(365, ChronoUnit.DAYS)));
    }
    send(req, doc, docs.generated(), "application/json");
  }

  private static void serveV2(HttpServerRequest req, OpenApiDocuments docs) {
    req.response().putHeader("Vary", "Accept");
    List<MediaRange> ranges = MediaRange.parseAll(req.getHeader("Accept"));
    if (ranges.isEmpty()) {
      send(req, docs.v2Json(), docs.generated(), "application/json");
      return;
    }
    for (MediaRange r : ranges) {
      String t = r.type();
      if (t.equals(V2_PROTOBUF) || t.equals(V2_PROTOBUF_DEPRECATED)) {
        send(req, docs.v2Protobuf(), docs.generated(), V2_PROTOBUF);
        return;
      }
      if (t.equals("application/json") || t.equals("application/*") || t.equals("*/*")) {
        send(req, docs.v2Json(), docs.generated(), "application/json");
        return;
      }
    }
    throw ApiException.notAcceptable(
        "only the following media types are accepted: application/json, " + V2_PROTOBUF);
  }

  private static void send(
      HttpServerRequest req, OpenApiDocuments.Document doc, Instant modified, String type) {
    HttpServerResponse resp = req.response();
    String etag = "\"" + doc.hash() + "\"";
    resp.putHeader("ETag", etag);
    resp.putHeader("Last-Modified", httpDate(modified));
    if (notModified(req, etag, modified)) {
      resp.setStatusCode(304).end();
      return;
    }
    resp.setStatusCode(200).putHeader("Content-Type", type);
    if (req.method().name().equals("HEAD")) {
      resp.putHeader("Content-Length", String.valueOf(doc.bytes().length)).end();
      return;
    }
    resp.end(Buffer.buffer(doc.bytes()));
  }

  /** RFC 9110 §13.2.2: If-None-Match decides when present, else If-Modified-Since. */
  static boolean notModified(HttpServerRequest req, String etag, Instant modified) {
    String inm = req.getHeader("If-None-Match");
    if (inm != null) {
      for (String candidate : inm.split(",")) {
        String c = candidate.trim();
        if (c.startsWith("W/")) {
          c = c.substring(2);
        }
        if (c.equals("*") || c.equals(etag)) {
          return true;
        }
      }
      return false;
    }
    String ims = req.getHeader("If-Modified-Since");
    if (ims != null) {
      try {
        Instant since = Instant.from(HTTP_DATE.parse(ims.trim()));
        return !modified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
      } catch (DateTimeParseException e) {
        return false;
      }
    }
    return false;
  }

  /** Whether JSON is acceptable; an absent or empty Accept accepts anything. */
  static boolean acceptsJson(String accept) {
    List<MediaRange> ranges = MediaRange.parseAll(accept);
    if (ranges.isEmpty()) {
      return true;
    }
    for (MediaRange r : ranges) {
      String t = r.type();
      if (t.equals("application/json") || t.equals("application/*") || t.equals("*/*")) {
        return true;
      }
    }
    return false;
  }

  private static String httpDate(Instant t) {
    return HTTP_DATE.format(t);
  }
}
