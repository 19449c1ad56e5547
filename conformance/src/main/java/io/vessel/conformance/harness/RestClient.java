package io.vessel.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Raw HTTP against the cluster's API server with java.net.http: requests carry exactly what the
 * test gives, and answers come back as status, headers and body text (JSON on demand).
 *
 * <p>Credentials are those of the TLS context (a client certificate) plus an optional bearer token;
 * the anonymous variant trusts the cluster CA but presents nothing.
 */
public final class RestClient {

  /** How long one non-watch request may take. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final String JSON = "application/json";

  private final URI server;
  private final String bearerToken;
  private final HttpClient http;

  /**
   * @param server the API server base, {@code https://host:port}
   * @param tls the TLS context: which servers to trust, which client certificate to present
   * @param bearerToken a token to send as {@code Authorization: Bearer}, or null
   */
  public RestClient(URI server, SSLContext tls, String bearerToken) {
    this.server = server;
    this.bearerToken = bearerToken;
    // HTTP/1.1 keeps watch streams and connection reuse simple; kubectl covers HTTP/2.
    this.http =
        HttpClient.newBuilder()
            .sslContext(tls)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The API server base URI. */
  public URI server() {
    return server;
  }

  public RestResponse get(String path) {
    return send("GET", path, null, null);
  }

  public RestResponse delete(String path) {
    return send("DELETE", path, null, null);
  }

  public RestResponse post(String path, JsonNode body) {
    return send("POST", path, JSON, Json.write(body));
  }

  /** POSTs {@code body} verbatim as {@code application/json}, valid JSON or not. */
  public RestResponse post(String path, String body) {
    return send("POST", path, JSON, body);
  }

  public RestResponse put(String path, JsonNode body) {
    return send("PUT", path, JSON, Json.write(body));
  }

  /** PATCH with the given patch content type, e.g. {@code application/merge-patch+json}. */
  public RestResponse patch(String path, String contentType, JsonNode body) {
    return send("PATCH", path, contentType, Json.write(body));
  }

  /**
   * Sends one request.
   *
   * @param method the HTTP method
   * @param path path and query, starting with {@code /}
   * @param contentType the body's content type, or null when there is no body
   * @param body the body text, or null
   */
  public RestResponse send(String method, String path, String contentType, String body) {
    var request = request(path).timeout(REQUEST_TIMEOUT);
    if (body == null) {
      request.method(method, BodyPublishers.noBody());
    } else {
      request.header("Content-Type", contentType);
      request.method(method, BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    try {
      var response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new RestResponse(
          method, path, response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + server + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + method + " " + path, e);
    }
  }

  /**
   * Opens a watch, for example {@code /api/v1/namespaces?watch=1&labelSelector=team%3Da}. The call
   * returns once the response head has arrived; events are decoded in the background.
   *
   * @throws AssertionError when the server does not answer 200, with its answer
   */
  public WatchStream watch(String pathWithQuery) {
    try {
      var response = http.send(request(pathWithQuery).GET().build(), BodyHandlers.ofInputStream());
      var head =
          new RestResponse("GET", pathWithQuery, response.statusCode(), response.headers(), "");
      if (response.statusCode() != 200) {
        try (var in = response.body()) {
          var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          throw new AssertionError(
              "watch was refused: "
                  + new RestResponse(
                          "GET", pathWithQuery, response.statusCode(), response.headers(), text)
                      .describe());
        }
      }
      return new WatchStream(pathWithQuery, head, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("watch " + server + pathWithQuery + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: watch " + pathWithQuery, e);
    }
  }

  private HttpRequest.Builder request(String path) {
    var base = server.toString().replaceAll("/+$", "");
    var builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", JSON);
    if (bearerToken != null && !bearerToken.isEmpty()) {
      builder.header("Authorization", "Bearer " + bearerToken);
    }
    return builder;
  }
}
