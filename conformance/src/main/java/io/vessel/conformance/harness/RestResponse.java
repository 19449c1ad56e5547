package io.vessel.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/**
 * One HTTP answer: status code, headers and body text.
 *
 * @param method the request method, for failure messages
 * @param path the request path and query, for failure messages
 * @param status the HTTP status code
 * @param headers the response headers
 * @param text the body as text
 */
public record RestResponse(
    String method, String path, int status, HttpHeaders headers, String text) {

  /** The body parsed as JSON; fails with the body text when it is not JSON. */
  public JsonNode json() {
    return Json.parse(text);
  }

  /** The Content-Type header, or an empty string. */
  public String contentType() {
    return headers.firstValue("content-type").orElse("");
  }

  /** A one-request account for assertion messages. */
  public String describe() {
    return method + " " + path + " -> HTTP " + status + " (" + contentType() + ")\n" + text;
  }
}
