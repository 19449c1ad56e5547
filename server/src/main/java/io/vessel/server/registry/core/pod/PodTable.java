package io.vessel.server.registry.core.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodReadinessGate;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/**
 * NAME, READY, STATUS, RESTARTS, AGE (+ IP, NODE, NOMINATED NODE, READINESS GATES wide), as
 * kube-apiserver prints pods; the status logic lives in {@link PodStatusSummary}.
 */
public final class PodTable implements TableConvertor<Pod> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Ready", "Ready containers of the pod, out of all of them."),
          TableColumn.text("Status", "The aggregate status of the pod's containers."),
          TableColumn.text("Restarts", "Container restarts, and how long ago the last one was."),
          TableColumn.ageColumn(),
          TableColumn.wide("IP", "The pod's first IP address."),
          TableColumn.wide("Node", "The node the pod is bound to."),
          TableColumn.wide("Nominated Node", "The node the scheduler nominated for preemption."),
          TableColumn.wide("Readiness Gates", "True readiness gates, out of all of them."));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Pod pod, Instant now) {
    PodStatusSummary summary = PodStatusSummary.of(pod);
    var status = pod.getStatus();
    String ip =
        status == null || status.getPodIPs() == null || status.getPodIPs().isEmpty()
            ? null
            : status.getPodIPs().get(0).getIp();
    if (ip == null && status != null) {
      ip = status.getPodIP();
    }
    return List.of(
        pod.getMetadata().getName(),
        summary.readyCell(),
        summary.reason(),
        summary.restartsCell(now),
        Ages.of(pod, now),
        TableCells.orNone(ip),
        TableCells.orNone(pod.getSpec() == null ? null : pod.getSpec().getNodeName()),
        TableCells.orNone(status == null ? null : status.getNominatedNodeName()),
        readinessGates(pod));
  }

  static String readinessGates(Pod pod) {
    List<PodReadinessGate> gates =
        pod.getSpec() == null ? List.of() : PodSpecDefaults.list(pod.getSpec().getReadinessGates());
    if (gates.isEmpty()) {
      return TableCells.NONE;
    }
    List<PodCondition> conditions =
        pod.getStatus() == null ? List.of() : PodSpecDefaults.list(pod.getStatus().getConditions());
    int trueCount = 0;
    for (PodReadinessGate gate : gates) {
      for (PodCondition c : conditions) {
        if (c.getType().equals(gate.getConditionType())) {
          if ("True".equals(c.getStatus())) {
            trueCount++;
          }
          break;
        }
      }
    }
    return trueCount + "/" + gates.size();
  }
}
