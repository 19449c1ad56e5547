package io.vessel.server.http.openapi;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.Subresource;
import java.util.Map;
import java.util.Optional;

/**
 * What a subresource's operations carry: the GVK of their bodies, the model class when there is
 * one, and how they behave. A subresource of the parent's kind (status, finalize) shares the
 * parent's schema; the others name a kind that may live in another group (scale is {@code
 * autoscaling/v1 Scale} under every group, eviction is {@code policy/v1 Eviction}), which the
 * catalog says or, for the well-known ones, this class knows.
 *
 * @param type the model class, empty for kinds that only name options (exec, attach, …)
 * @param connect whether this is a streaming "connect" subresource (exec, attach, portforward,
 *     proxy) whose responses are raw streams
 * @param text whether responses are plain text rather than objects (log)
 */
record SubresourceTarget(Gvk gvk, Optional<Class<?>> type, boolean connect, boolean text) {

  /** Kinds subresources carry that live in a group of their own, with their model classes. */
  private static final Map<String, SubresourceTarget> FOREIGN =
      Map.of(
          "Scale",
          model(new Gvk("autoscaling", "v1", "Scale"), Scale.class),
          "Eviction",
          model(new Gvk("policy", "v1", "Eviction"), Eviction.class),
          "Binding",
          model(new Gvk("", "v1", "Binding"), Binding.class),
          "TokenRequest",
          model(new Gvk("authentication.k8s.io", "v1", "TokenRequest"), TokenRequest.class));

  static SubresourceTarget of(ResourceDefinition parent, Subresource sub) {
    if (sub.name().equals("log")) {
      return new SubresourceTarget(parentGvk(parent, sub.kind()), Optional.empty(), false, true);
    }
    if (sub.foreignKind()) {
      Gvk gvk =
          new Gvk(
              sub.group().isEmpty() ? parent.group() : sub.group(),
              sub.version().isEmpty() ? parent.version() : sub.version(),
              sub.kind());
      SubresourceTarget known = FOREIGN.get(sub.kind());
      boolean same = known != null && known.gvk().equals(gvk);
      return new SubresourceTarget(gvk, same ? known.type() : Optional.empty(), false, false);
    }
    if (sub.kind().equals(parent.kind())) {
      return model(parentGvk(parent, sub.kind()), parent.type());
    }
    if (FOREIGN.containsKey(sub.kind())) {
      return FOREIGN.get(sub.kind());
    }
    // PodExecOptions, PodAttachOptions, PodPortForwardOptions, PodProxyOptions, NodeProxyOptions,
    // ServiceProxyOptions: the request is a stream or a proxied call, not an object.
    boolean connect = sub.kind().endsWith("Options");
    return new SubresourceTarget(parentGvk(parent, sub.kind()), Optional.empty(), connect, false);
  }

  private static Gvk parentGvk(ResourceDefinition parent, String kind) {
    return new Gvk(parent.group(), parent.version(), kind);
  }

  private static SubresourceTarget model(Gvk gvk, Class<?> type) {
    return new SubresourceTarget(gvk, Optional.of(type), false, false);
  }
}
