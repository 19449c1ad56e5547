package io.vessel.server.registry.events.event;

import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import io.vessel.server.registry.core.event.EventTable;
import java.time.Instant;
import java.util.List;

/** events.k8s.io/v1 events print the core event table, from their core form. */
public final class EventsV1Table implements TableConvertor<Event> {
  private final EventTable table = new EventTable();
  private final EventsV1Conversion conversion = new EventsV1Conversion();

  @Override
  public List<TableColumn> columns() {
    return table.columns();
  }

  @Override
  public List<Object> cells(Event e, Instant now) {
    return table.cells(conversion.toStored(e), now);
  }
}
