package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.vessel.cri.v1.ContainerConfig;
import io.vessel.cri.v1.ContainerMetadata;
import io.vessel.cri.v1.ImageSpec;
import io.vessel.cri.v1.KeyValue;
import io.vessel.cri.v1.LinuxContainerConfig;
import io.vessel.cri.v1.LinuxContainerResources;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pod's container as a CRI ContainerConfig: command and args (with {@code $(VAR)} expanded),
 * working dir, env (values and the basic fieldRefs), labels, log path and Linux resources.
 *
 * <p>Fails with {@link IllegalArgumentException} on what it cannot honour (an unsupported
 * valueFrom), which the syncer reports as {@code CreateContainerConfigError}.
 */
final class ContainerConfigs {
  static final long CPU_PERIOD_US = 100_000;
  private static final Pattern VAR_REF = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)|\\$\\$");

  private ContainerConfigs() {}

  static ContainerConfig build(
      Pod pod, Container container, int attempt, String podIp, String hostIp, String imageRef) {
    var meta = pod.getMetadata();
    Map<String, String> env = env(pod, container, podIp, hostIp);
    var builder =
        ContainerConfig.newBuilder()
            .setMetadata(
                ContainerMetadata.newBuilder().setName(container.getName()).setAttempt(attempt))
            .setImage(ImageSpec.newBuilder().setImage(imageRef))
            .putLabels(PodLabels.POD_NAME, meta.getName())
            .putLabels(PodLabels.POD_NAMESPACE, meta.getNamespace())
            .putLabels(PodLabels.POD_UID, meta.getUid())
            .putLabels(PodLabels.CONTAINER_NAME, container.getName())
            .setLogPath(container.getName() + "/" + attempt + ".log")
            .setStdin(Boolean.TRUE.equals(container.getStdin()))
            .setStdinOnce(Boolean.TRUE.equals(container.getStdinOnce()))
            .setTty(Boolean.TRUE.equals(container.getTty()))
            .setLinux(LinuxContainerConfig.newBuilder().setResources(resources(container)));
    if (container.getCommand() != null) {
      container.getCommand().forEach(s -> builder.addCommand(expand(s, env)));
    }
    if (container.getArgs() != null) {
      container.getArgs().forEach(s -> builder.addArgs(expand(s, env)));
    }
    if (container.getWorkingDir() != null) {
      builder.setWorkingDir(container.getWorkingDir());
    }
    env.forEach((k, v) -> builder.addEnvs(KeyValue.newBuilder().setKey(k).setValue(v)));
    return builder.build();
  }

  /** The container's environment in order; later values may refer to earlier ones. */
  static Map<String, String> env(Pod pod, Container container, String podIp, String hostIp) {
    var env = new LinkedHashMap<String, String>();
    if (container.getEnvFrom() != null && !container.getEnvFrom().isEmpty()) {
      throw new IllegalArgumentException("envFrom is not supported yet");
    }
    if (container.getEnv() == null) {
      return env;
    }
    for (EnvVar e : container.getEnv()) {
      if (e.getValueFrom() == null) {
        env.put(e.getName(), e.getValue() == null ? "" : expand(e.getValue(), env));
        continue;
      }
      var fieldRef = e.getValueFrom().getFieldRef();
      if (fieldRef == null) {
        throw new IllegalArgumentException(
            "env " + e.getName() + ": only valueFrom.fieldRef is supported yet");
      }
      env.put(e.getName(), field(pod, fieldRef.getFieldPath(), podIp, hostIp, e.getName()));
    }
    return env;
  }

  private static String field(Pod pod, String path, String podIp, String hostIp, String name) {
    var meta = pod.getMetadata();
    return switch (path) {
      case "metadata.name" -> meta.getName();
      case "metadata.namespace" -> meta.getNamespace();
      case "metadata.uid" -> meta.getUid();
      case "spec.nodeName" -> pod.getSpec().getNodeName();
      case "spec.serviceAccountName" -> nullToEmpty(pod.getSpec().getServiceAccountName());
      case "status.podIP" -> podIp;
      case "status.hostIP" -> hostIp;
      default -> throw new IllegalArgumentException(
          "env " + name + ": fieldRef " + path + " is not supported yet");
    };
  }

  /** Kubernetes' {@code $(VAR)} expansion: unknown references stay as written, {@code $$} is $. */
  static String expand(String s, Map<String, String> env) {
    Matcher m = VAR_REF.matcher(s);
    var out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(1) == null) {
        replacement = "$";
      } else {
        replacement = env.getOrDefault(m.group(1), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** requests.cpu → shares, limits.cpu → CFS quota, limits.memory → memory limit (as kubelet). */
  static LinuxContainerResources resources(Container container) {
    var builder = LinuxContainerResources.newBuilder();
    var r = container.getResources();
    Map<String, Quantity> requests = r == null || r.getRequests() == null ? Map.of() : r.getRequests();
    Map<String, Quantity> limits = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
    Quantity cpuRequest = requests.getOrDefault("cpu", limits.get("cpu"));
    long milliRequest = cpuRequest == null ? 0 : milli(cpuRequest);
    // the kubelet's MilliCPUToShares: 2 is the kernel's minimum, also for no request at all
    builder.setCpuShares(Math.max(2, milliRequest * 1024 / 1000));
    if (limits.containsKey("cpu")) {
      long quota = milli(limits.get("cpu")) * CPU_PERIOD_US / 1000;
      builder.setCpuPeriod(CPU_PERIOD_US).setCpuQuota(Math.max(1000, quota));
    }
    if (limits.containsKey("memory")) {
      builder.setMemoryLimitInBytes(
          Quantity.getAmountInBytes(limits.get("memory")).longValue());
    }
    return builder.build();
  }

  private static long milli(Quantity q) {
    return Quantity.getAmountInBytes(q).multiply(BigDecimal.valueOf(1000)).longValue();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
