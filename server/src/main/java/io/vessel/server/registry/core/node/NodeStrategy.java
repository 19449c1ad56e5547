package io.vessel.server.registry.core.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.LinkedHashMap;

/**
 * Node rules: a node agent registers its node with a status, so create keeps it (unlike most status
 * kinds); allocatable defaults to capacity. Nodes track no generation.
 */
public final class NodeStrategy extends BasicStrategy<Node> {

  public NodeStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, false, false);
  }

  @Override
  protected void applyDefaults(Node node) {
    NodeStatus status = node.getStatus();
    if (status != null
        && (status.getAllocatable() == null || status.getAllocatable().isEmpty())
        && status.getCapacity() != null
        && !status.getCapacity().isEmpty()) {
      status.setAllocatable(new LinkedHashMap<>(status.getCapacity()));
    }
  }

  @Override
  public Node subresourceUpdate(String subresource, Node requested, Node current) {
    applyDefaults(requested);
    current.setStatus(requested.getStatus());
    return current;
  }
}
