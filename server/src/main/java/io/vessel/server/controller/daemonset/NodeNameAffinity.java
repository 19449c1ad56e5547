package io.vessel.server.controller.daemonset;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;

/**
 * How a daemon pod is tied to its node: not by {@code spec.nodeName}, but by a required node
 * affinity {@code matchFields metadata.name In [node]} that the default scheduler honours, so the
 * scheduler still checks resources and ports and reports why a pod does not fit.
 */
final class NodeNameAffinity {
  static final String NAME_FIELD = "metadata.name";

  private NodeNameAffinity() {}

  /**
   * Upstream's ReplaceDaemonSetPodNodeNameNodeAffinity: the required terms become the single
   * node-name term. Dropping the template's own terms is safe because the controller only places
   * pods on nodes those terms already matched; preferred terms are kept.
   */
  static Affinity replace(Affinity affinity, String node) {
    NodeSelectorRequirement byName = new NodeSelectorRequirement();
    byName.setKey(NAME_FIELD);
    byName.setOperator("In");
    byName.setValues(List.of(node));
    NodeSelectorTerm term = new NodeSelectorTerm();
    term.setMatchFields(List.of(byName));
    Affinity out = affinity == null ? new Affinity() : affinity;
    if (out.getNodeAffinity() == null) {
      out.setNodeAffinity(new NodeAffinity());
    }
    NodeSelector required = out.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
    if (required == null) {
      required = new NodeSelector();
      out.getNodeAffinity().setRequiredDuringSchedulingIgnoredDuringExecution(required);
    }
    required.setNodeSelectorTerms(List.of(term));
    return out;
  }

  /**
   * The node a daemon pod belongs to (upstream's GetTargetNodeName): its {@code nodeName} once
   * bound, else the single value of its {@code metadata.name In} field term; empty when neither
   * names one node.
   */
  static Optional<String> targetNode(Pod pod) {
    if (pod.getSpec() == null) {
      return Optional.empty();
    }
    String bound = pod.getSpec().getNodeName();
    if (bound != null && !bound.isEmpty()) {
      return Optional.of(bound);
    }
    Affinity affinity = pod.getSpec().getAffinity();
    if (affinity == null
        || affinity.getNodeAffinity() == null
        || affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
      return Optional.empty();
    }
    List<NodeSelectorTerm> terms =
        affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
    for (NodeSelectorTerm term : terms == null ? List.<NodeSelectorTerm>of() : terms) {
      for (NodeSelectorRequirement r : term.getMatchFields() == null ? List.<NodeSelectorRequirement>of() : term.getMatchFields()) {
        if (NAME_FIELD.equals(r.getKey()) && "In".equals(r.getOperator())) {
          return r.getValues() != null && r.getValues().size() == 1
              ? Optional.of(r.getValues().get(0))
              : Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
