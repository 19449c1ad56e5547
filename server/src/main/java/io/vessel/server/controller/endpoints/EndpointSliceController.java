package io.vessel.server.controller.endpoints;

import static io.vessel.kit.client.Resources.ENDPOINT_SLICES;
import static io.vessel.kit.client.Resources.PODS;
import static io.vessel.kit.client.Resources.SERVICES;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.controller.Controller;
import io.vessel.kit.controller.Result;
import io.vessel.kit.informer.Informer;
import io.vessel.kit.informer.ObjectKeys;
import io.vessel.kit.selector.LabelSelectors;
import io.vessel.server.controller.Loops;
import io.vessel.server.controller.OwnerRefs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the EndpointSlices of each Service that has a selector: one slice per distinct port
 * list, at most {@value #MAX_ENDPOINTS} endpoints each, IPv4, labelled with the Service's name
 * and this controller as manager, owned by the Service. Unlike Endpoints, terminating pods stay
 * listed with {@code terminating: true} (and {@code ready: false}). A Service with no backends
 * gets one empty placeholder slice, as upstream. Existing slices are reused for the same port
 * list and written only when their endpoints, ports or labels change; surplus ones are deleted,
 * as are the slices of deleted or selectorless Services.
 */
public final class EndpointSliceController {
  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  static final String MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
  static final String MANAGER = "endpointslice-controller.k8s.io";
  /** Upstream's --max-endpoints-per-slice default. */
  static final int MAX_ENDPOINTS = 100;

  private final Loops loops;
  private final Informer<Service> services;
  private final Informer<Pod> pods;
  private final Informer<EndpointSlice> slices;

  private EndpointSliceController(Loops loops) {
    this.loops = loops;
    this.services = loops.informers().of(SERVICES);
    this.pods = loops.informers().of(PODS);
    this.slices = loops.informers().of(ENDPOINT_SLICES);
  }

  public static void register(Loops loops) {
    EndpointSliceController c = new EndpointSliceController(loops);
    loops.add(
        new Controller("endpointslice", 2, c::reconcile)
            .watches(c.services)
            .watches(c.pods, c::servicesOf)
            .watches(c.slices, EndpointSliceController::serviceOf));
  }

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

  private static List<String> serviceOf(EndpointSlice slice) {
    Map<String, String> labels = Backends.orEmpty(slice.getMetadata().getLabels());
    if (!MANAGER.equals(labels.get(MANAGED_BY_LABEL)) || !labels.containsKey(SERVICE_NAME_LABEL)) {
      return List.of();
    }
    return List.of(ObjectKeys.of(slice.getMetadata().getNamespace(), labels.get(SERVICE_NAME_LABEL)));
  }

  private List<EndpointSlice> managedSlices(String namespace, String service) {
    List<EndpointSlice> mine = new ArrayList<>();
    for (EndpointSlice s : slices.list(namespace)) {
      Map<String, String> labels = Backends.orEmpty(s.getMetadata().getLabels());
      if (MANAGER.equals(labels.get(MANAGED_BY_LABEL)) && service.equals(labels.get(SERVICE_NAME_LABEL))) {
        mine.add(s);
      }
    }
    return mine;
  }

  /** The content of one wanted slice. */
  record Wanted(List<EndpointPort> ports, List<Endpoint> endpoints) {}

  private Result reconcile(String key) {
    String ns = ObjectKeys.namespace(key);
    String name = ObjectKeys.name(key);
    Service svc = services.get(key);
    List<EndpointSlice> existing = managedSlices(ns, name);
    if (svc == null || svc.getSpec().getSelector() == null || svc.getSpec().getSelector().isEmpty()) {
      existing.forEach(this::deleteSlice);
      return Result.done();
    }
    List<Backends.Backend> backends = Backends.of(svc, pods.list(ns));
    List<Wanted> wanted = wanted(backends);
    Map<String, String> labels = Backends.serviceLabels(svc);
    labels.put(SERVICE_NAME_LABEL, name);
    labels.put(MANAGED_BY_LABEL, MANAGER);
    String trigger = Backends.lastChangeTriggerTime(svc, backends);

    List<EndpointSlice> unused = new ArrayList<>(existing);
    List<Wanted> missing = new ArrayList<>();
    // First keep slices that already hold exactly what is wanted, then reuse by port list.
    for (Wanted w : wanted) {
      EndpointSlice same =
          unused.stream().filter(s -> holds(s, w) && labelled(s, labels)).findFirst().orElse(null);
      if (same != null) {
        unused.remove(same);
      } else {
        missing.add(w);
      }
    }
    for (Wanted w : missing) {
      EndpointSlice reuse =
          unused.stream()
              .filter(s -> Objects.equals(orEmptyPorts(s.getPorts()), w.ports()))
              .findFirst()
              .orElse(unused.isEmpty() ? null : unused.get(0));
      if (reuse != null) {
        unused.remove(reuse);
        EndpointSlice updated = slice(svc, labels, trigger, w);
        updated.getMetadata().setName(reuse.getMetadata().getName());
        updated.getMetadata().setGenerateName(reuse.getMetadata().getGenerateName());
        updated.getMetadata().setResourceVersion(reuse.getMetadata().getResourceVersion());
        Blocking.await(loops.client().update(ENDPOINT_SLICES, updated));
      } else {
        Blocking.await(loops.client().create(ENDPOINT_SLICES, slice(svc, labels, trigger, w)));
      }
    }
    unused.forEach(this::deleteSlice);
    return Result.done();
  }

  /** Backends grouped by their port list, in chunks; one empty placeholder if there are none. */
  static List<Wanted> wanted(List<Backends.Backend> backends) {
    Map<List<EndpointPort>, List<Endpoint>> byPorts = new LinkedHashMap<>();
    for (Backends.Backend b : backends) {
      List<EndpointPort> ports = new ArrayList<>();
      for (Backends.Port p : b.ports()) {
        EndpointPort ep = new EndpointPort();
        ep.setName(p.name());
        ep.setPort(p.port());
        ep.setProtocol(p.protocol());
        ep.setAppProtocol(p.appProtocol());
        ports.add(ep);
      }
      Endpoint e =
          new EndpointBuilder()
              .withAddresses(b.ip())
              .withNewConditions()
              .withReady(b.ready())
              .withServing(b.serving())
              .withTerminating(b.terminating())
              .endConditions()
              .withHostname(b.hostname())
              .withNodeName(b.nodeName())
              .withTargetRef(b.targetRef())
              .build();
      byPorts.computeIfAbsent(ports, k -> new ArrayList<>()).add(e);
    }
    List<Wanted> wanted = new ArrayList<>();
    byPorts.forEach(
        (ports, endpoints) -> {
          for (int i = 0; i < endpoints.size(); i += MAX_ENDPOINTS) {
            wanted.add(
                new Wanted(ports, List.copyOf(endpoints.subList(i, Math.min(endpoints.size(), i + MAX_ENDPOINTS)))));
          }
        });
    if (wanted.isEmpty()) {
      wanted.add(new Wanted(List.of(), List.of()));
    }
    return wanted;
  }

  private static boolean holds(EndpointSlice s, Wanted w) {
    List<Endpoint> endpoints = s.getEndpoints() == null ? List.of() : s.getEndpoints();
    return Objects.equals(orEmptyPorts(s.getPorts()), w.ports()) && Objects.equals(endpoints, w.endpoints());
  }

  private static boolean labelled(EndpointSlice s, Map<String, String> labels) {
    return Objects.equals(Backends.orEmpty(s.getMetadata().getLabels()), labels);
  }

  private static List<EndpointPort> orEmptyPorts(List<EndpointPort> ports) {
    return ports == null ? List.of() : ports;
  }

  private static EndpointSlice slice(
      Service svc, Map<String, String> labels, String trigger, Wanted w) {
    return new EndpointSliceBuilder()
        .withNewMetadata()
        .withNamespace(svc.getMetadata().getNamespace())
        .withGenerateName(svc.getMetadata().getName() + "-")
        .withLabels(new HashMap<>(labels))
        .withAnnotations(Map.of(Backends.TRIGGER_TIME, trigger))
        .withOwnerReferences(OwnerRefs.controllerRef(svc))
        .endMetadata()
        .withAddressType("IPv4")
        .withEndpoints(w.endpoints())
        .withPorts(w.ports().isEmpty() ? null : w.ports())
        .build();
  }

  private void deleteSlice(EndpointSlice s) {
    try {
      Blocking.await(
          loops.client().delete(ENDPOINT_SLICES, s.getMetadata().getNamespace(), s.getMetadata().getName(), null));
    } catch (ApiException e) {
      if (!e.notFound()) {
        throw e;
      }
    }
  }
}
