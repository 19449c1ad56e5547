package io.vessel.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vessel.certs.ClusterPki;
import io.vessel.server.api.Serialization;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Admin HTTP requests whose status code, warnings and JSON body a test reads as they came. */
public final class RawHttp {
  /** One answer: the status code, the Warning headers and the body parsed as JSON. */
  public record Response(int code, List<String> warnings, JsonNode body) {}

  private final HttpClient client;
  private final int port;
  private final io.vertx.core.Context context;

  RawHttp(Vertx vertx, ClusterPki pki, int port) {
    this.port = port;
    this.context = vertx.getOrCreateContext();
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setSsl(true)
                .setTrustOptions(
                    new PemTrustOptions().addCertValue(Buffer.buffer(pki.ca().certificatePem())))
                .setKeyCertOptions(
                    new PemKeyCertOptions()
                        .addCertValue(Buffer.buffer(pki.admin().certificatePem()))
                        .addKeyValue(Buffer.buffer(pki.admin().privateKeyPem()))));
  }

  public Response post(String path, String json) throws Exception {
    return send(HttpMethod.POST, path, json);
  }

  public Response delete(String path) throws Exception {
    return send(HttpMethod.DELETE, path, null);
  }

  public Response get(String path) throws Exception {
    return send(HttpMethod.GET, path, null);
  }

  public Response send(HttpMethod method, String path, String json) throws Exception {
    RequestOptions opts =
        new RequestOptions()
            .setMethod(method)
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI(path)
            .putHeader("Accept", "application/json");
    if (json != null) {
      opts.putHeader("Content-Type", "application/json");
    }
    // The exchange runs on one context: composed from the test thread, a fast response could
    // deliver its body before the body handler is set.
    return io.vertx.core.Future.<Response>future(p -> context.runOnContext(v -> exchange(opts, json).onComplete(p)))
        .await(30, TimeUnit.SECONDS);
  }

  private io.vertx.core.Future<Response> exchange(RequestOptions opts, String json) {
    return client
        .request(opts)
        .compose(req -> json == null ? req.send() : req.send(json))
        .compose(
            resp ->
                resp.body()
                    .map(
                        b -> {
                          try {
                            return new Response(
                                resp.statusCode(),
                                resp.headers().getAll("Warning"),
                                Serialization.json().readTree(b.getBytes()));
                          } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                          }
                        }));
  }
}
