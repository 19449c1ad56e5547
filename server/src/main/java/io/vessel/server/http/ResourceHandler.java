package io.vessel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.ListOptions;
import io.vessel.server.api.WriteOptions;
import io.vessel.server.node.KubeletClient;
import io.vessel.server.registry.ResourceCatalog;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.ResourceStore;
import io.vessel.server.registry.Subresource;
import java.util.Map;

/**
 * Turns one resource request into one {@link ResourceStore} call and writes the result: route
 * checks (404 for unknown resources and subresources, 405 for verbs a path does not take), option
 * parsing, body decoding, status codes. It holds no Kubernetes rules of its own.
 */
public final class ResourceHandler {
  private final ResourceCatalog catalog;
  private final Map<ResourceDefinition, ResourceStore> stores;
  private final WatchHandler watches;
  private final PatchHandler patches;
  private final DeleteHandler deletes;
  private final ScaleHandler scales;
  private final BindingHandler bindings;
  private final PodLogHandler podLogs;
  private final PodStreamHandler podStreams;

  public ResourceHandler(
      ResourceCatalog catalog,
      Map<ResourceDefinition, ResourceStore> stores,
      KubeletClient kubelets) {
    this.catalog = catalog;
    this.stores = stores;
    this.watches = new WatchHandler();
    this.patches = new PatchHandler();
    this.deletes = new DeleteHandler();
    this.scales = new ScaleHandler();
    this.bindings = new BindingHandler();
    this.podLogs =
        new PodLogHandler(
            stores.get(catalog.lookup("", "v1", "pods").orElseThrow()),
            stores.get(catalog.lookup("", "v1", "nodes").orElseThrow()),
            kubelets);
    this.podStreams =
        new PodStreamHandler(
            stores.get(catalog.lookup("", "v1", "pods").orElseThrow()),
            stores.get(catalog.lookup("", "v1", "nodes").orElseThrow()),
            kubelets);
  }

  /** Handles a parsed resource request; {@code body} is empty for bodiless methods. */
  public Future<Void> handle(HttpServerRequest req, RequestInfo info, Buffer body) {
    ResourceDefinition def =
        catalog
            .lookup(info.group(), info.version(), info.resource())
            .orElseThrow(ApiException::routeNotFound);
    ResourceStore store = stores.get(def);
    String verb = info.verb();
    String namespace = def.namespaced() ? info.namespace() : "";
    String name = info.name();
    checkRoute(def, info, namespace);
    if (!info.subresource().isEmpty()) {
      Subresource sub = def.subresource(info.subresource()).orElseThrow(ApiException::routeNotFound);
      String subVerb =
          verb.equals("patch") || verb.equals("update") || verb.equals("get") || verb.equals("create")
              ? verb
              : "";
      if (!sub.verbs().contains(subVerb)) {
        throw ApiException.methodNotAllowed();
      }
      return subresource(req, def, store, sub, namespace, name, body);
    }
    if (!def.allows(verb)) {
      throw ApiException.methodNotAllowed();
    }
    OutputFormat fmt = OutputFormat.negotiate(req.getHeader("Accept"));
    return switch (verb) {
      case "get" ->
          store.get(namespace, name).map(o -> {
            ResponseWriter.stored(req, def, o.value(), fmt);
            return null;
          });
      case "list" -> list(req, def, store, namespace, fmt);
      case "watch" -> watches.watch(req, def, store, namespace, QueryOptions.list(req.params(), true), fmt);
      case "create" -> create(req, def, store, namespace, body, fmt);
      case "update" -> update(req, def, store, namespace, name, body, fmt);
      case "patch" -> patches.patch(req, def, store, namespace, name, "", body, fmt);
      case "delete" -> deletes.delete(req, def, store, namespace, name, body, fmt);
      case "deletecollection" -> deletes.deleteCollection(req, def, store, namespace, body, fmt);
      default -> throw ApiException.methodNotAllowed();
    };
  }

  /**
   * Which paths exist, as kube-apiserver's routes: namespaced items only under a namespace;
   * cluster-wide collections only for list and watch; cluster-scoped resources never under one.
   */
  private static void checkRoute(ResourceDefinition def, RequestInfo info, String namespace) {
    if (def.namespaced()) {
      if (namespace.isEmpty()) {
        if (!info.name().isEmpty()) {
          throw ApiException.routeNotFound();
        }
        if (!info.verb().equals("list") && !info.verb().equals("watch")) {
          throw ApiException.methodNotAllowed();
        }
      }
    } else if (!info.namespace().isEmpty() && !def.resource().equals("namespaces")) {
      throw ApiException.routeNotFound();
    }
    // An item path takes GET, PUT, PATCH and DELETE; POST goes to the collection (or to a
    // subresource such as pods/binding).
    if (info.verb().equals("create") && !info.name().isEmpty() && info.subresource().isEmpty()) {
      throw ApiException.methodNotAllowed();
    }
  }

