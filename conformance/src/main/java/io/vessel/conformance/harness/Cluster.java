package io.vessel.conformance.harness;

import java.nio.file.Path;

/**
 * A running cluster the suites talk to, only through stock kubectl and HTTP.
 *
 * <p>Two runners implement it: {@link LocalCluster} starts a fresh Vessel with the launcher, {@link
 * ExternalCluster} uses any existing cluster's kubeconfig (Vessel, kind, a real kube-apiserver) so
 * that a test can itself be checked against upstream.
 */
public interface Cluster extends AutoCloseable {

  /** The kubeconfig with admin credentials. */
  Path kubeconfig();

  /** The API server URL from the kubeconfig, e.g. {@code https://127.0.0.1:6443}. */
  String server();

  /** kubectl of the given version, bound to this cluster and its private discovery cache. */
  Kubectl kubectl(KubectlBinary binary);

  /** HTTP as the kubeconfig's user. */
  RestClient rest();

  /** HTTP that trusts the cluster CA but presents no credentials at all. */
  RestClient anonymousRest();

  /**
   * Extra text for failure messages, such as the tail of the server log; empty when there is
   * nothing useful to add.
   */
  String diagnostics();

  /** Releases the cluster; a local one is stopped. Never throws. */
  @Override
  void close();
}
