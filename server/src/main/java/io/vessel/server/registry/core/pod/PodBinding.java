package io.vessel.server.registry.core.pod;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.vertx.core.Future;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.GroupResource;
import io.vessel.server.api.StatusCause;
import io.vessel.server.registry.ResourceStore;
import io.vessel.server.registry.SystemMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code pods/binding} subresource, as upstream's BindingREST: assigns an unassigned pod to the
 * node a Binding names, merges the Binding's annotations into the pod and records {@code
 * PodScheduled=True}. It writes storage directly, around the pod strategy (whose update validation
 * forbids changing {@code spec.nodeName}), conditioned on the Binding's uid and resourceVersion
 * when it carries them.
 *
 * <p>Failures are upstream's: 400 when the Binding names another pod, 500 for an invalid target
 * (upstream validates outside any strategy and returns the bare aggregate), 404 for a missing pod,
 * and 409 Conflict on {@code pods/binding} for a pod that is already assigned, being deleted or
 * still gated.
 */
public final class PodBinding {
  private static final GroupResource PODS = new GroupResource("", "pods");
  private static final GroupResource BINDINGS = new GroupResource("", "pods/binding");

  private PodBinding() {}

  /** Binds {@code urlName} in {@code namespace} as {@code binding} says. */
  public static Future<Void> bind(
      ResourceStore pods, String namespace, String urlName, Binding binding, boolean dryRun) {
    String bodyName = binding.getMetadata() == null ? null : binding.getMetadata().getName();
    if (!urlName.equals(bodyName)) {
      throw ApiException.badRequest("name in URL does not match name in Binding object");
    }
    validate(binding.getTarget());
    String node = binding.getTarget().getName();
    String uid = binding.getMetadata().getUid();
    String rv = binding.getMetadata().getResourceVersion();
    var annotations = binding.getMetadata().getAnnotations();
    return pods.updateStored(
            namespace,
            urlName,
            current -> assign((Pod) current, node, uid, rv, annotations),
            dryRun)
        .mapEmpty();
  }

  /** Upstream's ValidatePodBinding: the target is a Node, by name. */
  static void validate(ObjectReference target) {
    FieldErrors errors = new FieldErrors();
    String kind = target == null ? null : target.getKind();
    if (kind != null && !kind.isEmpty() && !kind.equals("Node")) {
      errors.notSupported("target.kind", kind, List.of("Node", "<empty>"));
    }
    if (target == null || target.getName() == null || target.getName().isEmpty()) {
      errors.required("target.name", "");
    }
    if (errors.isEmpty()) {
      return;
    }
    List<StatusCause> causes = errors.causes();
    List<String> texts = new ArrayList<>();
    for (StatusCause c : causes) {
      texts.add(c.field() + ": " + c.message());
    }
    String message = texts.size() == 1 ? texts.get(0) : "[" + String.join(", ", texts) + "]";
    throw new ApiException(500, "", message, ApiException.Details.NONE);
  }

  /** The pod bound to {@code node}; throws the upstream Conflict when it cannot be. */
  static HasMetadata assign(
      Pod pod, String node, String uid, String rv, Map<String, String> annotations) {
    String name = pod.getMetadata().getName();
    if (uid != null && !uid.isEmpty() && !uid.equals(pod.getMetadata().getUid())) {
      throw ApiException.conflict(
          PODS,
          name,
          "Precondition failed: UID in precondition: "
              + uid
              + ", UID in object meta: "
              + pod.getMetadata().getUid());
    }
    if (rv != null && !rv.isEmpty() && !rv.equals(pod.getMetadata().getResourceVersion())) {
      throw ApiException.conflict(
          PODS,
          name,
          "Precondition failed: ResourceVersion in precondition: "
              + rv
              + ", ResourceVersion in meta: "
              + pod.getMetadata().getResourceVersion());
    }
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      throw ApiException.conflict(
          BINDINGS, name, "pod " + name + " is being deleted, cannot be assigned to a host");
    }
    String assigned = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    if (assigned != null && !assigned.isEmpty()) {
      throw ApiException.conflict(
          BINDINGS, name, "pod " + name + " is already assigned to node \"" + assigned + "\"");
    }
    if (pod.getSpec() != null
        && pod.getSpec().getSchedulingGates() != null
        && !pod.getSpec().getSchedulingGates().isEmpty()) {
      throw ApiException.conflict(
          BINDINGS, name, "pod " + name + " has non-empty .spec.schedulingGates");
    }
    pod.getSpec().setNodeName(node);
    if (annotations != null && !annotations.isEmpty()) {
      var merged =
          pod.getMetadata().getAnnotations() == null
              ? new HashMap<String, String>()
              : new HashMap<>(pod.getMetadata().getAnnotations());
      merged.putAll(annotations);
      pod.getMetadata().setAnnotations(merged);
    }
    setScheduled(pod);
    return pod;
  }

  /**
   * Upstream's UpdatePodCondition with {@code PodScheduled=True}: the condition replaces any
   * earlier one (dropping an Unschedulable reason and message); its transition time moves only
   * when the status changes.
   */
  static void setScheduled(Pod pod) {
    if (pod.getStatus() == null) {
      pod.setStatus(new PodStatus());
    }
    List<PodCondition> conditions =
        pod.getStatus().getConditions() == null
            ? new ArrayList<>()
            : new ArrayList<>(pod.getStatus().getConditions());
    PodCondition scheduled = new PodCondition();
    scheduled.setType("PodScheduled");
    scheduled.setStatus("True");
    scheduled.setLastTransitionTime(SystemMetadata.now());
    for (int i = 0; i < conditions.size(); i++) {
      PodCondition old = conditions.get(i);
      if (Objects.equals(old.getType(), "PodScheduled")) {
        if (Objects.equals(old.getStatus(), "True")) {
          scheduled.setLastTransitionTime(old.getLastTransitionTime());
        }
        conditions.set(i, scheduled);
        pod.getStatus().setConditions(conditions);
        return;
      }
    }
    conditions.add(scheduled);
    pod.getStatus().setConditions(conditions);
  }
}
