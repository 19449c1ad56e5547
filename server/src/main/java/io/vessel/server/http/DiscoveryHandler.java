package io.vessel.server.http;

import io.vertx.core.http.HttpServerRequest;
import io.vessel.server.api.ApiException;
import io.vessel.server.registry.ResourceCatalog;
import java.util.List;

/**
 * Serves {@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/{group}} and {@code
 * /apis/{group}/{version}}. The roots answer in the aggregated form only to a client whose Accept
 * header asks for it before plain JSON (kubectl 1.28/1.29 understand only v2beta1, later ones
 * prefer v2), and with the exact Content-Type parameters clients select a parser by.
 */
public final class DiscoveryHandler {
  private static final String AGGREGATED = "APIGroupDiscoveryList";

  private final ResourceCatalog catalog;
  private final DiscoveryDocuments docs;

  public DiscoveryHandler(ResourceCatalog catalog) {
    this.catalog = catalog;
    this.docs = new DiscoveryDocuments(catalog);
  }

  /** Whether {@code path} is a discovery path (answered without credentials). */
  public static boolean isDiscovery(String path) {
    String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    if (p.equals("/api") || p.equals("/apis")) {
      return true;
    }
    String[] parts = p.split("/");
    return (parts.length == 3 && parts[1].equals("api"))
        || (parts.length == 3 && parts[1].equals("apis"))
        || (parts.length == 4 && parts[1].equals("apis"));
  }

  public void handle(HttpServerRequest req) {
    if (!req.method().name().equals("GET") && !req.method().name().equals("HEAD")) {
      throw ApiException.methodNotAllowed();
    }
    String path = req.path().endsWith("/") ? req.path().substring(0, req.path().length() - 1) : req.path();
    String[] parts = path.split("/");
    req.response().putHeader("Vary", "Accept");
    if (path.equals("/api") || path.equals("/apis")) {
      boolean core = path.equals("/api");
      String aggregated = negotiateAggregated(req.getHeader("Accept"));
      if (aggregated != null) {
        ResponseWriter.json(
            req.response(),
            200,
            "application/json;g=apidiscovery.k8s.io;v=" + aggregated + ";as=" + AGGREGATED,
            docs.aggregated(core, aggregated));
      } else if (core) {
        ResponseWriter.json(req.response(), 200, "application/json", docs.apiVersions(serverAddress(req)));
      } else {
        ResponseWriter.json(req.response(), 200, "application/json", docs.groupList());
      }
      return;
    }
    if (parts[1].equals("api")) {
      requireServed("", parts[2]);
      ResponseWriter.json(req.response(), 200, "application/json", docs.resourceList("", parts[2]));
      return;
    }
    String group = parts[2];
    List<String> versions = catalog.groups().get(group);
    if (versions == null) {
      throw ApiException.routeNotFound();
    }
    if (parts.length == 3) {
      ResponseWriter.json(req.response(), 200, "application/json", docs.group(group, versions, true));
      return;
    }
    requireServed(group, parts[3]);
    ResponseWriter.json(req.response(), 200, "application/json", docs.resourceList(group, parts[3]));
  }

  private void requireServed(String group, String version) {
    if (!catalog.servesGroupVersion(group, version)) {
      throw ApiException.routeNotFound();
    }
  }

  /** "v2", "v2beta1", or null for the legacy documents; 406 if nothing acceptable is offered. */
  static String negotiateAggregated(String accept) {
    List<MediaRange> ranges = MediaRange.parseAll(accept);
    if (ranges.isEmpty()) {
      return null;
    }
    for (MediaRange r : ranges) {
      boolean json = r.type().equals("application/json") || r.type().equals("*/*") || r.type().equals("application/*");
      if (!json) {
        continue;
      }
      String as = r.param("as");
      if (as.isEmpty()) {
        return null;
      }
      if (as.equals(AGGREGATED)
          && r.param("g").equals("apidiscovery.k8s.io")
          && (r.param("v").equals("v2") || r.param("v").equals("v2beta1"))) {
        return r.param("v");
      }
    }
    throw ApiException.notAcceptable(
        "only the following media types are accepted: application/json,"
            + " application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
            + " application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList");
  }

  private static String serverAddress(HttpServerRequest req) {
    var local = req.localAddress();
    return local.hostAddress() + ":" + local.port();
  }
}
