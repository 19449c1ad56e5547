package io.vessel.server.registry.events;

import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.events.event.EventsV1Conversion;
import io.vessel.server.registry.events.event.EventsV1Strategy;
import io.vessel.server.registry.events.event.EventsV1Table;
import java.util.List;

/**
 * events.k8s.io/v1 events: the core events, stored once under {@code events} and converted, as
 * upstream serves them; field selectors use the new API's names.
 */
public final class EventsResources {
  private EventsResources() {}

  public static List<ResourceDefinition> definitions() {
    return List.of(
        ResourceDefinition.builder("events.k8s.io", "v1", "events", "Event")
            .shortNames("ev")
            .convertedModel(
                Event.class,
                "events",
                new EventsV1Conversion(),
                new EventsV1Strategy(),
                new EventsV1Table())
            .field("regarding.kind", "/involvedObject/kind")
            .field("regarding.namespace", "/involvedObject/namespace")
            .field("regarding.name", "/involvedObject/name")
            .field("regarding.uid", "/involvedObject/uid")
            .field("regarding.apiVersion", "/involvedObject/apiVersion")
            .field("regarding.resourceVersion", "/involvedObject/resourceVersion")
            .field("regarding.fieldPath", "/involvedObject/fieldPath")
            .field("reason", "/reason")
            .field("reportingController", "/reportingComponent")
            .field("type", "/type")
            .build());
  }
}
