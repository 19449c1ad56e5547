package io.vessel.server.controller.endpoints;

import static io.vessel.kit.client.Resources.ENDPOINTS;
import static io.vessel.kit.client.Resources.ENDPOINT_SLICES;
import static io.vessel.kit.client.Resources.PODS;
import static io.vessel.kit.client.Resources.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ListOptions;
import io.vessel.server.testing.LiveServer;
import io.vessel.server.testing.LiveServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Endpoints and EndpointSlice controllers against a real server. No kubelet runs, so the
 * test plays the node's part: it sets each pod's IP and Ready condition through the status
 * subresource.
 */
class EndpointsIT {
  private static final String NS = "ep-it";
  private static final Duration WAIT = Duration.ofSeconds(30);
  @RegisterExtension
  static final LiveServerExtension cluster = LiveServerExtension.withNamespace(NS);

  private static LiveServer live;
  private static ApiClient api;

  private static Service service(String name, String clusterIp, String targetPort) {
    return new ServiceBuilder()
        .withNewMetadata().withNamespace(NS).withName(name).withLabels(Map.of("tier", "front")).endMetadata()
        .withNewSpec()
        .withClusterIP(clusterIp)
        .withSelector(Map.of("app", name))
        .addNewPort().withName("http").withPort(80).withTargetPort(targetPort.chars().allMatch(Character::isDigit) ? new IntOrString(Integer.parseInt(targetPort)) : new IntOrString(targetPort)).endPort()
        .endSpec()
        .build();
  }

  private static Pod pod(String name, String app, int containerPort) {
    return new PodBuilder()
        .withNewMetadata().withNamespace(NS).withName(name).withLabels(Map.of("app", app)).endMetadata()
        .withNewSpec()
        .withHostname(name)
        .withSubdomain(app)
        .addNewContainer().withName("c").withImage("nginx")
        .addNewPort().withName("web").withContainerPort(containerPort).endPort()
        .endContainer()
        .endSpec()
        .build();
  }

  /** What a kubelet would report: the pod's IP and its Ready condition. */
  private static void report(String name, String ip, boolean ready) {
    Blocking.await(
        api.mergePatch(PODS, NS, name, "status",
            Map.of("status", Map.of(
                "phase", "Running",
                "podIP", ip,
                "podIPs", List.of(Map.of("ip", ip)),
                "conditions", List.of(Map.of(
                    "type", "Ready",
                    "status", ready ? "True" : "False",
                    "lastTransitionTime", Instant.now().toString()))))));
  }

  private static Endpoints endpoints(String name) {
    try {
      return Blocking.await(api.get(ENDPOINTS, NS, name));
    } catch (ApiException e) {
      if (e.notFound()) {
        return null;
      }
      throw e;
    }
  }

  private static List<EndpointSlice> slices(String service) {
    return Blocking.await(
            api.listAll(ENDPOINT_SLICES, NS, ListOptions.labels("kubernetes.io/service-name=" + service)))
        .items();
  }

  private static List<String> ips(List<EndpointAddress> addresses) {
    return addresses == null ? List.of() : addresses.stream().map(EndpointAddress::getIp).toList();
  }

