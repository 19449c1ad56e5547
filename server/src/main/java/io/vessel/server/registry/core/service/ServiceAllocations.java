package io.vessel.server.registry.core.service;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.vertx.core.Future;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.Allocations;
import io.vessel.server.registry.GoValue;
import io.vessel.server.storage.Claim;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * ClusterIP and NodePort allocation, done where kube-apiserver does it: in the Service registry,
 * as the Service is written, not in a controller.
 *
 * <p>Design: there is no allocation state apart from the Services. Each Service's clusterIP and
 * nodePorts are claims (pool {@value #IP_POOL}, {@value #PORT_POOL}) that storage writes in the
 * same PostgreSQL transaction as the Service itself, into a table whose primary key is (pool,
 * value); a delete removes them in the same transaction. So the claims are always exactly the
 * values the stored Services hold, across every replica on the database, and no value can be held
 * twice: a concurrent write that got there first makes ours fail with nothing stored. Choosing a
 * value reads the claimed set first and picks a random free one; losing the race to another
 * replica in between only costs a retry ({@link io.vessel.server.registry.ResourceStore}), while a
 * value the client asked for is a 422 with upstream's message. Nothing can leak: a crash before
 * commit writes neither the Service nor its claims, so no repair loop is needed.
 */
public final class ServiceAllocations implements Allocations<Service> {
  static final String IP_POOL = "serviceIPv4";
  static final String PORT_POOL = "serviceNodePorts";

  private final ServiceIpRange ips;
  private final NodePortRange ports;
  private final RandomGenerator random;

  public ServiceAllocations(ServiceIpRange ips, NodePortRange ports, RandomGenerator random) {
    this.ips = ips;
    this.ports = ports;
    this.random = random;
  }

  public ServiceAllocations() {
    this(ServiceIpRange.DEFAULT, NodePortRange.DEFAULT, new SecureRandom());
  }

  @Override
  public Future<Set<Claim>> allocate(
      Service svc, Service old, Function<String, Future<Set<Long>>> claimed) {
    ServiceSpec spec = svc.getSpec();
    Future<Set<Long>> takenIps =
        ServiceTypes.needsClusterIp(spec) && !ServiceTypes.headless(spec)
            ? claimed.apply(IP_POOL)
            : Future.succeededFuture(Set.of());
    Future<Set<Long>> takenPorts =
        ServiceTypes.needsNodePorts(spec)
            ? claimed.apply(PORT_POOL)
            : Future.succeededFuture(Set.of());
    return Future.all(takenIps, takenPorts)
        .map(v -> assign(svc, old, takenIps.result(), takenPorts.result()));
  }

  /** Sets the chosen values on {@code svc}; throws a 422 for requested ones it may not have. */
  Set<Claim> assign(Service svc, Service old, Set<Long> takenIps, Set<Long> takenPorts) {
    ServiceSpec spec = svc.getSpec();
    Set<Claim> claims = new LinkedHashSet<>();
    FieldErrors errors = new FieldErrors();
    if (ServiceTypes.needsClusterIp(spec) && !ServiceTypes.headless(spec)) {
      String ip = spec.getClusterIP();
      if (ip == null || ip.isEmpty()) {
        long chosen =
            ips.pick(takenIps, random)
                .orElseThrow(
                    () -> ApiException.internal("failed to allocate a serviceIP: range is full"));
        ip = ServiceIpRange.format(chosen);
        spec.setClusterIP(ip);
        spec.setClusterIPs(List.of(ip));
        claims.add(new Claim(IP_POOL, chosen));
      } else {
        long value = ServiceIpRange.parseIp(ip);
        spec.setClusterIPs(List.of(ip));
        long held = old == null ? -1 : heldIp(old.getSpec());
        if (!ips.contains(value)) {
          errors.invalid(
              "spec.clusterIPs",
              clusterIpsValue(ip),
              "failed to allocate IP "
                  + ip
                  + ": the provided IP ("
                  + ip
                  + ") is not in the valid range. The range of valid IPs is "
                  + ips);
        } else if (takenIps.contains(value) && value != held) {
          errors.invalid("spec.clusterIPs", clusterIpsValue(ip), alreadyAllocated(ip));
        }
        claims.add(new Claim(IP_POOL, value));
      }
    }
    if (ServiceTypes.needsNodePorts(spec)) {
      Set<Long> heldPorts = old == null ? Set.of() : ServiceTypes.nodePorts(old.getSpec());
      Set<Long> taken = new HashSet<>(takenPorts);
      List<ServicePort> list = spec.getPorts() == null ? List.of() : spec.getPorts();
      for (int i = 0; i < list.size(); i++) {
        ServicePort p = list.get(i);
        Integer np = p.getNodePort();
        if (np == null || np == 0) {
          long chosen =
              ports
                  .pick(taken, random)
                  .orElseThrow(
                      () -> ApiException.internal("failed to allocate a nodePort: range is full"));
          p.setNodePort((int) chosen);
          taken.add(chosen);
          claims.add(new Claim(PORT_POOL, chosen));
          continue;
        }
        String field = "spec.ports[" + i + "].nodePort";
        if (!ports.contains(np)) {
          errors.invalid(
              field,
              np,
              "provided port is not in the valid range. The range of valid ports is " + ports);
        } else if (takenPorts.contains((long) np) && !heldPorts.contains((long) np)) {
          errors.invalid(field, np, "provided port is already allocated");
        }
        taken.add((long) np);
        claims.add(new Claim(PORT_POOL, np));
      }
    }
    errors.throwIfAny("Service", "", svc.getMetadata().getName());
    return claims;
  }

  @Override
  public ApiException claimedByAnother(Service requested, Claim claim) {
    ServiceSpec spec = requested.getSpec();
    FieldErrors errors = new FieldErrors();
    if (claim.pool().equals(IP_POOL)) {
      String ip = ServiceIpRange.format(claim.value());
      if (ip.equals(spec.getClusterIP())) {
        errors.invalid("spec.clusterIPs", clusterIpsValue(ip), alreadyAllocated(ip));
      }
    } else if (claim.pool().equals(PORT_POOL) && spec.getPorts() != null) {
      for (int i = 0; i < spec.getPorts().size(); i++) {
        Integer np = spec.getPorts().get(i).getNodePort();
        if (np != null && np == claim.value()) {
          errors.invalid(
              "spec.ports[" + i + "].nodePort", np, "provided port is already allocated");
          break;
        }
      }
    }
    return errors.isEmpty()
        ? null
        : ApiException.invalid("Service", "", requested.getMetadata().getName(), errors.causes());
  }

  private static long heldIp(ServiceSpec spec) {
    if (spec == null || spec.getClusterIP() == null) {
      return -1;
    }
    return ServiceIpRange.parseIp(spec.getClusterIP());
  }

  private static String alreadyAllocated(String ip) {
    return "failed to allocate IP " + ip + ": provided IP is already allocated";
  }

  /** Upstream prints the whole clusterIPs slice, Go-style: {@code []string{"10.96.0.5"}}. */
  private static GoValue clusterIpsValue(String ip) {
    return new GoValue("[]string{\"" + ip + "\"}");
  }
}
