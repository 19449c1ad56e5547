package io.vessel.server.registry.scheduling.priorityclass;

import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PriorityClass rules: PreemptLowerPriority by default, user classes at most 1e9 and not named
 * {@code system-…} (the two built-in system classes keep their fixed values), and a value that
 * never changes.
 */
public final class PriorityClassStrategy extends BasicStrategy<PriorityClass> {
  static final int HIGHEST_USER_PRIORITY = 1_000_000_000;
  static final Map<String, Integer> SYSTEM_CLASSES =
      Map.of("system-node-critical", 2000001000, "system-cluster-critical", 2000000000);

  public PriorityClassStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, false, false);
  }

  @Override
  protected void applyDefaults(PriorityClass pc) {
    if (pc.getPreemptionPolicy() == null) {
      pc.setPreemptionPolicy("PreemptLowerPriority");
    }
  }

  @Override
  public void validate(PriorityClass pc, FieldErrors errors) {
    String name = pc.getMetadata().getName();
    Integer system = SYSTEM_CLASSES.get(name);
    if (system != null) {
      if (!system.equals(pc.getValue())) {
        errors.forbidden(
            "metadata.name", "name " + name + " is reserved for a system priority class");
      }
    } else if (name != null && name.startsWith("system-")) {
      errors.forbidden("metadata.name", "priority class names with 'system-' prefix are reserved");
    } else if (pc.getValue() != null && pc.getValue() > HIGHEST_USER_PRIORITY) {
      errors.forbidden(
          "value", "maximum allowed value of a user defined priority is " + HIGHEST_USER_PRIORITY);
    }
    var policies = List.of("Never", "PreemptLowerPriority");
    if (!policies.contains(pc.getPreemptionPolicy())) {
      errors.notSupported("preemptionPolicy", pc.getPreemptionPolicy(), policies);
    }
  }

  @Override
  public void validateUpdate(PriorityClass pc, PriorityClass old, FieldErrors errors) {
    validate(pc, errors);
    if (!Objects.equals(pc.getValue(), old.getValue())) {
      errors.forbidden("value", "may not be changed in an update.");
    }
  }
}
