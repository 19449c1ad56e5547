package io.vessel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.ListOptions;
import io.vessel.server.api.NestingDepth;
import io.vessel.server.api.Serialization;
import io.vessel.server.api.protobuf.KubeProtobuf;
import io.vessel.server.registry.Deletion;
import io.vessel.server.registry.GarbageCollectionPolicy;
import io.vessel.server.registry.ListResult;
import io.vessel.server.registry.ObjectCodec;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.ResourceStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** DELETE of one object and of a collection; DeleteOptions from the body and the query. */
final class DeleteHandler {
  private static final List<String> POLICIES = List.of("Foreground", "Background", "Orphan");
  /** Resources whose immediate delete answers with the object rather than a success Status. */
  private static final Set<String> RETURN_DELETED = Set.of("namespaces", "services", "pods");
  /** Upstream's warning when a delete leaves a batch/v1 Job's pods to its orphaning default. */
  static final String ORPHAN_DEFAULT_WARNING =
      "child pods are preserved by default when jobs are deleted; set propagationPolicy=Background"
          + " to remove them or set propagationPolicy=Orphan to suppress this warning";

  Future<Void> delete(
      HttpServerRequest req,
      ResourceDefinition def,
      ResourceStore store,
      String namespace,
      String name,
      Buffer body,
      OutputFormat fmt) {
    DeleteOptions opts = options(req, body);
    warnOrphanDefault(req, def, opts);
    return store.delete(namespace, name, opts).map(outcome -> {
      respond(req, def, outcome, opts.getOrphanDependents(), fmt);
      return null;
    });
  }

  private static void respond(
      HttpServerRequest req,
      ResourceDefinition def,
      Deletion.Outcome outcome,
      Boolean orphanDependents,
      OutputFormat fmt) {
    HasMetadata obj = outcome.object();
    if (outcome.deleted() && !RETURN_DELETED.contains(def.resource())) {
      ResponseWriter.json(
          req.response(),
          200,
          "application/json",
          StatusResponder.success(
              obj.getMetadata().getName(), def.group(), def.resource(), obj.getMetadata().getUid()));
      return;
    }
    // 202 only when the client asked for dependents to go first (orphanDependents=false) and the
    // object stays for now, as kube-apiserver answers; other pending deletes are 200.
    boolean accepted = Boolean.FALSE.equals(orphanDependents);
    ResponseWriter.object(req, accepted ? 202 : 200, def, obj, fmt);
  }

  /** Jobs orphan their pods unless told otherwise; upstream says so in a Warning header. */
  private static void warnOrphanDefault(
      HttpServerRequest req, ResourceDefinition def, DeleteOptions opts) {
    if (opts.getPropagationPolicy() == null
        && opts.getOrphanDependents() == null
        && def.strategy().defaultGarbageCollectionPolicy()
            == GarbageCollectionPolicy.ORPHAN_DEPENDENTS) {
      ResponseWriter.warn(req.response(), ORPHAN_DEFAULT_WARNING);
    }
  }

  Future<Void> deleteCollection(
      HttpServerRequest req,
      ResourceDefinition def,
      ResourceStore store,
      String namespace,
      Buffer body,
      OutputFormat fmt) {
    DeleteOptions opts = options(req, body);
    warnOrphanDefault(req, def, opts);
    ListOptions listOpts = QueryOptions.list(req.params(), false);
    return store
        .list(namespace, listOpts)
        .compose(
            list -> {
              List<Future<Deletion.Outcome>> deletes = new ArrayList<>();
              for (byte[] item : list.items()) {
                HasMetadata obj = ObjectCodec.decode(item, def.type());
                deletes.add(
                    store
                        .delete(obj.getMetadata().getNamespace(), obj.getMetadata().getName(), opts)
                        .recover(t -> t instanceof ApiException ae && ae.code() == 404
                            ? Future.succeededFuture(null)
                            : Future.failedFuture(t)));
              }
              return Future.all(deletes)
                  .map(
                      all -> {
                        List<byte[]> gone = new ArrayList<>();
                        for (Future<Deletion.Outcome> f : deletes) {
                          if (f.result() != null) {
                            gone.add(ObjectCodec.encode(f.result().object()));
                          }
                        }
                        ResponseWriter.list(req, def, new ListResult(list.rv(), gone, null, null), fmt);
                        return null;
                      });
            });
  }

  /** Merges the optional body with the query parameters kubectl and client-go may send. */
  static DeleteOptions options(HttpServerRequest req, Buffer body) {
    DeleteOptions opts = new DeleteOptions();
    if (body != null && body.length() > 0) {
      try {
        String type = String.valueOf(req.getHeader("Content-Type"));
        JsonNode tree =
            type.startsWith(KubeProtobuf.MEDIA_TYPE)
                ? KubeProtobuf.toJson(body.getBytes())
                : Serialization.json().readTree(body.getBytes());
        String tooDeep = tree == null ? null : NestingDepth.violation(tree);
        if (tooDeep != null) {
          throw new IOException(tooDeep);
        }
        if (tree != null && tree.isObject()) {
          opts = Serialization.decode(tree, DeleteOptions.class).value();
        }
      } catch (IOException e) {
        throw ApiException.badRequest("error decoding DeleteOptions: " + e.getMessage());
      }
    }
    String grace = req.getParam("gracePeriodSeconds");
    if (grace != null) {
      opts.setGracePeriodSeconds(QueryOptions.longParam(req.params(), "gracePeriodSeconds", 0));
    }
    String policy = req.getParam("propagationPolicy");
    if (policy != null) {
      opts.setPropagationPolicy(policy);
    }
    String orphan = req.getParam("orphanDependents");
    if (orphan != null) {
      opts.setOrphanDependents(QueryOptions.bool(orphan));
    }
    List<String> dryRun = req.params().getAll("dryRun");
    if (!dryRun.isEmpty()) {
      QueryOptions.write(req.params());
      opts.setDryRun(dryRun);
    }
    FieldErrors errors = new FieldErrors();
    if (opts.getPropagationPolicy() != null && !POLICIES.contains(opts.getPropagationPolicy())) {
      errors.notSupported("propagationPolicy", opts.getPropagationPolicy(), POLICIES);
    }
    if (opts.getPropagationPolicy() != null && opts.getOrphanDependents() != null) {
      errors.invalid(
          "propagationPolicy",
          opts.getPropagationPolicy(),
          "orphanDependents and deletionPropagation cannot be both set");
    }
    if (opts.getGracePeriodSeconds() != null && opts.getGracePeriodSeconds() < 0) {
      errors.invalid("gracePeriodSeconds", opts.getGracePeriodSeconds(), "must be greater than or equal to 0");
    }
    errors.throwIfAny("DeleteOptions", "meta.k8s.io", "");
    return opts;
  }
}
