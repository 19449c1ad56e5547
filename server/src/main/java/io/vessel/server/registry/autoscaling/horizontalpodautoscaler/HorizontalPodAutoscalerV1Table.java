package io.vessel.server.registry.autoscaling.horizontalpodautoscaler;

import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** The autoscaling/v1 view prints the same table, from its v2 form. */
public final class HorizontalPodAutoscalerV1Table
    implements TableConvertor<HorizontalPodAutoscaler> {
  private final HorizontalPodAutoscalerTable table = new HorizontalPodAutoscalerTable();
  private final HorizontalPodAutoscalerV1Conversion conversion =
      new HorizontalPodAutoscalerV1Conversion();

  @Override
  public List<TableColumn> columns() {
    return table.columns();
  }

  @Override
  public List<Object> cells(HorizontalPodAutoscaler hpa, Instant now) {
    return table.cells(conversion.toStored(hpa), now);
  }
}
