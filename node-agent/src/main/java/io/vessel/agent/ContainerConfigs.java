package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.vessel.cri.v1.ContainerConfig;
import io.vessel.cri.v1.ContainerMetadata;
import io.vessel.cri.v1.ImageSpec;
import io.vessel.cri.v1.KeyValue;
import io.vessel.cri.v1.LinuxContainerConfig;
import io.vessel.cri.v1.LinuxContainerResources;
import io.vessel.cri.v1.Mount;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pod's container as a CRI ContainerConfig: command and args (with {@code $(VAR)} expanded),
 * working dir, env, labels, log path and Linux resources.
 */
final class ContainerConfigs {
  static final long CPU_PERIOD_US = 100_000;
  private static final Pattern VAR_REF = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)|\\$\\$");

  private ContainerConfigs() {}

  /** {@code env} is the container's resolved environment ({@link ContainerEnv}). */
  static ContainerConfig build(
      Pod pod,
      Container container,
      int attempt,
      Map<String, String> env,
      List<Mount> mounts,
      String imageRef) {
    var meta = pod.getMetadata();
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
    builder.addAllMounts(mounts);
    return builder.build();
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

}
