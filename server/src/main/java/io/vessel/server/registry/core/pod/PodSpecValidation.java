package io.vessel.server.registry.core.pod;

import io.vessel.server.registry.Enums;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.NameValidation;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The basic checks of a pod spec, with upstream's field paths and messages: containers present and
 * named, images set, enumerated fields within their values, ports in range, unique names. {@code
 * path} is where the spec sits ({@code spec}, {@code spec.template.spec}, …).
 */
public final class PodSpecValidation {
  public static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
  private static final List<String> DNS_POLICIES =
      List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
  private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
  private static final List<String> MESSAGE_POLICIES = List.of("File", "FallbackToLogsOnError");
  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

  private PodSpecValidation() {}

  /** A template must carry a spec; its spec is checked like a pod's. */
  public static void validateTemplate(PodTemplateSpec template, String path, FieldErrors errors) {
    if (template == null) {
      errors.required(path, "");
      return;
    }
    validate(template.getSpec(), path + ".spec", errors);
  }

  public static void validate(PodSpec spec, String path, FieldErrors errors) {
    if (spec == null) {
      errors.required(path + ".containers", "");
      return;
    }
    Set<String> volumes = new HashSet<>();
    List<Volume> vs = PodSpecDefaults.list(spec.getVolumes());
    for (int i = 0; i < vs.size(); i++) {
      String name = vs.get(i).getName();
      String field = path + ".volumes[" + i + "].name";
      if (name == null || name.isEmpty()) {
        errors.required(field, "");
      } else {
        NameValidation.validateName(NameRule.DNS1123_LABEL, name, field, errors);
        if (!volumes.add(name)) {
          errors.invalid(field, name, "Duplicate value");
        }
      }
    }
    Set<String> names = new HashSet<>();
    containers(spec.getInitContainers(), path + ".initContainers", names, errors);
    List<Container> containers = PodSpecDefaults.list(spec.getContainers());
    if (containers.isEmpty()) {
      errors.required(path + ".containers", "");
    }
    containers(containers, path + ".containers", names, errors);
    String restart = spec.getRestartPolicy();
    if (restart != null && !RESTART_POLICIES.contains(restart)) {
      errors.notSupported(path + ".restartPolicy", restart, RESTART_POLICIES);
    }
    String dns = spec.getDnsPolicy();
    if (dns != null && !DNS_POLICIES.contains(dns)) {
      errors.notSupported(path + ".dnsPolicy", dns, DNS_POLICIES);
    }
    Long grace = spec.getTerminationGracePeriodSeconds();
    if (grace != null && grace < 0) {
      errors.invalid(path + ".terminationGracePeriodSeconds", grace, "must be >= 0");
    }
    Long deadline = spec.getActiveDeadlineSeconds();
    if (deadline != null && deadline <= 0) {
      errors.invalid(
          path + ".activeDeadlineSeconds", deadline, "must be between 1 and 2147483647, inclusive");
    }
  }

  private static void containers(
      List<Container> list, String path, Set<String> names, FieldErrors errors) {
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      Container c = list.get(i);
      String at = path + "[" + i + "]";
      String name = c.getName();
      if (name == null || name.isEmpty()) {
        errors.required(at + ".name", "");
      } else {
        NameValidation.validateName(NameRule.DNS1123_LABEL, name, at + ".name", errors);
        if (!names.add(name)) {
          errors.invalid(at + ".name", name, "Duplicate value");
        }
      }
      if (c.getImage() == null || c.getImage().isBlank()) {
        errors.required(at + ".image", "");
      }
      if (c.getImagePullPolicy() != null && !Enums.contains(PULL_POLICIES, c.getImagePullPolicy())) {
        errors.notSupported(at + ".imagePullPolicy", c.getImagePullPolicy(), PULL_POLICIES);
      }
      String messagePolicy = c.getTerminationMessagePolicy();
      if (messagePolicy != null && !MESSAGE_POLICIES.contains(messagePolicy)) {
        errors.notSupported(at + ".terminationMessagePolicy", messagePolicy, MESSAGE_POLICIES);
      }
      List<ContainerPort> ports = PodSpecDefaults.list(c.getPorts());
      for (int j = 0; j < ports.size(); j++) {
        ContainerPort p = ports.get(j);
        String portPath = at + ".ports[" + j + "]";
        Integer port = p.getContainerPort();
        if (port == null || port < 1 || port > 65535) {
          errors.invalid(
              portPath + ".containerPort",
              port == null ? 0 : port,
              "must be between 1 and 65535, inclusive");
        }
        if (p.getProtocol() != null && !Enums.contains(PROTOCOLS, p.getProtocol())) {
          errors.notSupported(portPath + ".protocol", p.getProtocol(), PROTOCOLS);
        }
      }
    }
  }
}
