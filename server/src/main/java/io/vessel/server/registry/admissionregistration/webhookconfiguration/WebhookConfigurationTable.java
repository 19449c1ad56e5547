package io.vessel.server.registry.admissionregistration.webhookconfiguration;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, WEBHOOKS (how many), AGE, for mutating and validating webhook configurations. */
public final class WebhookConfigurationTable<T extends HasMetadata> implements TableConvertor<T> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.integer("Webhooks", "The number of webhooks in the configuration."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(T config, Instant now) {
    List<?> hooks =
        config instanceof MutatingWebhookConfiguration m
            ? m.getWebhooks()
            : ((ValidatingWebhookConfiguration) config).getWebhooks();
    return List.of(
        config.getMetadata().getName(),
        (long) (hooks == null ? 0 : hooks.size()),
        Ages.of(config, now));
  }
}
