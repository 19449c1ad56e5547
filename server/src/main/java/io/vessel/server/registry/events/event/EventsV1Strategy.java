package io.vessel.server.registry.events.event;

import io.fabric8.kubernetes.api.model.Event;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.GarbageCollectionPolicy;
import io.vessel.server.registry.Strategy;
import io.vessel.server.registry.core.event.EventStrategy;

/**
 * Events created through events.k8s.io/v1 meet the stricter rules of the new API (checked on the
 * stored core form, reported with the new API's field names): an eventTime, a Normal or Warning
 * type, a reporting controller and instance, an action and a reason, and none of the deprecated
 * fields. Updates follow the legacy rules, as upstream's do.
 */
public final class EventsV1Strategy implements Strategy<Event> {
  static final int REPORTING_INSTANCE_LIMIT = 128;
  static final int ACTION_LIMIT = 128;
  static final int REASON_LIMIT = 128;
  static final int NOTE_LIMIT = 1024;

  private final EventStrategy legacy = new EventStrategy();

  @Override
  public GarbageCollectionPolicy defaultGarbageCollectionPolicy() {
    return legacy.defaultGarbageCollectionPolicy();
  }

  @Override
  public void validate(Event e, FieldErrors errors) {
    legacy.validate(e, errors);
    if (e.getEventTime() == null || isEmpty(e.getEventTime().getTime())) {
      errors.required("eventTime", "");
    }
    if (!"Normal".equals(e.getType()) && !"Warning".equals(e.getType())) {
      errors.invalid("type", "", "has invalid value: " + (e.getType() == null ? "" : e.getType()));
    }
    if (!isEmpty(e.getFirstTimestamp())) {
      errors.invalid("deprecatedFirstTimestamp", "", "needs to be unset");
    }
    if (!isEmpty(e.getLastTimestamp())) {
      errors.invalid("deprecatedLastTimestamp", "", "needs to be unset");
    }
    if (e.getCount() != null && e.getCount() != 0) {
      errors.invalid("deprecatedCount", "", "needs to be unset");
    }
    if (e.getSource() != null
        && (!isEmpty(e.getSource().getComponent()) || !isEmpty(e.getSource().getHost()))) {
      errors.invalid("deprecatedSource", "", "needs to be unset");
    }
    if (isEmpty(e.getReportingComponent())) {
      errors.required("reportingController", "");
    }
    required("reportingInstance", e.getReportingInstance(), REPORTING_INSTANCE_LIMIT, errors);
    required("action", e.getAction(), ACTION_LIMIT, errors);
    required("reason", e.getReason(), REASON_LIMIT, errors);
    if (e.getMessage() != null && e.getMessage().length() > NOTE_LIMIT) {
      errors.invalid("note", "", "can have at most " + NOTE_LIMIT + " characters");
    }
  }

  @Override
  public void validateUpdate(Event e, Event old, FieldErrors errors) {
    legacy.validateUpdate(e, old, errors);
  }

  private static void required(String field, String value, int limit, FieldErrors errors) {
    if (isEmpty(value)) {
      errors.required(field, "");
    } else if (value.length() > limit) {
      errors.invalid(field, "", "can have at most " + limit + " characters");
    }
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
