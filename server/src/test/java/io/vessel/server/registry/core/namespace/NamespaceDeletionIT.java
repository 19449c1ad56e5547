package io.vessel.server.registry.core.namespace;

import static io.vessel.kit.client.Resources.CONFIG_MAPS;
import static io.vessel.kit.client.Resources.NAMESPACES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceCondition;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.server.testing.LiveServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NamespaceDeletionIT {

  @Test
  @DisplayName("a namespace held by an object's finalizer stays Terminating with upstream's conditions naming what remains; released, it goes")
  void conditionsNameWhatRemains() throws Exception {
    try (LiveServer live = LiveServer.start()) {
      ApiClient api = live.client();
      Blocking.await(api.create(NAMESPACES, new NamespaceBuilder().withNewMetadata().withName("held").endMetadata().build()));
      Blocking.await(api.create(CONFIG_MAPS, new ConfigMapBuilder().withNewMetadata().withNamespace("held").withName("keep")
          .withFinalizers("example.com/hold").endMetadata().build()));

      Blocking.await(api.delete(NAMESPACES, "", "held", null));

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        var ns = Blocking.await(api.get(NAMESPACES, "", "held"));
        assertThat(ns.getStatus().getPhase()).isEqualTo("Terminating");
        Map<String, NamespaceCondition> byType = byType(ns.getStatus().getConditions());
        assertThat(byType).containsKeys(
            "NamespaceDeletionDiscoveryFailure", "NamespaceDeletionGroupVersionParsingFailure",
            "NamespaceDeletionContentFailure", "NamespaceContentRemaining", "NamespaceFinalizersRemaining");
        assertThat(byType.get("NamespaceContentRemaining").getStatus()).isEqualTo("True");
        assertThat(byType.get("NamespaceContentRemaining").getReason()).isEqualTo("SomeResourcesRemain");
        assertThat(byType.get("NamespaceContentRemaining").getMessage())
            .isEqualTo("Some resources are remaining: configmaps. has 1 resource instances");
        assertThat(byType.get("NamespaceFinalizersRemaining").getMessage())
            .isEqualTo("Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances");
        assertThat(byType.get("NamespaceDeletionContentFailure").getStatus()).isEqualTo("False");
        assertThat(byType.get("NamespaceDeletionDiscoveryFailure").getReason()).isEqualTo("ResourcesDiscovered");
        assertThat(byType.values()).allSatisfy(c -> assertThat(c.getLastTransitionTime()).isNotNull());
      });

      Blocking.await(api.mergePatch(CONFIG_MAPS, "held", "keep", "", Map.of("metadata", Map.of("finalizers", List.of()))));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        try {
          Blocking.await(api.get(NAMESPACES, "", "held"));
          throw new AssertionError("namespace still there");
        } catch (ApiException e) {
          assertThat(e.notFound()).isTrue();
        }
      });
      api.close();
    }
  }

  private static Map<String, NamespaceCondition> byType(List<NamespaceCondition> conditions) {
    return conditions == null
        ? Map.of()
        : conditions.stream().collect(Collectors.toMap(NamespaceCondition::getType, c -> c));
  }
}
