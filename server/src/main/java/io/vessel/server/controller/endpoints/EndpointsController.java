package io.vessel.server.controller.endpoints;

import static io.vessel.kit.client.Resources.ENDPOINTS;
import static io.vessel.kit.client.Resources.PODS;
import static io.vessel.kit.client.Resources.SERVICES;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.controller.Controller;
import io.vessel.kit.controller.Result;
import io.vessel.kit.informer.Informer;
import io.vessel.kit.informer.ObjectKeys;
import io.vessel.kit.selector.LabelSelectors;
import io.vessel.server.controller.Loops;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps one Endpoints per Service that has a selector, named as the Service: the selected pods'
 * addresses, ready ones under {@code addresses} and the rest under {@code notReadyAddresses},
 * grouped into subsets by the ports they resolve to (upstream's RepackSubsets). Pods being
 * deleted are left out unless the Service publishes not-ready addresses. Services without a
 * selector are left alone (their Endpoints belong to whoever wrote them); the Endpoints of a
 * deleted Service are deleted. Writes happen only when subsets or labels change.
 */
public final class EndpointsController {
  private final Loops loops;
  private final Informer<Service> services;
  private final Informer<Pod> pods;
  private final Informer<Endpoints> endpoints;

  private EndpointsController(Loops loops) {
    this.loops = loops;
    this.services = loops.informers().of(SERVICES);
    this.pods = loops.informers().of(PODS);
    this.endpoints = loops.informers().of(ENDPOINTS);
  }

  public static void register(Loops loops) {
    EndpointsController c = new EndpointsController(loops);
    loops.add(
        new Controller("endpoint", 2, c::reconcile)
            .watches(c.services)
            .watches(c.pods, c::servicesOf)
            .watches(c.endpoints));
  }

  /** The Services in the pod's namespace whose selector matches it. */
  private List<String> servicesOf(Pod pod) {
    List<String> keys = new ArrayList<>();
    for (Service s : services.list(pod.getMetadata().getNamespace())) {
      Map<String, String> selector = s.getSpec() == null ? null : s.getSpec().getSelector();
      if (selector != null
          && !selector.isEmpty()
          && LabelSelectors.matchesMap(selector, Backends.orEmpty(pod.getMetadata().getLabels()))) {
        keys.add(ObjectKeys.of(s));
      }
    }
    return keys;
  }

  private Result reconcile(String key) {
    Service svc = services.get(key);
    Endpoints current = endpoints.get(key);
    if (svc == null) {
      // Only Endpoints this controller wrote (they carry the trigger time) go with the Service.
      if (current != null
          && Backends.orEmpty(current.getMetadata().getAnnotations()).containsKey(Backends.TRIGGER_TIME)) {
        deleteEndpoints(current);
      }
      return Result.done();
    }
    if (svc.getSpec().getSelector() == null || svc.getSpec().getSelector().isEmpty()) {
      return Result.done();
    }
    List<Backends.Backend> backends =
        Backends.of(svc, pods.list(svc.getMetadata().getNamespace()));
    List<EndpointSubset> subsets = subsets(svc, backends);
    Map<String, String> labels = Backends.serviceLabels(svc);
    if (current != null
        && Objects.equals(Backends.orEmpty(current.getSubsets()), subsets)
        && Objects.equals(Backends.orEmpty(current.getMetadata().getLabels()), labels)) {
      return Result.done();
    }
    Endpoints wanted =
        new EndpointsBuilder()
            .withNewMetadata()
            .withNamespace(svc.getMetadata().getNamespace())
            .withName(svc.getMetadata().getName())
            .withLabels(labels)
            .withAnnotations(
                Map.of(Backends.TRIGGER_TIME, Backends.lastChangeTriggerTime(svc, backends)))
            .endMetadata()
            .withSubsets(subsets)
            .build();
    if (current == null) {
      Blocking.await(loops.client().create(ENDPOINTS, wanted));
    } else {
      Map<String, String> annotations =
          new LinkedHashMap<>(Backends.orEmpty(current.getMetadata().getAnnotations()));
      annotations.putAll(wanted.getMetadata().getAnnotations());
      wanted.getMetadata().setAnnotations(annotations);
      wanted.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
      Blocking.await(loops.client().update(ENDPOINTS, wanted));
    }
    return Result.done();
  }

  /**
   * One subset per distinct port list, each with its ready and not-ready addresses sorted by IP.
   * A headless Service without ports still lists its addresses, with no ports.
   */
  static List<EndpointSubset> subsets(Service svc, List<Backends.Backend> backends) {
    boolean publishNotReady = Boolean.TRUE.equals(svc.getSpec().getPublishNotReadyAddresses());
    boolean headlessWithoutPorts =
        "None".equals(svc.getSpec().getClusterIP()) && Backends.orEmpty(svc.getSpec().getPorts()).isEmpty();
    Map<List<EndpointPort>, EndpointSubset> byPorts = new LinkedHashMap<>();
    for (Backends.Backend b : backends) {
      if (b.terminating() && !publishNotReady) {
        continue;
      }
      if (b.ports().isEmpty() && !headlessWithoutPorts) {
        continue;
      }
      List<EndpointPort> ports = new ArrayList<>();
      for (Backends.Port p : b.ports()) {
        ports.add(new EndpointPort(p.appProtocol(), p.name(), p.port(), p.protocol()));
      }
      ports.sort(Comparator.comparing((EndpointPort p) -> String.valueOf(p.getName())).thenComparing(EndpointPort::getPort));
      EndpointSubset subset =
          byPorts.computeIfAbsent(
              ports,
              k -> {
                EndpointSubset s = new EndpointSubset();
                if (!k.isEmpty()) {
                  s.setPorts(k);
                }
                return s;
              });
      EndpointAddress a = new EndpointAddress();
      a.setIp(b.ip());
      a.setHostname(b.hostname());
      a.setNodeName(b.nodeName());
      a.setTargetRef(b.targetRef());
      if (b.serving()) {
        subset.setAddresses(append(subset.getAddresses(), a));
      } else {
        subset.setNotReadyAddresses(append(subset.getNotReadyAddresses(), a));
      }
    }
    return new ArrayList<>(byPorts.values());
  }

  private static List<EndpointAddress> append(List<EndpointAddress> list, EndpointAddress a) {
    List<EndpointAddress> out = list == null ? new ArrayList<>() : new ArrayList<>(list);
    out.add(a);
    return out;
  }

  private void deleteEndpoints(Endpoints ep) {
    try {
      Blocking.await(
          loops.client().delete(ENDPOINTS, ep.getMetadata().getNamespace(), ep.getMetadata().getName(), null));
    } catch (ApiException e) {
      if (!e.notFound()) {
        throw e;
      }
    }
  }
}
