package io.vessel.server.registry.core.service;

import static io.vessel.kit.client.Resources.ENDPOINTS;
import static io.vessel.kit.client.Resources.ENDPOINT_SLICES;
import static io.vessel.kit.client.Resources.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.server.testing.LiveServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The {@code kubernetes} Service every cluster has, and its endpoints at the replicas. */
class KubernetesServiceIT {

  @Test
  @DisplayName("start, two replicas, kubernetes Service at 10.96.0.1 with both replicas as endpoints")
  void kubernetesService() throws Exception {
    try (LiveServer live = LiveServer.start()) {
      ApiClient api = live.client();
      Service svc = Blocking.await(api.get(SERVICES, "default", "kubernetes"));
      assertThat(svc.getSpec().getClusterIP()).isEqualTo("10.96.0.1");
      assertThat(svc.getSpec().getType()).isEqualTo("ClusterIP");
      assertThat(svc.getSpec().getSelector()).isNullOrEmpty();
      assertThat(svc.getSpec().getPorts()).singleElement().satisfies(p -> {
        assertThat(p.getName()).isEqualTo("https");
        assertThat(p.getPort()).isEqualTo(443);
        assertThat(p.getTargetPort().getIntVal()).isEqualTo(live.port(0));
      });
      assertThat(svc.getMetadata().getLabels())
          .containsEntry("component", "apiserver")
          .containsEntry("provider", "kubernetes");
      EndpointSlice slice = Blocking.await(api.get(ENDPOINT_SLICES, "default", "kubernetes"));
      assertThat(slice.getMetadata().getLabels()).containsEntry("kubernetes.io/service-name", "kubernetes");
      assertThat(slice.getEndpoints()).extracting(e -> e.getAddresses().get(0)).containsExactly("127.0.0.1");
      assertThat(slice.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort()).isEqualTo(live.port(0)));

      live.addReplica();

      Endpoints ep = Blocking.await(api.get(ENDPOINTS, "default", "kubernetes"));
      assertThat(ep.getSubsets())
          .extracting(s -> s.getPorts().get(0).getPort())
          .containsExactlyInAnyOrder(live.port(0), live.port(1));
      for (EndpointSubset s : ep.getSubsets()) {
        assertThat(s.getAddresses()).extracting(a -> a.getIp()).containsExactly("127.0.0.1");
      }
      api.close();
    }
  }
}
