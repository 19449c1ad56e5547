package io.vessel.server.registry.core.service;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.vertx.core.Future;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.WriteOptions;
import io.vessel.server.registry.ResourceStore;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The {@code kubernetes} Service in {@code default}, as kube-apiserver's bootstrap controller
 * keeps it: ClusterIP the first address of the service CIDR, port 443 named {@code https} aimed
 * at the server's port, and Endpoints and an EndpointSlice listing the replicas. Each replica adds
 * its own address at start (several replicas merge through conditional updates).
 *
 * <p>Replicas that serve on different ports (tests on one host) land in separate subsets; the
 * EndpointSlice mirrors the subset of the Service's targetPort, since one slice has one port list.
 * TODO(vessel): remove the address of a replica that is gone (upstream's lease reconciler) #4
 */
public final class KubernetesService {
  private static final String NS = "default";
  private static final String NAME = "kubernetes";
  private static final int ATTEMPTS = 8;

  private final ResourceStore services;
  private final ResourceStore endpoints;
  private final ResourceStore slices;
  private final String address;
  private final int port;

  public KubernetesService(
      ResourceStore services, ResourceStore endpoints, ResourceStore slices, String bind, int port) {
    this.services = services;
    this.endpoints = endpoints;
    this.slices = slices;
    this.address = advertiseAddress(bind);
    this.port = port;
  }

  public Future<Void> ensure() {
    return ensureService().compose(v -> ensureEndpoints(1)).compose(this::ensureSlice);
  }

  private Future<Void> ensureService() {
    var svc =
        new ServiceBuilder()
            .withNewMetadata()
            .withName(NAME)
            .withNamespace(NS)
            .withLabels(Map.of("component", "apiserver", "provider", "kubernetes"))
            .endMetadata()
            .withNewSpec()
            .withType("ClusterIP")
            .withClusterIP(
                ServiceIpRange.format(ServiceIpRange.DEFAULT.kubernetesServiceIp()))
            .addNewPort()
            .withName("https")
            .withPort(443)
            .withProtocol("TCP")
            .withTargetPort(new IntOrString(port))
            .endPort()
            .endSpec()
            .build();
    // A replica starting alongside another may lose the create: with the IP claimed first it is
    // a 422 rather than a 409, so what counts is that the Service exists afterwards.
    return services
        .getObject(NS, NAME)
        .<Void>mapEmpty()
        .recover(
            t ->
                t instanceof ApiException e && e.code() == 404
                    ? services
                        .create(NS, svc, WriteOptions.DEFAULT)
                        .<Void>mapEmpty()
                        .recover(lost -> services.getObject(NS, NAME).mapEmpty())
                    : Future.failedFuture(t));
  }

  /** Adds this replica's address and port, creating the Endpoints if need be. */
  private Future<Endpoints> ensureEndpoints(int attempt) {
    return endpoints
        .getObject(NS, NAME)
        .map(o -> (Endpoints) o)
        .compose(
            current -> {
              if (listed(current)) {
                return Future.succeededFuture(current);
              }
              Endpoints updated = withThisReplica(current);
              return endpoints.update(NS, NAME, updated, WriteOptions.DEFAULT).map(o -> updated);
            },
            t -> {
              if (!(t instanceof ApiException e && e.code() == 404)) {
                return Future.failedFuture(t);
              }
              Endpoints created =
                  withThisReplica(
                      new EndpointsBuilder()
                          .withNewMetadata()
                          .withName(NAME)
                          .withNamespace(NS)
                          .withLabels(Map.of("endpointslice.kubernetes.io/skip-mirror", "true"))
                          .endMetadata()
                          .build());
              return endpoints.create(NS, created, WriteOptions.DEFAULT).map(o -> created);
            })
        .recover(
            t ->
                t instanceof ApiException e && e.code() == 409 && attempt < ATTEMPTS
                    ? ensureEndpoints(attempt + 1)
                    : Future.failedFuture(t));
  }

  private boolean listed(Endpoints ep) {
    for (EndpointSubset s : orEmpty(ep.getSubsets())) {
      boolean hasPort = orEmpty(s.getPorts()).stream().anyMatch(p -> p.getPort() == port);
      boolean hasAddress =
          orEmpty(s.getAddresses()).stream().anyMatch(a -> address.equals(a.getIp()));
      if (hasPort && hasAddress) {
        return true;
      }
    }
    return false;
  }

  private Endpoints withThisReplica(Endpoints ep) {
    List<EndpointSubset> subsets = new ArrayList<>(orEmpty(ep.getSubsets()));
    EndpointSubset mine = null;
    for (EndpointSubset s : subsets) {
      if (orEmpty(s.getPorts()).stream().anyMatch(p -> p.getPort() == port)) {
        mine = s;
      }
    }
    if (mine == null) {
      mine = new EndpointSubset();
      mine.setPorts(List.of(new EndpointPort(null, "https", port, "TCP")));
      mine.setAddresses(new ArrayList<>());
      subsets.add(mine);
    }
    List<EndpointAddress> addresses = new ArrayList<>(orEmpty(mine.getAddresses()));
    EndpointAddress a = new EndpointAddress();
    a.setIp(address);
    addresses.add(a);
    mine.setAddresses(addresses);
    ep.setSubsets(subsets);
    return ep;
  }

  /** The slice mirrors the first subset: the port of the replica that created the Service. */
  private Future<Void> ensureSlice(Endpoints ep) {
    EndpointSubset first = ep.getSubsets().get(0);
    var builder =
        new EndpointSliceBuilder()
            .withNewMetadata()
            .withName(NAME)
            .withNamespace(NS)
            .withLabels(Map.of("kubernetes.io/service-name", NAME))
            .endMetadata()
            .withAddressType("IPv4");
    for (EndpointAddress a : orEmpty(first.getAddresses())) {
      builder.addNewEndpoint().withAddresses(a.getIp()).withNewConditions().withReady(true).endConditions().endEndpoint();
    }
    for (EndpointPort p : orEmpty(first.getPorts())) {
      builder.addNewPort().withName(p.getName()).withPort(p.getPort()).withProtocol(p.getProtocol()).endPort();
    }
    EndpointSlice wanted = builder.build();
    return slices
        .getObject(NS, NAME)
        .compose(
            current -> {
              EndpointSlice s = (EndpointSlice) current;
              if (s.getEndpoints() != null && s.getEndpoints().equals(wanted.getEndpoints())) {
                return Future.<Void>succeededFuture();
              }
              wanted.getMetadata().setResourceVersion(s.getMetadata().getResourceVersion());
              return slices.update(NS, NAME, wanted, WriteOptions.DEFAULT).<Void>mapEmpty();
            },
            t ->
                t instanceof ApiException e && e.code() == 404
                    ? ignoreExists(slices.create(NS, wanted, WriteOptions.DEFAULT))
                    : Future.failedFuture(t))
        // Another replica wrote the slice meanwhile; its view includes us or will on its next start.
        .recover(
            t ->
                t instanceof ApiException e && e.code() == 409
                    ? Future.succeededFuture()
                    : Future.failedFuture(t));
  }

  private static Future<Void> ignoreExists(Future<HasMetadata> f) {
    return f.<Void>mapEmpty()
        .recover(
            t ->
                t instanceof ApiException e && e.code() == 409
                    ? Future.succeededFuture()
                    : Future.failedFuture(t));
  }

  /** The bind address, or for a wildcard bind the host's first non-loopback IPv4 address. */
  static String advertiseAddress(String bind) {
    if (!bind.isEmpty() && !bind.equals("0.0.0.0") && !bind.equals("::")) {
      return bind;
    }
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address) {
            return a.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      // no interfaces to look at: loopback below
    }
    return "127.0.0.1";
  }

  private static <E> List<E> orEmpty(List<E> list) {
    return list == null ? List.of() : list;
  }
}