  private Future<Void> list(
      HttpServerRequest req,
      ResourceDefinition def,
      ResourceStore store,
      String namespace,
      OutputFormat fmt) {
    ListOptions opts = QueryOptions.list(req.params(), false);
    if (opts.watch()) {
      return watches.watch(req, def, store, namespace, opts, fmt);
    }
    return store.list(namespace, opts).map(l -> {
      ResponseWriter.list(req, def, l, fmt);
      return null;
    });
  }

  private Future<Void> create(
      HttpServerRequest req,
      ResourceDefinition def,
      ResourceStore store,
      String namespace,
      Buffer body,
      OutputFormat fmt) {
    WriteOptions opts = QueryOptions.write(req);
    JsonNode tree = BodyDecoder.parse(body, req.getHeader("Content-Type"), def.kind());
    HasMetadata obj = BodyDecoder.decode(def, def.kind(), tree, opts, req.response());
    checkNamespace(def, obj, namespace);
    return store.create(namespace, obj, opts).map(created -> {
      ResponseWriter.object(req, 201, def, created, fmt);
      return null;
    });
  }

  private Future<Void> update(
      HttpServerRequest req,
      ResourceDefinition def,
      ResourceStore store,
      String namespace,
      String name,
      Buffer body,
      OutputFormat fmt) {
    WriteOptions opts = QueryOptions.write(req);
    JsonNode tree = BodyDecoder.parse(body, req.getHeader("Content-Type"), def.kind());
    HasMetadata obj = BodyDecoder.decode(def, def.kind(), tree, opts, req.response());
    checkName(obj, name);
    checkNamespace(def, obj, namespace);
    return store.update(namespace, name, obj, opts).map(updated -> {
      ResponseWriter.object(req, 200, def, updated, fmt);
      return null;
    });
  }

  private Future<Void> subresource(
      HttpServerRequest req,
      ResourceDefinition def,
      ResourceStore store,
      Subresource sub,
      String namespace,
      String name,
      Buffer body) {
    OutputFormat fmt = OutputFormat.negotiate(req.getHeader("Accept"));
    if (sub.name().equals("scale")) {
      return scales.handle(req, store, namespace, name, body, fmt);
    }
    if (sub.name().equals("binding")) {
      return bindings.create(req, def, store, namespace, name, body);
    }
    if (sub.name().equals("log")) {
      return podLogs.get(req, namespace, name);
    }
    if (def.kind().equals("Pod")
        && (sub.name().equals("exec") || sub.name().equals("attach")
            || sub.name().equals("portforward"))) {
      return podStreams.connect(req, sub.name(), namespace, name);
    }
    switch (req.method().name()) {
      case "GET":
        return store.get(namespace, name).map(o -> {
          ResponseWriter.stored(req, def, o.value(), fmt);
          return null;
        });
      case "PATCH":
        return patches.patch(req, def, store, namespace, name, sub.name(), body, fmt);
      default:
        WriteOptions opts = QueryOptions.write(req);
        JsonNode tree = BodyDecoder.parse(body, req.getHeader("Content-Type"), sub.kind());
        HasMetadata obj = BodyDecoder.decode(def, sub.kind(), tree, opts, req.response());
        checkName(obj, name);
        checkNamespace(def, obj, namespace);
        return store
            .updateSubresource(namespace, name, sub.name(), obj, opts)
            .map(updated -> {
              ResponseWriter.object(req, 200, def, updated, fmt);
              return null;
            });
    }
  }

  static void checkName(HasMetadata obj, String urlName) {
    String bodyName = obj.getMetadata() == null ? null : obj.getMetadata().getName();
    if (bodyName != null && !bodyName.isEmpty() && !bodyName.equals(urlName)) {
      throw ApiException.badRequest(
          "the name of the object (" + bodyName + ") does not match the name on the URL (" + urlName + ")");
    }
    if (obj.getMetadata() != null && (bodyName == null || bodyName.isEmpty())) {
      obj.getMetadata().setName(urlName);
    }
  }

  /** The body's namespace must match the URL's; cluster-scoped objects lose any namespace. */
  static void checkNamespace(ResourceDefinition def, HasMetadata obj, String urlNamespace) {
    if (obj.getMetadata() == null) {
      return;
    }
    String bodyNs = obj.getMetadata().getNamespace();
    if (!def.namespaced()) {
      obj.getMetadata().setNamespace(null);
      return;
    }
    if (bodyNs != null && !bodyNs.isEmpty() && !bodyNs.equals(urlNamespace)) {
      throw ApiException.badRequest(
          "the namespace of the provided object does not match the namespace sent on the request");
    }
  }
}
