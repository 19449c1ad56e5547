package io.vessel.server.registry.core.event;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventSource;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/**
 * LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (+ SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME wide): the
 * core event columns, also printed for events.k8s.io events. Series and eventTime stand in for the
 * deprecated timestamps and count of events written through the new API.
 */
public final class EventTable implements TableConvertor<Event> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.text("Last Seen", "When the event was last observed."),
          TableColumn.text("Type", "The type of the event (Normal, Warning)."),
          TableColumn.text("Reason", "Why the event happened, in one word."),
          TableColumn.text("Object", "The object the event is about."),
          TableColumn.wide("Subobject", "The part of the object the event is about."),
          TableColumn.wide("Source", "The component that reported the event."),
          TableColumn.text("Message", "A human-readable description of the event."),
          TableColumn.wide("First Seen", "When the event was first observed."),
          TableColumn.wide("Count", "How many times the event was observed."),
          new TableColumn("Name", "string", "name", "The name of the event.", 1));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(Event e, Instant now) {
    String first = TableCells.since(e.getFirstTimestamp(), now);
    if (isEmpty(e.getFirstTimestamp())) {
      first = TableCells.since(e.getEventTime() == null ? null : e.getEventTime().getTime(), now);
    }
    String last =
        isEmpty(e.getLastTimestamp()) ? first : TableCells.since(e.getLastTimestamp(), now);
    long count = e.getCount() == null ? 0 : e.getCount();
    if (e.getSeries() != null) {
      var observed = e.getSeries().getLastObservedTime();
      last = TableCells.since(observed == null ? null : observed.getTime(), now);
      count = e.getSeries().getCount() == null ? 0 : e.getSeries().getCount();
    } else if (count == 0) {
      count = 1; // singleton events written through events.k8s.io carry no count
    }
    var involved = e.getInvolvedObject();
    String kind = involved == null ? "" : TableCells.orEmpty(involved.getKind()).toLowerCase();
    String name = involved == null ? "" : TableCells.orEmpty(involved.getName());
    return List.of(
        last,
        TableCells.orEmpty(e.getType()),
        TableCells.orEmpty(e.getReason()),
        name.isEmpty() ? kind : kind + "/" + name,
        involved == null ? "" : TableCells.orEmpty(involved.getFieldPath()),
        source(e.getSource(), e.getReportingComponent(), e.getReportingInstance()),
        TableCells.orEmpty(e.getMessage()).strip(),
        first,
        count,
        e.getMetadata().getName());
  }

  /** "component, host", each falling back to the reporting controller and instance. */
  static String source(EventSource source, String controller, String instance) {
    String component = source == null ? "" : TableCells.orEmpty(source.getComponent());
    String host = source == null ? "" : TableCells.orEmpty(source.getHost());
    if (component.isEmpty()) {
      component = TableCells.orEmpty(controller);
    }
    if (host.isEmpty()) {
      host = TableCells.orEmpty(instance);
    }
    return host.isEmpty() ? component : component + ", " + host;
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
