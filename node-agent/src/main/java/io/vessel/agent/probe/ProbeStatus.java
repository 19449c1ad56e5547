package io.vessel.agent.probe;

import io.fabric8.kubernetes.api.model.Container;
import java.util.Optional;

/**
 * What probes say about one running container, as the pod status and the pod sync read it. Answers
 * for the container id given: results of an earlier attempt never leak into a new one.
 */
public interface ProbeStatus {

  /** True once the startup probe passed; true at once for a container without one. */
  boolean started(String podUid, Container c, String containerId);

  /**
   * True while the readiness probe passes (false until its first success); for a container without
   * one, the same as {@link #started}.
   */
  boolean ready(String podUid, Container c, String containerId);

  /**
   * Why the container must be killed (a liveness or startup probe reached its failure threshold),
   * or empty. Stays set until {@link #killed}.
   */
  Optional<String> killRequest(String containerId);

  /** The pod sync stopped the container for its {@link #killRequest}. */
  void killed(String containerId);

  /** No probes: every running container is started and ready, and none is ever killed. */
  static ProbeStatus none() {
    return new ProbeStatus() {
      @Override
      public boolean started(String podUid, Container c, String containerId) {
        return true;
      }

      @Override
      public boolean ready(String podUid, Container c, String containerId) {
        return true;
      }

      @Override
      public Optional<String> killRequest(String containerId) {
        return Optional.empty();
      }

      @Override
      public void killed(String containerId) {}
    };
  }
}