  @Test
  @DisplayName("pods turn ready, unready and deleted: Endpoints and slices follow, named port resolved")
  void followsPodReadiness() {
    // Given a Service whose targetPort names a container port, and pods, one without an IP yet
    Service svc = Blocking.await(api.create(SERVICES, service("web", null, "web")));
    Blocking.await(api.create(PODS, pod("web-1", "web", 8080)));
    Blocking.await(api.create(PODS, pod("web-2", "web", 8080)));
    Blocking.await(api.create(PODS, pod("web-3", "web", 8080)));
    report("web-1", "10.244.0.11", true);
    report("web-2", "10.244.0.12", false);

    // Then: ready and not-ready addresses, the named port as its number, the pod as target
    await().ignoreExceptions().atMost(WAIT).untilAsserted(() -> {
      Endpoints ep = endpoints("web");
      assertThat(ep).isNotNull();
      assertThat(ep.getSubsets()).hasSize(1);
      EndpointSubset s = ep.getSubsets().get(0);
      assertThat(ips(s.getAddresses())).containsExactly("10.244.0.11");
      assertThat(ips(s.getNotReadyAddresses())).containsExactly("10.244.0.12");
      assertThat(s.getPorts()).singleElement().satisfies(p -> {
        assertThat(p.getName()).isEqualTo("http");
        assertThat(p.getPort()).isEqualTo(8080);
        assertThat(p.getProtocol()).isEqualTo("TCP");
      });
      assertThat(s.getAddresses().get(0).getTargetRef().getName()).isEqualTo("web-1");
      assertThat(s.getAddresses().get(0).getTargetRef().getKind()).isEqualTo("Pod");
      assertThat(ep.getMetadata().getLabels()).containsEntry("tier", "front");
      assertThat(ep.getMetadata().getAnnotations()).containsKey("endpoints.kubernetes.io/last-change-trigger-time");
    });
    await().ignoreExceptions().atMost(WAIT).untilAsserted(() -> {
      List<EndpointSlice> slices = slices("web");
      assertThat(slices).singleElement().satisfies(sl -> {
        assertThat(sl.getAddressType()).isEqualTo("IPv4");
        assertThat(sl.getMetadata().getLabels())
            .containsEntry("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io");
        assertThat(sl.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
          assertThat(o.getKind()).isEqualTo("Service");
          assertThat(o.getUid()).isEqualTo(svc.getMetadata().getUid());
        });
        assertThat(sl.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort()).isEqualTo(8080));
        assertThat(sl.getEndpoints()).extracting(e -> e.getAddresses().get(0))
            .containsExactly("10.244.0.11", "10.244.0.12");
        assertThat(sl.getEndpoints()).extracting(e -> e.getConditions().getReady()).containsExactly(true, false);
      });
    });
    String firstVersion = endpoints("web").getMetadata().getResourceVersion();

    // When the second pod turns ready
    report("web-2", "10.244.0.12", true);
    await().ignoreExceptions().atMost(WAIT).untilAsserted(() ->
        assertThat(ips(endpoints("web").getSubsets().get(0).getAddresses()))
            .containsExactly("10.244.0.11", "10.244.0.12"));
    assertThat(endpoints("web").getMetadata().getResourceVersion()).isNotEqualTo(firstVersion);

    // When the first is deleted: gone from Endpoints; in slices gone or marked terminating
    Blocking.await(api.delete(PODS, NS, "web-1", null));
    await().ignoreExceptions().atMost(WAIT).untilAsserted(() -> {
      EndpointSubset s = endpoints("web").getSubsets().get(0);
      assertThat(ips(s.getAddresses())).containsExactly("10.244.0.12");
      assertThat(ips(s.getNotReadyAddresses())).isEmpty();
      List<Endpoint> listed = slices("web").get(0).getEndpoints();
      assertThat(listed).filteredOn(e -> e.getAddresses().contains("10.244.0.11"))
          .allSatisfy(e -> {
            assertThat(e.getConditions().getTerminating()).isTrue();
            assertThat(e.getConditions().getReady()).isFalse();
          });
    });
  }

  @Test
  @DisplayName("headless Service, pod subdomain names it: hostname set, headless label")
  void headlessHostnames() {
    Blocking.await(api.create(SERVICES, service("db", "None", "5432")));
    Blocking.await(api.create(PODS, pod("db-0", "db", 5432)));
    report("db-0", "10.244.0.21", true);

    await().ignoreExceptions().atMost(WAIT).untilAsserted(() -> {
      Endpoints ep = endpoints("db");
      assertThat(ep).isNotNull();
      assertThat(ep.getMetadata().getLabels()).containsKey("service.kubernetes.io/headless");
      EndpointAddress a = ep.getSubsets().get(0).getAddresses().get(0);
      assertThat(a.getHostname()).isEqualTo("db-0");
      assertThat(ep.getSubsets().get(0).getPorts().get(0).getPort()).isEqualTo(5432);
      assertThat(slices("db")).singleElement()
          .satisfies(sl -> assertThat(sl.getEndpoints().get(0).getHostname()).isEqualTo("db-0"));
    });
  }

  @Test
  @DisplayName("Service without selector: Endpoints written by the user are left alone")
  void selectorlessLeftAlone() {
    Blocking.await(api.create(SERVICES, new ServiceBuilder()
        .withNewMetadata().withNamespace(NS).withName("external").endMetadata()
        .withNewSpec().addNewPort().withPort(5432).endPort().endSpec()
        .build()));
    Blocking.await(api.create(ENDPOINTS, new EndpointsBuilder()
        .withNewMetadata().withNamespace(NS).withName("external").endMetadata()
        .addNewSubset().addNewAddress().withIp("192.0.2.10").endAddress()
        .addNewPort().withPort(5432).endPort().endSubset()
        .build()));
    // A selected Service created after it has been handled shows the controller is running.
    Blocking.await(api.create(SERVICES, service("marker", null, "80")));
    await().ignoreExceptions().atMost(WAIT).until(() -> endpoints("marker") != null && !slices("marker").isEmpty());

    assertThat(ips(endpoints("external").getSubsets().get(0).getAddresses())).containsExactly("192.0.2.10");
    assertThat(slices("external")).isEmpty();
    assertThat(slices("marker")).singleElement()
        .satisfies(sl -> assertThat(sl.getEndpoints()).as("placeholder slice").isNullOrEmpty());
  }

  @Test
  @DisplayName("Service deleted: its Endpoints and slices go")
  void serviceDeleted() {
    Blocking.await(api.create(SERVICES, service("brief", null, "80")));
    await().ignoreExceptions().atMost(WAIT).until(() -> endpoints("brief") != null && !slices("brief").isEmpty());

    Blocking.await(api.delete(SERVICES, NS, "brief", null));

    await().ignoreExceptions().atMost(WAIT).until(() -> endpoints("brief") == null && slices("brief").isEmpty());
  }
}
