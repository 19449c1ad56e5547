package io.vessel.server.registry.admissionregistration;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.admissionregistration.webhookconfiguration.WebhookConfigurationTable;
import java.util.List;

/**
 * The admissionregistration.k8s.io/v1 webhook configurations: stored only; calling the webhooks is
 * the admission issue. Admission policies come later.
 */
public final class AdmissionRegistrationResources {
  static final String GROUP = "admissionregistration.k8s.io";

  private AdmissionRegistrationResources() {}

  public static List<ResourceDefinition> definitions() {
    return List.of(
        ResourceDefinition.builder(
                GROUP, "v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration")
            .clusterScoped()
            .categories("api-extensions")
            .model(
                MutatingWebhookConfiguration.class,
                BasicStrategy.plain(),
                new WebhookConfigurationTable<>())
            .build(),
        ResourceDefinition.builder(
                GROUP, "v1", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration")
            .clusterScoped()
            .categories("api-extensions")
            .model(
                ValidatingWebhookConfiguration.class,
                BasicStrategy.plain(),
                new WebhookConfigurationTable<>())
            .build());
  }
}
