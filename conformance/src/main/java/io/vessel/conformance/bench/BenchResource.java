package io.vessel.conformance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * The kind the benchmark writes, and the object it writes: a minimal but realistic pod (one
 * container with a port and resources, a few labels), or a ClusterIP service with one port for
 * servers that do not serve pods yet.
 */
public enum BenchResource {
  PODS("pods", "Pod"),
  SERVICES("services", "Service");

  static final ObjectMapper JSON = new ObjectMapper();

  private final String plural;
  private final String kind;

  BenchResource(String plural, String kind) {
    this.plural = plural;
    this.kind = kind;
  }

  public static BenchResource parse(String name) {
    for (var r : values()) {
      if (r.plural.equals(name.toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new IllegalArgumentException("--resource must be pods or services, got " + name);
  }

  public String plural() {
    return plural;
  }

  /** {@code /api/v1/namespaces/NS/PLURAL}. */
  public String collection(String namespace) {
    return "/api/v1/namespaces/" + namespace + "/" + plural;
  }

  /** {@code /api/v1/namespaces/NS/PLURAL/NAME}. */
  public String item(String namespace, String name) {
    return collection(namespace) + "/" + name;
  }

  /**
   * A new object.
   *
   * @param annotations extra annotations, e.g. the client send time of a watched write
   */
  public ObjectNode object(
      String namespace, String name, int index, Map<String, String> annotations) {
    var root = JSON.createObjectNode();
    root.put("apiVersion", "v1").put("kind", kind);
    var meta = root.putObject("metadata");
    meta.put("name", name).put("namespace", namespace);
    meta.putObject("labels")
        .put("app", "bench")
        .put("tier", "web")
        .put("bench.vessel.io/index", Integer.toString(index));
    if (!annotations.isEmpty()) {
      var notes = meta.putObject("annotations");
      annotations.forEach(notes::put);
    }
    var spec = root.putObject("spec");
    if (this == PODS) {
      var container = spec.putArray("containers").addObject();
      container.put("name", "app").put("image", "registry.k8s.io/pause:3.10");
      container.putArray("ports").addObject().put("containerPort", 8080).put("protocol", "TCP");
      var resources = container.putObject("resources");
      resources.putObject("requests").put("cpu", "100m").put("memory", "64Mi");
      resources.putObject("limits").put("cpu", "200m").put("memory", "128Mi");
      spec.put("restartPolicy", "Always");
    } else {
      spec.put("type", "ClusterIP");
      spec.putObject("selector").put("app", "bench");
      spec.putArray("ports")
          .addObject()
          .put("name", "http")
          .put("port", 80)
          .put("targetPort", 8080)
          .put("protocol", "TCP");
    }
    return root;
  }
}
