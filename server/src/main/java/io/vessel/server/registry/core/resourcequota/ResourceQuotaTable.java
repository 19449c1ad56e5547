package io.vessel.server.registry.core.resourcequota;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * NAME, AGE, REQUEST, LIMIT: each hard limit as {@code resource: used/hard}, the {@code limits.*}
 * ones under LIMIT and all others under REQUEST, sorted by resource name.
 */
public final class ResourceQuotaTable implements TableConvertor<ResourceQuota> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.ageColumn(),
          TableColumn.text("Request", "Used and hard amounts of requests and object counts."),
          TableColumn.text("Limit", "Used and hard amounts of limits."));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(ResourceQuota q, Instant now) {
    Map<String, Quantity> hard = q.getStatus() == null ? null : q.getStatus().getHard();
    Map<String, Quantity> used = q.getStatus() == null ? null : q.getStatus().getUsed();
    List<String> requests = new ArrayList<>();
    List<String> limits = new ArrayList<>();
    if (hard != null) {
      for (Map.Entry<String, Quantity> e : new TreeMap<>(hard).entrySet()) {
        Quantity u = used == null ? null : used.get(e.getKey());
        String cell = e.getKey() + ": " + (u == null ? "0" : u.toString()) + "/" + e.getValue();
        (e.getKey().startsWith("limits.") ? limits : requests).add(cell);
      }
    }
    return List.of(
        q.getMetadata().getName(),
        Ages.of(q, now),
        String.join(", ", requests),
        String.join(", ", limits));
  }
}
