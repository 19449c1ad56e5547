package io.vessel.server.scheduler;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import java.util.List;
import java.util.Map;

/**
 * A pod's {@code nodeSelector} and node affinity against a node, as upstream's component-helpers
 * nodeaffinity: terms are ORed, the requirements of a term ANDed, and a term with no requirement
 * matches nothing. Label operators are In, NotIn, Exists, DoesNotExist, Gt and Lt (one integer
 * value, compared with the label read as an integer); field requirements take {@code
 * metadata.name} with In or NotIn. A malformed requirement matches nothing. The DaemonSet controller
 * decides where its pods belong with the same rules, so that it never disagrees with the scheduler.
 */
public final class NodeSelectors {
  private NodeSelectors() {}

  /** The NodeAffinity filter: the pod's nodeSelector and its required node affinity. */
  public static boolean podFits(Pod pod, Node node) {
    Map<String, String> labels = labels(node);
    Map<String, String> selector = pod.getSpec().getNodeSelector();
    if (selector != null) {
      for (Map.Entry<String, String> e : selector.entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    Affinity affinity = pod.getSpec().getAffinity();
    if (affinity == null || affinity.getNodeAffinity() == null) {
      return true;
    }
    NodeSelector required =
        affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
    return required == null || matchesAny(required.getNodeSelectorTerms(), node);
  }

  /** The sum of the weights of the pod's preferred node affinity terms this node matches. */
  static long preferredWeight(Pod pod, Node node) {
    Affinity affinity = pod.getSpec().getAffinity();
    if (affinity == null || affinity.getNodeAffinity() == null) {
      return 0;
    }
    List<PreferredSchedulingTerm> preferred =
        affinity.getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution();
    long sum = 0;
    for (PreferredSchedulingTerm t : PodInfo.list(preferred)) {
      if (t.getWeight() != null && t.getWeight() != 0 && matches(t.getPreference(), node)) {
        sum += t.getWeight();
      }
    }
    return sum;
  }

  static boolean matchesAny(List<NodeSelectorTerm> terms, Node node) {
    for (NodeSelectorTerm term : PodInfo.list(terms)) {
      if (matches(term, node)) {
        return true;
      }
    }
    return false;
  }

  static boolean matches(NodeSelectorTerm term, Node node) {
    if (term == null) {
      return false;
    }
    List<NodeSelectorRequirement> expressions = PodInfo.list(term.getMatchExpressions());
    List<NodeSelectorRequirement> fields = PodInfo.list(term.getMatchFields());
    if (expressions.isEmpty() && fields.isEmpty()) {
      return false;
    }
    Map<String, String> labels = labels(node);
    for (NodeSelectorRequirement r : expressions) {
      if (!matchesLabel(r, labels)) {
        return false;
      }
    }
    for (NodeSelectorRequirement r : fields) {
      if (!matchesField(r, node.getMetadata().getName())) {
        return false;
      }
    }
    return true;
  }

  static boolean matchesLabel(NodeSelectorRequirement r, Map<String, String> labels) {
    List<String> values = PodInfo.list(r.getValues());
    String value = labels.get(r.getKey());
    String op = r.getOperator() == null ? "" : r.getOperator();
    return switch (op) {
      case "In" -> !values.isEmpty() && value != null && values.contains(value);
      case "NotIn" -> !values.isEmpty() && (value == null || !values.contains(value));
      case "Exists" -> values.isEmpty() && value != null;
      case "DoesNotExist" -> values.isEmpty() && value == null;
      case "Gt", "Lt" -> {
        if (values.size() != 1 || value == null) {
          yield false;
        }
        Long bound = parse(values.get(0));
        Long actual = parse(value);
        yield bound != null
            && actual != null
            && (op.equals("Gt") ? actual > bound : actual < bound);
      }
      default -> false;
    };
  }

  static boolean matchesField(NodeSelectorRequirement r, String nodeName) {
    if (!"metadata.name".equals(r.getKey())) {
      return false;
    }
    List<String> values = PodInfo.list(r.getValues());
    return switch (r.getOperator() == null ? "" : r.getOperator()) {
      case "In" -> values.contains(nodeName);
      case "NotIn" -> !values.isEmpty() && !values.contains(nodeName);
      default -> false;
    };
  }

  private static Long parse(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Map<String, String> labels(Node node) {
    Map<String, String> labels = node.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }
}
