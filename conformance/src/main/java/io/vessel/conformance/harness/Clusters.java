package io.vessel.conformance.harness;

import java.nio.file.Path;
import java.util.Optional;

/** Chooses the runner: an existing cluster when {@code vessel.kubeconfig} is set, else Vessel. */
public final class Clusters {

  /** System property naming an existing cluster's kubeconfig. */
  public static final String KUBECONFIG_PROPERTY = "vessel.kubeconfig";

  private Clusters() {}

  /** The kubeconfig of an existing cluster to run against, if one was given. */
  public static Optional<Path> externalKubeconfig() {
    var value = System.getProperty(KUBECONFIG_PROPERTY, "").strip();
    return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
  }

  /** A cluster for the suites: the external one if configured, else a freshly started Vessel. */
  public static Cluster open() {
    return externalKubeconfig().<Cluster>map(ExternalCluster::of).orElseGet(LocalCluster::start);
  }
}
