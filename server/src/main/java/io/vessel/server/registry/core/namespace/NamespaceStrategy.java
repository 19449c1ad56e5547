package io.vessel.server.registry.core.namespace;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceSpec;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.vessel.server.registry.Strategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Namespace rules: DNS-1123 label names, the {@code kubernetes.io/metadata.name} label, phase
 * Active, and the {@code kubernetes} finalizer that keeps a deleted namespace Terminating until its
 * content is gone. spec.finalizers changes only through {@code /finalize}, status only through
 * {@code /status}.
 */
public final class NamespaceStrategy implements Strategy<Namespace> {
  public static final String FINALIZER = "kubernetes";
  public static final String NAME_LABEL = "kubernetes.io/metadata.name";

  @Override
  public NameRule nameRule() {
    return NameRule.DNS1123_LABEL;
  }

  @Override
  public void prepareForCreate(Namespace ns) {
    ns.setStatus(new NamespaceStatus(null, "Active"));
    NamespaceSpec spec = ns.getSpec() == null ? new NamespaceSpec() : ns.getSpec();
    List<String> finalizers =
        spec.getFinalizers() == null ? new ArrayList<>() : new ArrayList<>(spec.getFinalizers());
    if (!finalizers.contains(FINALIZER)) {
      finalizers.add(FINALIZER);
    }
    spec.setFinalizers(finalizers);
    ns.setSpec(spec);
    enforceNameLabel(ns);
  }

  @Override
  public void prepareForUpdate(Namespace ns, Namespace old) {
    ns.setSpec(old.getSpec());
    enforceNameLabel(ns);
  }

  @Override
  public Namespace subresourceUpdate(String subresource, Namespace requested, Namespace current) {
    if ("finalize".equals(subresource)) {
      NamespaceSpec spec = current.getSpec() == null ? new NamespaceSpec() : current.getSpec();
      spec.setFinalizers(requested.getSpec() == null ? List.of() : requested.getSpec().getFinalizers());
      current.setSpec(spec);
      return current;
    }
    current.setStatus(requested.getStatus());
    return current;
  }

  @Override
  public boolean finalizesOnDelete(Namespace ns) {
    return ns.getSpec() != null
        && ns.getSpec().getFinalizers() != null
        && !ns.getSpec().getFinalizers().isEmpty();
  }

  @Override
  public void prepareForDelete(Namespace ns) {
    NamespaceStatus status = ns.getStatus() == null ? new NamespaceStatus() : ns.getStatus();
    status.setPhase("Terminating");
    ns.setStatus(status);
  }

  private static void enforceNameLabel(Namespace ns) {
    Map<String, String> labels =
        ns.getMetadata().getLabels() == null
            ? new HashMap<>()
            : new HashMap<>(ns.getMetadata().getLabels());
    labels.put(NAME_LABEL, ns.getMetadata().getName());
    ns.getMetadata().setLabels(new java.util.TreeMap<>(labels));
  }
}
