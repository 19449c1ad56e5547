package io.vessel.agent.probe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;

/** The three kinds of container probe, named as the kubelet's events name them. */
public enum ProbeType {
  LIVENESS("Liveness"),
  READINESS("Readiness"),
  STARTUP("Startup");

  private final String label;

  ProbeType(String label) {
    this.label = label;
  }

  /** "Liveness", "Readiness" or "Startup", as in {@code Liveness probe failed: …}. */
  public String label() {
    return label;
  }

  /** The container's probe of this type, or null. */
  Probe of(Container c) {
    return switch (this) {
      case LIVENESS -> c.getLivenessProbe();
      case READINESS -> c.getReadinessProbe();
      case STARTUP -> c.getStartupProbe();
    };
  }

  /**
   * The result a worker reports before its first decision: a container is live until proven
   * otherwise, not ready until proven ready, and not started until its startup probe passes.
   */
  boolean initiallySuccessful() {
    return this == LIVENESS;
  }
}
