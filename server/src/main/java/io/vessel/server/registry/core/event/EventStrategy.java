package io.vessel.server.registry.core.event;

import io.fabric8.kubernetes.api.model.Event;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.GarbageCollectionPolicy;
import io.vessel.server.registry.Strategy.NameRule;

/**
 * Event rules (core/v1, and events.k8s.io/v1 through conversion): the object an event is about must
 * sit in the event's namespace when it names one.
 */
public final class EventStrategy extends BasicStrategy<Event> {

  public EventStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, false, false);
  }

  /** Events take no part in garbage collection, as upstream's. */
  @Override
  public GarbageCollectionPolicy defaultGarbageCollectionPolicy() {
    return GarbageCollectionPolicy.UNSUPPORTED;
  }

  @Override
  public void validate(Event event, FieldErrors errors) {
    String namespace = event.getMetadata().getNamespace();
    var involved = event.getInvolvedObject();
    String objectNamespace = involved == null ? null : involved.getNamespace();
    if (objectNamespace != null
        && !objectNamespace.isEmpty()
        && namespace != null
        && !objectNamespace.equals(namespace)) {
      errors.invalid("involvedObject.namespace", objectNamespace, "does not match event.namespace");
    }
  }

  @Override
  public void validateUpdate(Event event, Event old, FieldErrors errors) {
    validate(event, errors);
  }
}
