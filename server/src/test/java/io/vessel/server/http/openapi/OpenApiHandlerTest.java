package io.vessel.server.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vessel.server.api.Serialization;
import io.vessel.server.http.StatusResponder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OpenApiHandlerTest {
  private static final String V2_PROTOBUF_ACCEPT =
      "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";
  private static Vertx vertx;
  private static HttpServer server;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static String base;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    OpenApiHandler handler = new OpenApiHandler(TestCatalogs.wide());
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  try {
                    handler.handle(req);
                  } catch (RuntimeException e) {
                    StatusResponder.fail(req.response(), e);
                  }
                })
            .listen(0, "127.0.0.1")
            .await();
    base = "http://127.0.0.1:" + server.actualPort();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  @DisplayName("index, a GET, answers JSON with a quoted SHA-512 ETag")
  void index() throws Exception {
    HttpResponse<String> r = get("/openapi/v3", null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(r.headers().firstValue("ETag").orElseThrow()).matches("\"[0-9A-F]{128}\"");
    assertThat(Serialization.json().readTree(r.body()).path("paths").has("apis/apps/v1")).isTrue();
  }

  @Test
  @DisplayName("index, If-None-Match with its ETag, answers 304 without a body")
  void indexNotModified() throws Exception {
    String etag = get("/openapi/v3", null, null).headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> r = get("/openapi/v3", null, etag);
    assertThat(r.statusCode()).isEqualTo(304);
    assertThat(r.body()).isEmpty();
  }

  @Test
  @DisplayName(
      "document, the index's URL with its hash, answers immutable and cacheable for a year")
  void documentWithHash() throws Exception {
    String url = serverRelativeUrl("apis/apps/v1");
    HttpResponse<String> r = get(url, "application/json", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, immutable");
    assertThat(r.headers().firstValue("Expires")).isPresent();
    assertThat(r.headers().firstValue("Vary")).hasValue("Accept");
    assertThat(r.headers().firstValue("ETag").orElseThrow())
        .isEqualTo("\"" + url.substring(url.indexOf("hash=") + 5) + "\"");
    JsonNode doc = Serialization.json().readTree(r.body());
    assertThat(doc.path("openapi").asText()).isEqualTo("3.0.0");
  }

  @Test
  @DisplayName("document, without a hash, answers without Cache-Control")
  void documentWithoutHash() throws Exception {
    HttpResponse<String> r = get("/openapi/v3/api/v1", null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).isEmpty();
  }

  @Test
  @DisplayName("document, a stale hash, redirects 301 to the current URL")
  void staleHash() throws Exception {
    HttpResponse<String> r = get("/openapi/v3/api/v1?hash=0123", null, null);
    assertThat(r.statusCode()).isEqualTo(301);
    assertThat(r.headers().firstValue("Location")).hasValue(serverRelativeUrl("api/v1"));
  }

  @Test
  @DisplayName("document, an unserved group-version, answers 404 with a Status")
  void unknown() throws Exception {
    HttpResponse<String> r = get("/openapi/v3/apis/example.com/v1", null, null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Serialization.json().readTree(r.body()).path("kind").asText()).isEqualTo("Status");
  }

  @Test
  @DisplayName("document, Accept of v3 protobuf only, answers 406")
  void notAcceptable() throws Exception {
    HttpResponse<String> r =
        get(
            "/openapi/v3/api/v1",
            "application/com.github.proto-openapi.spec.v3@v1.0+protobuf",
            null);
    assertThat(r.statusCode()).isEqualTo(406);
  }

  @Test
  @DisplayName("v2, client-go's protobuf Accept, answers the gnostic protobuf")
  void v2Protobuf() throws Exception {
    HttpResponse<byte[]> r =
        CLIENT.send(
            request("/openapi/v2", V2_PROTOBUF_ACCEPT, null).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValue("application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
    assertThat(r.body()[0]).isEqualTo((byte) 0x0a); // field 1 (swagger), length-delimited
  }

  @Test
  @DisplayName("v2, a JSON Accept, answers the Swagger 2.0 JSON")
  void v2Json() throws Exception {
    HttpResponse<String> r = get("/openapi/v2", "application/json", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Serialization.json().readTree(r.body()).path("swagger").asText()).isEqualTo("2.0");
  }

  @Test
  @DisplayName("any path, a POST, answers 405")
  void postNotAllowed() throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            request("/openapi/v3", null, null).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(405);
  }

  private static String serverRelativeUrl(String path) throws Exception {
    JsonNode index = Serialization.json().readTree(get("/openapi/v3", null, null).body());
    return index.path("paths").path(path).path("serverRelativeURL").asText();
  }

  private static HttpResponse<String> get(String path, String accept, String ifNoneMatch)
      throws Exception {
    return CLIENT.send(
        request(path, accept, ifNoneMatch).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String path, String accept, String ifNoneMatch) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (accept != null) {
      b.header("Accept", accept);
    }
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return b;
  }
}
