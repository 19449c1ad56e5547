package io.vessel.server.registry.core.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * NAME, STATUS, ROLES, AGE, VERSION (+ INTERNAL-IP, EXTERNAL-IP, OS-IMAGE, KERNEL-VERSION,
 * CONTAINER-RUNTIME wide).
 */
public final class NodeTable implements TableConvertor<Node> {
  static final String ROLE_PREFIX = "node-role.kubernetes.io/";
  static final String ROLE_LABEL = "kubernetes.io/role";
  private static final String UNKNOWN = "<unknown>";
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Status", "The status of the node"),
          TableColumn.text("Roles", "The roles of the node"),
          TableColumn.ageColumn(),
          TableColumn.text("Version", "The kubelet version of the node."),
          TableColumn.wide("Internal-IP", "The node's first internal IP address."),
          TableColumn.wide("External-IP", "The node's first external IP address."),
          TableColumn.wide("OS-Image", "The operating system image of the node."),
          TableColumn.wide("Kernel-Version", "The kernel version of the node."),
          TableColumn.wide("Container-Runtime", "The container runtime of the node."));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Node node, Instant now) {
    NodeSystemInfo info =
        node.getStatus() == null || node.getStatus().getNodeInfo() == null
            ? new NodeSystemInfo()
            : node.getStatus().getNodeInfo();
    return List.of(
        node.getMetadata().getName(),
        status(node),
        roles(node.getMetadata().getLabels()),
        Ages.of(node, now),
        TableCells.orEmpty(info.getKubeletVersion()),
        address(node, "InternalIP"),
        address(node, "ExternalIP"),
        orUnknown(info.getOsImage()),
        orUnknown(info.getKernelVersion()),
        orUnknown(info.getContainerRuntimeVersion()));
  }

  /** Ready / NotReady / Unknown from the Ready condition, plus SchedulingDisabled if cordoned. */
  static String status(Node node) {
    List<String> parts = new ArrayList<>();
    if (node.getStatus() != null && node.getStatus().getConditions() != null) {
      for (NodeCondition c : node.getStatus().getConditions()) {
        if ("Ready".equals(c.getType())) {
          parts.clear();
          parts.add("True".equals(c.getStatus()) ? "Ready" : "NotReady");
        }
      }
    }
    if (parts.isEmpty()) {
      parts.add("Unknown");
    }
    if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
      parts.add("SchedulingDisabled");
    }
    return String.join(",", parts);
  }

  /** Roles from {@code node-role.kubernetes.io/<role>} keys and {@code kubernetes.io/role}. */
  static String roles(Map<String, String> labels) {
    TreeSet<String> roles = new TreeSet<>();
    if (labels != null) {
      for (Map.Entry<String, String> e : labels.entrySet()) {
        if (e.getKey().startsWith(ROLE_PREFIX)) {
          String role = e.getKey().substring(ROLE_PREFIX.length());
          if (!role.isEmpty()) {
            roles.add(role);
          }
        } else if (e.getKey().equals(ROLE_LABEL) && !TableCells.orEmpty(e.getValue()).isEmpty()) {
          roles.add(e.getValue());
        }
      }
    }
    return roles.isEmpty() ? TableCells.NONE : String.join(",", roles);
  }

  private static String address(Node node, String type) {
    if (node.getStatus() != null && node.getStatus().getAddresses() != null) {
      for (NodeAddress a : node.getStatus().getAddresses()) {
        if (type.equals(a.getType())) {
          return a.getAddress();
        }
      }
    }
    return TableCells.NONE;
  }

  private static String orUnknown(String s) {
    return s == null || s.isEmpty() ? UNKNOWN : s;
  }
}
