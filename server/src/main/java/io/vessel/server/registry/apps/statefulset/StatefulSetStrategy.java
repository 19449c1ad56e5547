package io.vessel.server.registry.apps.statefulset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.Serialization;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import io.vessel.server.registry.apps.WorkloadValidation;
import io.vessel.server.registry.core.persistentvolumeclaim.PersistentVolumeClaimStrategy;
import io.vessel.server.registry.core.pod.PodSpecDefaults;
import java.util.List;

/**
 * StatefulSet rules: apps/v1 defaults (one replica, OrderedReady, RollingUpdate with partition 0,
 * ten revisions, PVCs retained, claim template defaults), status cleared on create, generation
 * tracked, and a spec of which only replicas, ordinals, template, updateStrategy, the PVC retention
 * policy and minReadySeconds may change.
 */
public final class StatefulSetStrategy extends BasicStrategy<StatefulSet> {
  static final String FORBIDDEN_UPDATE =
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template',"
          + " 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are"
          + " forbidden";
  private static final List<String> MUTABLE =
      List.of(
          "replicas",
          "ordinals",
          "template",
          "updateStrategy",
          "persistentVolumeClaimRetentionPolicy",
          "minReadySeconds");

  public StatefulSetStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, true, true);
  }

  @Override
  protected void applyDefaults(StatefulSet sts) {
    StatefulSetSpec spec = sts.getSpec();
    if (spec == null) {
      return;
    }
    if (spec.getReplicas() == null) {
      spec.setReplicas(1);
    }
    if (spec.getPodManagementPolicy() == null) {
      spec.setPodManagementPolicy("OrderedReady");
    }
    StatefulSetUpdateStrategy update = spec.getUpdateStrategy();
    if (update == null) {
      update = new StatefulSetUpdateStrategy();
      spec.setUpdateStrategy(update);
    }
    if (update.getType() == null) {
      update.setType("RollingUpdate");
    }
    if (update.getType().equals("RollingUpdate")) {
      if (update.getRollingUpdate() == null) {
        update.setRollingUpdate(new RollingUpdateStatefulSetStrategy());
      }
      if (update.getRollingUpdate().getPartition() == null) {
        update.getRollingUpdate().setPartition(0);
      }
    }
    if (spec.getRevisionHistoryLimit() == null) {
      spec.setRevisionHistoryLimit(10);
    }
    StatefulSetPersistentVolumeClaimRetentionPolicy retention =
        spec.getPersistentVolumeClaimRetentionPolicy();
    if (retention == null) {
      retention = new StatefulSetPersistentVolumeClaimRetentionPolicy();
      spec.setPersistentVolumeClaimRetentionPolicy(retention);
    }
    if (retention.getWhenDeleted() == null) {
      retention.setWhenDeleted("Retain");
    }
    if (retention.getWhenScaled() == null) {
      retention.setWhenScaled("Retain");
    }
    if (spec.getVolumeClaimTemplates() != null) {
      for (PersistentVolumeClaim claim : spec.getVolumeClaimTemplates()) {
        PersistentVolumeClaimStrategy.applySpecDefaults(claim);
      }
    }
    PodSpecDefaults.apply(spec.getTemplate());
  }

  @Override
  public void validate(StatefulSet sts, FieldErrors errors) {
    StatefulSetSpec spec = sts.getSpec() == null ? new StatefulSetSpec() : sts.getSpec();
    WorkloadValidation.nonNegative("spec.replicas", spec.getReplicas(), errors);
    WorkloadValidation.selectorAndTemplate(
        spec.getSelector(), spec.getTemplate(), "statefulset", List.of("Always"), errors);
    List<String> policies = List.of("OrderedReady", "Parallel");
    if (!policies.contains(spec.getPodManagementPolicy())) {
      errors.notSupported("spec.podManagementPolicy", spec.getPodManagementPolicy(), policies);
    }
  }

  @Override
  public void validateUpdate(StatefulSet sts, StatefulSet old, FieldErrors errors) {
    validate(sts, errors);
    ObjectNode now = Serialization.json().valueToTree(sts.getSpec());
    ObjectNode before = Serialization.json().valueToTree(old.getSpec());
    if (now != null && before != null) {
      now.remove(MUTABLE);
      before.remove(MUTABLE);
      if (!now.equals(before)) {
        errors.forbidden("spec", FORBIDDEN_UPDATE);
      }
    }
  }
}
