package io.vessel.server.registry.core.endpoints;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** NAME, ENDPOINTS (first three {@code ip:port}, "+ N more..."), AGE. */
public final class EndpointsTable implements TableConvertor<Endpoints> {
  private static final int MAX = 3;
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Endpoints", "The addresses and ports of the endpoints."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Endpoints ep, Instant now) {
    return List.of(ep.getMetadata().getName(), endpoints(ep.getSubsets()), Ages.of(ep, now));
  }

  static String endpoints(List<EndpointSubset> subsets) {
    if (subsets == null || subsets.isEmpty()) {
      return TableCells.NONE;
    }
    List<String> all = new ArrayList<>();
    for (EndpointSubset s : subsets) {
      List<EndpointAddress> addresses = s.getAddresses() == null ? List.of() : s.getAddresses();
      if (s.getPorts() == null || s.getPorts().isEmpty()) {
        addresses.forEach(a -> all.add(a.getIp()));
        continue;
      }
      for (EndpointPort p : s.getPorts()) {
        for (EndpointAddress a : addresses) {
          String ip = a.getIp();
          all.add((ip != null && ip.contains(":") ? "[" + ip + "]" : ip) + ":" + p.getPort());
        }
      }
    }
    return TableCells.listWithMore(all, MAX, "");
  }
}
