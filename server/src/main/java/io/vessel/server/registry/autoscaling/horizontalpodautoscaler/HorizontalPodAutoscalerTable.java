package io.vessel.server.registry.autoscaling.horizontalpodautoscaler;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricValueStatus;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** NAME, REFERENCE, TARGETS, MINPODS, MAXPODS, REPLICAS, AGE. */
public final class HorizontalPodAutoscalerTable implements TableConvertor<HorizontalPodAutoscaler> {
  private static final int MAX_TARGETS = 2;
  private static final String UNKNOWN = "<unknown>";
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Reference", "The object the autoscaler scales."),
          TableColumn.text("Targets", "Current values of the metrics, over their targets."),
          TableColumn.text("MinPods", "The fewest replicas the autoscaler sets."),
          TableColumn.text("MaxPods", "The most replicas the autoscaler sets."),
          TableColumn.text("Replicas", "The current number of replicas."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(HorizontalPodAutoscaler hpa, Instant now) {
    HorizontalPodAutoscalerSpec spec =
        hpa.getSpec() == null ? new HorizontalPodAutoscalerSpec() : hpa.getSpec();
    var ref = spec.getScaleTargetRef();
    String reference =
        (ref == null ? "" : TableCells.orEmpty(ref.getKind()))
            + "/"
            + (ref == null ? "" : TableCells.orEmpty(ref.getName()));
    List<MetricStatus> current =
        hpa.getStatus() == null || hpa.getStatus().getCurrentMetrics() == null
            ? List.of()
            : hpa.getStatus().getCurrentMetrics();
    return List.of(
        hpa.getMetadata().getName(),
        reference,
        targets(spec.getMetrics(), current),
        spec.getMinReplicas() == null ? "<unset>" : spec.getMinReplicas().toString(),
        TableCells.orZero(spec.getMaxReplicas()),
        hpa.getStatus() == null ? 0L : TableCells.orZero(hpa.getStatus().getCurrentReplicas()),
        Ages.of(hpa, now));
  }

  /** Each metric as {@code current/target}; the first two, then "+ N more...". */
  static String targets(List<MetricSpec> specs, List<MetricStatus> statuses) {
    if (specs == null || specs.isEmpty()) {
      return TableCells.NONE;
    }
    List<String> list = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      MetricStatus status = i < statuses.size() ? statuses.get(i) : null;
      list.add(target(specs.get(i), status));
    }
    String head = String.join(", ", list.subList(0, Math.min(MAX_TARGETS, list.size())));
    return list.size() > MAX_TARGETS
        ? head + " + " + (list.size() - MAX_TARGETS) + " more..."
        : head;
  }

  private static String target(MetricSpec spec, MetricStatus status) {
    String type = TableCells.orEmpty(spec.getType());
    switch (type) {
      case "External":
        return valueTarget(
            spec.getExternal() == null ? null : spec.getExternal().getTarget(),
            status == null || status.getExternal() == null
                ? null
                : status.getExternal().getCurrent());
      case "Object":
        return valueTarget(
            spec.getObject() == null ? null : spec.getObject().getTarget(),
            status == null || status.getObject() == null ? null : status.getObject().getCurrent());
      case "Pods":
        {
          MetricTarget t = spec.getPods() == null ? null : spec.getPods().getTarget();
          MetricValueStatus c =
              status == null || status.getPods() == null ? null : status.getPods().getCurrent();
          return quantity(c, MetricValueStatus::getAverageValue)
              + "/"
              + (t == null ? "" : str(t.getAverageValue()));
        }
      case "Resource":
        {
          var source = spec.getResource();
          MetricValueStatus c =
              status == null || status.getResource() == null
                  ? null
                  : status.getResource().getCurrent();
          return resourceTarget(
              source == null ? "" : source.getName(),
              source == null ? null : source.getTarget(),
              c);
        }
      case "ContainerResource":
        {
          var source = spec.getContainerResource();
          MetricValueStatus c =
              status == null || status.getContainerResource() == null
                  ? null
                  : status.getContainerResource().getCurrent();
          return resourceTarget(
              source == null ? "" : source.getName(),
              source == null ? null : source.getTarget(),
              c);
        }
      default:
        return "<unknown type>";
    }
  }

  private static String valueTarget(MetricTarget target, MetricValueStatus current) {
    if (target != null && target.getAverageValue() != null) {
      return quantity(current, MetricValueStatus::getAverageValue)
          + "/"
          + str(target.getAverageValue())
          + " (avg)";
    }
    return quantity(current, MetricValueStatus::getValue)
        + "/"
        + (target == null ? "" : str(target.getValue()));
  }

  private static String resourceTarget(
      String name, MetricTarget target, MetricValueStatus current) {
    if (target != null && target.getAverageValue() != null) {
      return name
          + ": "
          + quantity(current, MetricValueStatus::getAverageValue)
          + "/"
          + str(target.getAverageValue());
    }
    String now =
        current == null || current.getAverageUtilization() == null
            ? UNKNOWN
            : current.getAverageUtilization() + "%";
    String want =
        target == null || target.getAverageUtilization() == null
            ? "<auto>"
            : target.getAverageUtilization() + "%";
    return name + ": " + now + "/" + want;
  }

  private static String quantity(MetricValueStatus s, Function<MetricValueStatus, Quantity> get) {
    if (s == null || get.apply(s) == null) {
      return UNKNOWN;
    }
    return str(get.apply(s));
  }

  private static String str(Quantity q) {
    return q == null ? "" : q.toString();
  }
}
