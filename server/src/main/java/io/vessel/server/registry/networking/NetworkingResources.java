package io.vessel.server.registry.networking;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.Strategy.NameRule;
import io.vessel.server.registry.networking.ingress.IngressTable;
import io.vessel.server.registry.networking.ingressclass.IngressClassTable;
import io.vessel.server.registry.networking.networkpolicy.NetworkPolicyTable;
import java.util.List;

/** The networking.k8s.io/v1 resources Vessel stores (IP addresses and service CIDRs: later). */
public final class NetworkingResources {
  private NetworkingResources() {}

  public static List<ResourceDefinition> definitions() {
    return List.of(
        ResourceDefinition.builder("networking.k8s.io", "v1", "ingressclasses", "IngressClass")
            .clusterScoped()
            .model(
                IngressClass.class,
                new BasicStrategy<>(NameRule.DNS1123_SUBDOMAIN, false, true),
                new IngressClassTable())
            .build(),
        ResourceDefinition.builder("networking.k8s.io", "v1", "ingresses", "Ingress")
            .shortNames("ing")
            .status()
            .model(Ingress.class, BasicStrategy.withSpecAndStatus(), new IngressTable())
            .build(),
        ResourceDefinition.builder("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy")
            .shortNames("netpol")
            .model(
                NetworkPolicy.class,
                new BasicStrategy<>(NameRule.DNS1123_SUBDOMAIN, false, true),
                new NetworkPolicyTable())
            .build());
  }
}
