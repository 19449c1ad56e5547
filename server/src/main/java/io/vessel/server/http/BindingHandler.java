package io.vessel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Binding;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vessel.server.api.Serialization;
import io.vessel.server.api.WriteOptions;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.ResourceStore;
import io.vessel.server.registry.core.pod.PodBinding;

/**
 * POST {@code pods/{name}/binding}: decodes the v1 Binding and answers as kube-apiserver's create
 * handler does for a subresource that returns a bare Status: 201 with {@code status: Success} and
 * {@code code: 201}.
 */
final class BindingHandler {

  Future<Void> create(
      HttpServerRequest req,
      ResourceDefinition pods,
      ResourceStore store,
      String namespace,
      String name,
      Buffer body) {
    WriteOptions opts = QueryOptions.write(req);
    JsonNode tree = BodyDecoder.parse(body, req.getHeader("Content-Type"), "Binding");
    Binding binding =
        BodyDecoder.decode(pods, "Binding", Binding.class, tree, opts, req.response());
    return PodBinding.bind(store, namespace, name, binding, opts.dryRun())
        .map(
            v -> {
              ResponseWriter.json(req.response(), 201, "application/json", created());
              return null;
            });
  }

  private static ObjectNode created() {
    ObjectNode s = Serialization.json().createObjectNode();
    s.put("kind", "Status");
    s.put("apiVersion", "v1");
    s.putObject("metadata");
    s.put("status", "Success");
    s.put("code", 201);
    return s;
  }
}
