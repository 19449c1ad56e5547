package io.vessel.server.registry.core.podtemplate;

import io.fabric8.kubernetes.api.model.PodTemplate;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.Serialization;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import io.vessel.server.registry.core.pod.PodSpecDefaults;
import io.vessel.server.registry.core.pod.PodSpecValidation;

/**
 * PodTemplate rules: pod spec defaults and checks on {@code template}. Generation starts at 1 and
 * grows with every template change (the kind has a template where others have a spec).
 */
public final class PodTemplateStrategy extends BasicStrategy<PodTemplate> {

  public PodTemplateStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, false, false);
  }

  @Override
  protected void applyDefaults(PodTemplate pt) {
    PodSpecDefaults.apply(pt.getTemplate());
  }

  @Override
  public void prepareForCreate(PodTemplate pt) {
    super.prepareForCreate(pt);
    pt.getMetadata().setGeneration(1L);
  }

  @Override
  public void prepareForUpdate(PodTemplate pt, PodTemplate old) {
    super.prepareForUpdate(pt, old);
    var now = Serialization.json().valueToTree(pt.getTemplate());
    var before = Serialization.json().valueToTree(old.getTemplate());
    Long generation = old.getMetadata().getGeneration();
    if (!now.equals(before)) {
      pt.getMetadata().setGeneration(generation == null ? 1 : generation + 1);
    }
  }

  @Override
  public void validate(PodTemplate pt, FieldErrors errors) {
    PodSpecValidation.validateTemplate(pt.getTemplate(), "template", errors);
  }

  @Override
  public void validateUpdate(PodTemplate pt, PodTemplate old, FieldErrors errors) {
    validate(pt, errors);
  }
}
