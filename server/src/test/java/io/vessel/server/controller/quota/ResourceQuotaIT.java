package io.vessel.server.controller.quota;

import static io.vessel.kit.client.Resources.CONFIG_MAPS;
import static io.vessel.kit.client.Resources.NAMESPACES;
import static io.vessel.kit.client.Resources.PODS;
import static io.vessel.kit.client.Resources.RESOURCE_QUOTAS;
import static io.vessel.kit.client.Resources.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.server.testing.LiveServer;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResourceQuotaIT {

  @Test
  @DisplayName("a quota's status shows hard as its spec and used as the namespace's pods, requests, limits, services and objects; a deleted pod is given back")
  void statusFollowsTheNamespace() throws Exception {
    try (LiveServer live = LiveServer.start()) {
      ApiClient api = live.client();
      Blocking.await(api.create(NAMESPACES, new NamespaceBuilder().withNewMetadata().withName("q").endMetadata().build()));
      Blocking.await(api.create(RESOURCE_QUOTAS, new ResourceQuotaBuilder().withNewMetadata().withNamespace("q").withName("quota").endMetadata()
          .withNewSpec().withHard(Map.of(
              "pods", new Quantity("5"),
              "requests.cpu", new Quantity("2"),
              "requests.memory", new Quantity("1Gi"),
              "limits.memory", new Quantity("2Gi"),
              "configmaps", new Quantity("10"),
              "services", new Quantity("3"),
              "services.nodeports", new Quantity("2"),
              "count/deployments.apps", new Quantity("2"),
              "example.com/unknown", new Quantity("1")))
          .endSpec().build()));
      Blocking.await(api.create(PODS, pod("a")));
      Blocking.await(api.create(PODS, pod("b")));
      Blocking.await(api.create(SERVICES, new ServiceBuilder().withNewMetadata().withNamespace("q").withName("web").endMetadata()
          .withNewSpec().withType("NodePort").addNewPort().withPort(80).endPort().endSpec().build()));
      Blocking.await(api.create(CONFIG_MAPS, new ConfigMapBuilder().withNewMetadata().withNamespace("q").withName("settings").endMetadata()
          .addToData("k", "v").build()));

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        var status = Blocking.await(api.get(RESOURCE_QUOTAS, "q", "quota")).getStatus();
        assertThat(status).isNotNull();
        assertThat(status.getHard()).containsOnlyKeys(
            "pods", "requests.cpu", "requests.memory", "limits.memory", "configmaps", "services",
            "services.nodeports", "count/deployments.apps", "example.com/unknown");
        assertThat(strings(status.getUsed())).isEqualTo(new TreeMap<>(Map.of(
            "pods", "2",
            "requests.cpu", "1",
            "requests.memory", "512Mi",
            "limits.memory", "1Gi",
            "configmaps", "2", // with kube-root-ca.crt
            "services", "1",
            "services.nodeports", "1",
            "count/deployments.apps", "0")));
      });

      Blocking.await(api.delete(PODS, "q", "b", null));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        var used = strings(Blocking.await(api.get(RESOURCE_QUOTAS, "q", "quota")).getStatus().getUsed());
        assertThat(used).containsEntry("pods", "1").containsEntry("requests.cpu", "500m")
            .containsEntry("requests.memory", "256Mi");
      });
      api.close();
    }
  }

  private static Pod pod(String name) {
    return new PodBuilder().withNewMetadata().withNamespace("q").withName(name).endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage("busybox")
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("256Mi")))
        .withLimits(Map.of("memory", new Quantity("512Mi")))
        .endResources().endContainer().endSpec().build();
  }

  private static TreeMap<String, String> strings(Map<String, Quantity> map) {
    var out = new TreeMap<String, String>();
    if (map != null) {
      map.forEach((k, v) -> out.put(k, v.toString()));
    }
    return out;
  }
}
