package io.vessel.server.registry.apiextensions.customresourcedefinition;

import io.vessel.server.registry.Enums;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceConversion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionNames;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionSpec;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionStatus;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.GoValue;
import io.vessel.server.registry.NameValidation;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * CustomResourceDefinition rules, as far as storing them goes (serving the custom resources is a
 * later issue): v1 defaults (singular and list kind from the kind, conversion None), status cleared
 * on create with the storage version recorded in storedVersions, generation tracked, the name
 * {@code <plural>.<group>}, a scope, and versions of which exactly one is stored and all carry a
 * schema. Group, scope and names' plural never change.
 */
public final class CustomResourceDefinitionStrategy
    extends BasicStrategy<CustomResourceDefinition> {
  private static final List<String> SCOPES = List.of("Cluster", "Namespaced");

  public CustomResourceDefinitionStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, true, true);
  }

  @Override
  protected void applyDefaults(CustomResourceDefinition crd) {
    CustomResourceDefinitionSpec spec = crd.getSpec();
    if (spec == null) {
      return;
    }
    CustomResourceDefinitionNames names = spec.getNames();
    if (names != null && names.getKind() != null && !names.getKind().isEmpty()) {
      if (names.getSingular() == null || names.getSingular().isEmpty()) {
        names.setSingular(names.getKind().toLowerCase());
      }
      if (names.getListKind() == null || names.getListKind().isEmpty()) {
        names.setListKind(names.getKind() + "List");
      }
    }
    if (spec.getConversion() == null) {
      CustomResourceConversion conversion = new CustomResourceConversion();
      conversion.setStrategy("None");
      spec.setConversion(conversion);
    }
  }

  @Override
  public void prepareForCreate(CustomResourceDefinition crd) {
    super.prepareForCreate(crd);
    recordStorageVersion(crd);
  }

  @Override
  public void prepareForUpdate(CustomResourceDefinition crd, CustomResourceDefinition old) {
    super.prepareForUpdate(crd, old);
    recordStorageVersion(crd);
  }

  /** Adds the storage version to status.storedVersions, which lists every version ever stored. */
  static void recordStorageVersion(CustomResourceDefinition crd) {
    if (crd.getSpec() == null || crd.getSpec().getVersions() == null) {
      return;
    }
    for (CustomResourceDefinitionVersion v : crd.getSpec().getVersions()) {
      if (Boolean.TRUE.equals(v.getStorage())) {
        CustomResourceDefinitionStatus status =
            crd.getStatus() == null ? new CustomResourceDefinitionStatus() : crd.getStatus();
        List<String> stored =
            status.getStoredVersions() == null
                ? new ArrayList<>()
                : new ArrayList<>(status.getStoredVersions());
        if (!stored.contains(v.getName())) {
          stored.add(v.getName());
        }
        status.setStoredVersions(stored);
        crd.setStatus(status);
        return;
      }
    }
  }

  @Override
  public void validate(CustomResourceDefinition crd, FieldErrors errors) {
    CustomResourceDefinitionSpec spec =
        crd.getSpec() == null ? new CustomResourceDefinitionSpec() : crd.getSpec();
    String group = spec.getGroup() == null ? "" : spec.getGroup();
    CustomResourceDefinitionNames names =
        spec.getNames() == null ? new CustomResourceDefinitionNames() : spec.getNames();
    String plural = names.getPlural() == null ? "" : names.getPlural();
    String name = crd.getMetadata().getName();
    if (!Objects.equals(name, plural + "." + group)) {
      errors.invalid("metadata.name", name, "must be spec.names.plural+\".\"+spec.group");
    }
    if (group.isEmpty()) {
      errors.required("spec.group", "");
    } else if (!group.contains(".")) {
      errors.invalid("spec.group", group, "should be a domain with at least one dot");
    } else {
      NameValidation.validateName(NameRule.DNS1123_SUBDOMAIN, group, "spec.group", errors);
    }
    if (!Enums.contains(SCOPES, spec.getScope())) {
      errors.notSupported("spec.scope", spec.getScope(), SCOPES);
    }
    if (plural.isEmpty()) {
      errors.required("spec.names.plural", "");
    } else {
      NameValidation.validateName(NameRule.DNS1123_LABEL, plural, "spec.names.plural", errors);
    }
    if (names.getKind() == null || names.getKind().isEmpty()) {
      errors.required("spec.names.kind", "");
    }
    versions(spec.getVersions(), errors);
  }

  private static void versions(List<CustomResourceDefinitionVersion> versions, FieldErrors errors) {
    if (versions == null || versions.isEmpty()) {
      errors.invalid(
          "spec.versions", "", "must have exactly one version marked as storage version");
      return;
    }
    int storage = 0;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < versions.size(); i++) {
      CustomResourceDefinitionVersion v = versions.get(i);
      String at = "spec.versions[" + i + "]";
      if (v.getName() == null || v.getName().isEmpty()) {
        errors.required(at + ".name", "");
      } else {
        NameValidation.validateName(NameRule.DNS1035_LABEL, v.getName(), at + ".name", errors);
        if (!seen.add(v.getName())) {
          errors.invalid(at + ".name", v.getName(), "Duplicate value");
        }
      }
      if (Boolean.TRUE.equals(v.getStorage())) {
        storage++;
      }
      if (v.getSchema() == null || v.getSchema().getOpenAPIV3Schema() == null) {
        errors.required(at + ".schema.openAPIV3Schema", "schemas are required");
      }
    }
    if (storage != 1) {
      errors.invalid(
          "spec.versions",
          new GoValue("[]apiextensions.CustomResourceDefinitionVersion{...}"),
          "must have exactly one version marked as storage version");
    }
  }

  @Override
  public void validateUpdate(
      CustomResourceDefinition crd, CustomResourceDefinition old, FieldErrors errors) {
    validate(crd, errors);
    var spec = crd.getSpec();
    var was = old.getSpec();
    if (spec == null || was == null) {
      return;
    }
    if (!Objects.equals(spec.getGroup(), was.getGroup())) {
      errors.immutable("spec.group", spec.getGroup());
    }
    if (!Objects.equals(spec.getScope(), was.getScope())) {
      errors.immutable("spec.scope", spec.getScope());
    }
    String plural = spec.getNames() == null ? null : spec.getNames().getPlural();
    String oldPlural = was.getNames() == null ? null : was.getNames().getPlural();
    if (!Objects.equals(plural, oldPlural)) {
      errors.immutable("spec.names.plural", plural);
    }
  }
}
