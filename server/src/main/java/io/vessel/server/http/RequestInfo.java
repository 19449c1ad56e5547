package io.vessel.server.http;

/**
 * What a request path means, parsed once (kube-apiserver's RequestInfo).
 *
 * @param resourceRequest false for /version, /healthz, discovery roots and other non-resource paths
 * @param verb get, list, watch, create, update, patch, delete, deletecollection (resource
 *     requests) or the lowercase method (others)
 * @param apiPrefix "api" or "apis"
 */
public record RequestInfo(
    boolean resourceRequest,
    String verb,
    String apiPrefix,
    String group,
    String version,
    String namespace,
    String resource,
    String subresource,
    String name) {

  public static RequestInfo nonResource(String verb) {
    return new RequestInfo(false, verb, "", "", "", "", "", "", "");
  }
}
