package io.vessel.server.registry.discovery.endpointslice;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** NAME, ADDRESSTYPE, PORTS, ENDPOINTS, AGE; lists show three entries and "+ N more...". */
public final class EndpointSliceTable implements TableConvertor<EndpointSlice> {
  private static final int MAX = 3;
  private static final String UNSET = "<unset>";
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("AddressType", "The type of the addresses."),
          TableColumn.text("Ports", "The ports of the endpoints."),
          TableColumn.text("Endpoints", "The addresses of the endpoints."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(EndpointSlice slice, Instant now) {
    List<String> ports = new ArrayList<>();
    for (EndpointPort p : slice.getPorts() == null ? List.<EndpointPort>of() : slice.getPorts()) {
      if (p.getPort() != null) {
        ports.add(p.getPort().toString());
      } else if (p.getName() != null) {
        ports.add(p.getName());
      } else {
        ports.add("*");
      }
    }
    List<String> addresses = new ArrayList<>();
    for (Endpoint e : slice.getEndpoints() == null ? List.<Endpoint>of() : slice.getEndpoints()) {
      if (e.getAddresses() != null) {
        addresses.addAll(e.getAddresses());
      }
    }
    return List.of(
        slice.getMetadata().getName(),
        TableCells.orEmpty(slice.getAddressType()),
        TableCells.listWithMore(ports, MAX, UNSET),
        TableCells.listWithMore(addresses, MAX, UNSET),
        Ages.of(slice, now));
  }
}
