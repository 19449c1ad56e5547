package io.vessel.server.registry.node.runtimeclass;

import io.fabric8.kubernetes.api.model.node.v1.RuntimeClass;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.NameValidation;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.Objects;

/** RuntimeClass rules: a handler that is a DNS label and never changes. */
public final class RuntimeClassStrategy extends BasicStrategy<RuntimeClass> {

  public RuntimeClassStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, false, false);
  }

  @Override
  public void validate(RuntimeClass rc, FieldErrors errors) {
    String handler = rc.getHandler() == null ? "" : rc.getHandler();
    NameValidation.validateName(NameRule.DNS1123_LABEL, handler, "handler", errors);
  }

  @Override
  public void validateUpdate(RuntimeClass rc, RuntimeClass old, FieldErrors errors) {
    validate(rc, errors);
    if (!Objects.equals(rc.getHandler(), old.getHandler())) {
      errors.immutable("handler", rc.getHandler());
    }
  }
}
