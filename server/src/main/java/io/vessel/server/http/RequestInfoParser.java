package io.vessel.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses request paths with kube-apiserver's grammar:
 *
 * <pre>
 * /api/{version}/{resource}[/{name}[/{subresource}]]
 * /api/{version}/namespaces/{namespace}/{resource}[/{name}[/{subresource}]]
 * /apis/{group}/{version}/...                       (the same shapes under a group)
 * /api/{version}/watch/...                          (the deprecated watch prefix)
 * /api/{version}/namespaces/{name}[/status|/finalize]   (namespaces themselves)
 * </pre>
 *
 * A GET without a name is a list, or a watch with {@code watch=true|1}; a DELETE without a name
 * is a deletecollection. Anything shorter than a resource path is a non-resource request.
 */
public final class RequestInfoParser {
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  private RequestInfoParser() {}

  public static RequestInfo parse(String method, String path, boolean watchParam) {
    String methodVerb = method.toLowerCase(Locale.ROOT);
    List<String> parts = split(path);
    if (parts.size() < 3 || !(parts.get(0).equals("api") || parts.get(0).equals("apis"))) {
      return RequestInfo.nonResource(methodVerb);
    }
    String prefix = parts.get(0);
    int i = 1;
    String group = "";
    if (prefix.equals("apis")) {
      if (parts.size() < 4) {
        return RequestInfo.nonResource(methodVerb);
      }
      group = parts.get(i++);
    }
    String version = parts.get(i++);
    List<String> rest = new ArrayList<>(parts.subList(i, parts.size()));

    String verb;
    if (!rest.isEmpty() && rest.get(0).equals("watch")) {
      verb = "watch";
      rest.remove(0);
      if (rest.isEmpty()) {
        return RequestInfo.nonResource(methodVerb);
      }
    } else {
      verb =
          switch (method) {
            case "POST" -> "create";
            case "GET", "HEAD" -> "get";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> "";
          };
    }

    String namespace = "";
    if (rest.get(0).equals("namespaces") && rest.size() > 1) {
      namespace = rest.get(1);
      if (rest.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
        rest = rest.subList(2, rest.size());
      }
    }
    String resource = rest.get(0);
    String name = rest.size() >= 2 ? rest.get(1) : "";
    String subresource = rest.size() >= 3 ? rest.get(2) : "";
    if (name.isEmpty() && verb.equals("get")) {
      verb = watchParam ? "watch" : "list";
    }
    if (name.isEmpty() && verb.equals("delete")) {
      verb = "deletecollection";
    }
    return new RequestInfo(true, verb, prefix, group, version, namespace, resource, subresource, name);
  }

  private static List<String> split(String path) {
    List<String> out = new ArrayList<>();
    for (String p : path.split("/")) {
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }
}
