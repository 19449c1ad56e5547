package io.vessel.server.registry.core.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** The defaults core/v1 gives every container: pull policy, termination message, ports, probes. */
public final class ContainerDefaults {
  static final String TERMINATION_MESSAGE_PATH = "/dev/termination-log";

  private ContainerDefaults() {}

  public static void apply(Container c) {
    if (c.getResources() == null) {
      // Go prints the non-pointer resources struct even when empty: resources: {}.
      c.setResources(new ResourceRequirements());
    }
    if (c.getImagePullPolicy() == null || c.getImagePullPolicy().isEmpty()) {
      c.setImagePullPolicy(pullPolicyFor(c.getImage()));
    }
    if (c.getTerminationMessagePath() == null || c.getTerminationMessagePath().isEmpty()) {
      c.setTerminationMessagePath(TERMINATION_MESSAGE_PATH);
    }
    if (c.getTerminationMessagePolicy() == null || c.getTerminationMessagePolicy().isEmpty()) {
      c.setTerminationMessagePolicy("File");
    }
    if (c.getPorts() != null) {
      for (ContainerPort p : c.getPorts()) {
        if (p.getProtocol() == null || p.getProtocol().isEmpty()) {
          p.setProtocol("TCP");
        }
      }
    }
    if (c.getEnv() != null) {
      for (EnvVar e : c.getEnv()) {
        if (e.getValueFrom() != null
            && e.getValueFrom().getFieldRef() != null
            && e.getValueFrom().getFieldRef().getApiVersion() == null) {
          e.getValueFrom().getFieldRef().setApiVersion("v1");
        }
      }
    }
    probe(c.getLivenessProbe());
    probe(c.getReadinessProbe());
    probe(c.getStartupProbe());
    Lifecycle lifecycle = c.getLifecycle();
    if (lifecycle != null) {
      handler(lifecycle.getPostStart());
      handler(lifecycle.getPreStop());
    }
  }

  /**
   * Always for an image without a tag or tagged {@code latest} (a reference that names no tag means
   * latest, unless it names a digest), IfNotPresent otherwise.
   */
  static String pullPolicyFor(String image) {
    if (image == null) {
      return "IfNotPresent";
    }
    String ref = image;
    int at = ref.indexOf('@');
    boolean digest = at >= 0;
    if (digest) {
      ref = ref.substring(0, at);
    }
    String last = ref.substring(ref.lastIndexOf('/') + 1);
    int colon = last.lastIndexOf(':');
    String tag = colon < 0 ? (digest ? "" : "latest") : last.substring(colon + 1);
    return tag.equals("latest") ? "Always" : "IfNotPresent";
  }

  private static void probe(Probe p) {
    if (p == null) {
      return;
    }
    if (p.getTimeoutSeconds() == null) {
      p.setTimeoutSeconds(1);
    }
    if (p.getPeriodSeconds() == null) {
      p.setPeriodSeconds(10);
    }
    if (p.getSuccessThreshold() == null) {
      p.setSuccessThreshold(1);
    }
    if (p.getFailureThreshold() == null) {
      p.setFailureThreshold(3);
    }
    httpGet(p.getHttpGet());
    if (p.getGrpc() != null && p.getGrpc().getService() == null) {
      p.getGrpc().setService("");
    }
  }

  private static void handler(LifecycleHandler h) {
    if (h != null) {
      httpGet(h.getHttpGet());
    }
  }

  private static void httpGet(HTTPGetAction a) {
    if (a == null) {
      return;
    }
    if (a.getPath() == null || a.getPath().isEmpty()) {
      a.setPath("/");
    }
    if (a.getScheme() == null || a.getScheme().isEmpty()) {
      a.setScheme("HTTP");
    }
  }
}
