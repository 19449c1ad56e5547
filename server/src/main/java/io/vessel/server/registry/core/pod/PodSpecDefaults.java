package io.vessel.server.registry.core.pod;

import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeSource;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ProjectedVolumeSource;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.vessel.server.api.Serialization;
import java.util.List;

/**
 * The defaults core/v1 gives a pod spec wherever it appears (pods and every pod template): DNS and
 * restart policy, an empty security context, the 30 s grace period, the default scheduler, emptyDir
 * for volumes without a source, 0644 file modes, and the container defaults.
 */
public final class PodSpecDefaults {
  /** 0644, the mode projected, secret, configMap and downwardAPI files get by default. */
  static final int DEFAULT_MODE = 420;

  private PodSpecDefaults() {}

  public static void apply(PodTemplateSpec template) {
    if (template != null && template.getSpec() != null) {
      apply(template.getSpec());
    }
  }

  public static void apply(PodSpec spec) {
    if (spec.getDnsPolicy() == null || spec.getDnsPolicy().isEmpty()) {
      spec.setDnsPolicy("ClusterFirst");
    }
    if (spec.getRestartPolicy() == null || spec.getRestartPolicy().isEmpty()) {
      spec.setRestartPolicy("Always");
    }
    if (spec.getSecurityContext() == null) {
      spec.setSecurityContext(new PodSecurityContext());
    }
    if (spec.getTerminationGracePeriodSeconds() == null) {
      spec.setTerminationGracePeriodSeconds(30L);
    }
    if (spec.getSchedulerName() == null || spec.getSchedulerName().isEmpty()) {
      spec.setSchedulerName("default-scheduler");
    }
    for (Container c : list(spec.getInitContainers())) {
      ContainerDefaults.apply(c);
    }
    for (Container c : list(spec.getContainers())) {
      ContainerDefaults.apply(c);
    }
    for (EphemeralContainer c : list(spec.getEphemeralContainers())) {
      if (c.getTerminationMessagePath() == null) {
        c.setTerminationMessagePath(ContainerDefaults.TERMINATION_MESSAGE_PATH);
      }
      if (c.getTerminationMessagePolicy() == null) {
        c.setTerminationMessagePolicy("File");
      }
      if (c.getImagePullPolicy() == null) {
        c.setImagePullPolicy(ContainerDefaults.pullPolicyFor(c.getImage()));
      }
    }
    for (Volume v : list(spec.getVolumes())) {
      volume(v);
    }
  }

  private static void volume(Volume v) {
    if (hasNoSource(v)) {
      v.setEmptyDir(new EmptyDirVolumeSource());
      return;
    }
    SecretVolumeSource secret = v.getSecret();
    if (secret != null && secret.getDefaultMode() == null) {
      secret.setDefaultMode(DEFAULT_MODE);
    }
    ConfigMapVolumeSource configMap = v.getConfigMap();
    if (configMap != null && configMap.getDefaultMode() == null) {
      configMap.setDefaultMode(DEFAULT_MODE);
    }
    DownwardAPIVolumeSource downward = v.getDownwardAPI();
    if (downward != null) {
      if (downward.getDefaultMode() == null) {
        downward.setDefaultMode(DEFAULT_MODE);
      }
      fieldRefs(downward.getItems());
    }
    ProjectedVolumeSource projected = v.getProjected();
    if (projected != null) {
      if (projected.getDefaultMode() == null) {
        projected.setDefaultMode(DEFAULT_MODE);
      }
      for (VolumeProjection p : list(projected.getSources())) {
        if (p.getServiceAccountToken() != null
            && p.getServiceAccountToken().getExpirationSeconds() == null) {
          p.getServiceAccountToken().setExpirationSeconds(3600L);
        }
        if (p.getDownwardAPI() != null) {
          fieldRefs(p.getDownwardAPI().getItems());
        }
      }
    }
    if (v.getHostPath() != null && v.getHostPath().getType() == null) {
      v.getHostPath().setType("");
    }
  }

  private static void fieldRefs(List<DownwardAPIVolumeFile> items) {
    for (DownwardAPIVolumeFile f : list(items)) {
      if (f.getFieldRef() != null && f.getFieldRef().getApiVersion() == null) {
        f.getFieldRef().setApiVersion("v1");
      }
    }
  }

  /** A volume naming nothing but itself: upstream's decoder makes it an emptyDir. */
  private static boolean hasNoSource(Volume v) {
    var tree = Serialization.json().valueToTree(v);
    return tree.size() == 0 || (tree.size() == 1 && tree.has("name"));
  }

  static <E> List<E> list(List<E> l) {
    return l == null ? List.of() : l;
  }
}
