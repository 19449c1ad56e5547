package io.vessel.server.controller.endpoints;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.vessel.kit.selector.LabelSelectors;
import io.vessel.server.controller.Pods;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The pods a Service selects, as the Endpoints and EndpointSlice controllers both see them: each
 * with its IP, readiness, and the Service's ports resolved to the pod's (named targetPorts looked
 * up among its container ports, as upstream's FindPort; a port the pod lacks is left out for that
 * pod). Pods without an IP, and finished pods, are not backends.
 */
final class Backends {
  static final String TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
  static final String HEADLESS_LABEL = "service.kubernetes.io/headless";

  private Backends() {}

  /** A Service port as resolved for one pod. */
  record Port(String name, int port, String protocol, String appProtocol) {}

  /**
   * One selected pod. {@code serving}: ready, or the Service publishes not-ready addresses;
   * {@code terminating}: being deleted; {@code hostname}: set when the pod's subdomain names the
   * Service.
   */
  record Backend(
      Pod pod,
      String ip,
      boolean serving,
      boolean terminating,
      String hostname,
      List<Port> ports) {

    boolean ready() {
      return serving && !terminating;
    }

    ObjectReference targetRef() {
      return new ObjectReferenceBuilder()
          .withKind("Pod")
          .withNamespace(pod.getMetadata().getNamespace())
          .withName(pod.getMetadata().getName())
          .withUid(pod.getMetadata().getUid())
          .build();
    }

    String nodeName() {
      return pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    }
  }

  /** The selected pods of {@code svc} among {@code pods} (its namespace), sorted by IP. */
  static List<Backend> of(Service svc, Collection<Pod> pods) {
    Map<String, String> selector = svc.getSpec().getSelector();
    boolean publishNotReady = Boolean.TRUE.equals(svc.getSpec().getPublishNotReadyAddresses());
    List<ServicePort> servicePorts =
        svc.getSpec().getPorts() == null ? List.of() : svc.getSpec().getPorts();
    List<Backend> backends = new ArrayList<>();
    for (Pod pod : pods) {
      String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
      String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
      if (ip == null
          || ip.isEmpty()
          || "Succeeded".equals(phase)
          || "Failed".equals(phase)
          || !LabelSelectors.matchesMap(selector, orEmpty(pod.getMetadata().getLabels()))) {
        continue;
      }
      List<Port> ports = new ArrayList<>();
      for (ServicePort sp : servicePorts) {
        OptionalInt resolved = resolve(sp, pod);
        if (resolved.isPresent()) {
          ports.add(
              new Port(sp.getName(), resolved.getAsInt(), sp.getProtocol(), sp.getAppProtocol()));
        }
      }
      boolean serving = publishNotReady || Pods.ready(pod);
      boolean terminating = pod.getMetadata().getDeletionTimestamp() != null;
      backends.add(new Backend(pod, ip, serving, terminating, hostname(svc, pod), ports));
    }
    backends.sort(Comparator.comparing(Backend::ip).thenComparing(b -> b.pod().getMetadata().getName()));
    return backends;
  }

  /** The pod's port for a Service port: the number, or the container port of that name. */
  static OptionalInt resolve(ServicePort sp, Pod pod) {
    IntOrString target = sp.getTargetPort();
    if (target == null) {
      return OptionalInt.of(sp.getPort());
    }
    if (target.getStrVal() == null) {
      return OptionalInt.of(target.getIntVal());
    }
    String protocol = sp.getProtocol() == null ? "TCP" : sp.getProtocol();
    if (pod.getSpec() != null && pod.getSpec().getContainers() != null) {
      for (Container c : pod.getSpec().getContainers()) {
        for (ContainerPort cp : orEmpty(c.getPorts())) {
          String cpProtocol = cp.getProtocol() == null ? "TCP" : cp.getProtocol();
          if (target.getStrVal().equals(cp.getName()) && protocol.equals(cpProtocol)) {
            return OptionalInt.of(cp.getContainerPort());
          }
        }
      }
    }
    return OptionalInt.empty();
  }

  private static String hostname(Service svc, Pod pod) {
    String host = pod.getSpec() == null ? null : pod.getSpec().getHostname();
    if (host == null
        || host.isEmpty()
        || !svc.getMetadata().getName().equals(pod.getSpec().getSubdomain())) {
      return null;
    }
    return host;
  }

  /**
   * The labels both Endpoints and EndpointSlices copy from the Service, plus the headless
   * marker, as upstream.
   */
  static Map<String, String> serviceLabels(Service svc) {
    Map<String, String> labels = new HashMap<>(orEmpty(svc.getMetadata().getLabels()));
    if ("None".equals(svc.getSpec().getClusterIP())) {
      labels.put(HEADLESS_LABEL, "");
    }
    return labels;
  }

  /**
   * When the last change that this sync reflects happened, upstream's last-change-trigger-time:
   * the latest of the Service's creation and, per pod, its Ready transition (or creation) and
   * deletion mark.
   */
  static String lastChangeTriggerTime(Service svc, List<Backend> backends) {
    Instant latest = parse(svc.getMetadata().getCreationTimestamp()).orElse(Instant.EPOCH);
    for (Backend b : backends) {
      Pod p = b.pod();
      Instant t =
          Pods.readySince(p).or(() -> parse(p.getMetadata().getCreationTimestamp())).orElse(Instant.EPOCH);
      Instant deleted = parse(p.getMetadata().getDeletionTimestamp()).orElse(Instant.EPOCH);
      latest = max(latest, max(t, deleted));
    }
    return latest.toString();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Optional<Instant> parse(String t) {
    try {
      return t == null || t.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(t));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  static <E> List<E> orEmpty(List<E> list) {
    return list == null ? List.of() : list;
  }

  static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
