package io.vessel.conformance.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The part common to both runners: everything derived from a kubeconfig file.
 *
 * <p>Threading: used from the JUnit thread only.
 */
abstract class KubeconfigCluster implements Cluster {

  private final Path kubeconfig;
  private final Path kubectlHome;
  private ClusterAccess access;
  private RestClient rest;
  private RestClient anonymousRest;

  KubeconfigCluster(Path kubeconfig, Path kubectlHome) {
    this.kubeconfig = kubeconfig;
    this.kubectlHome = kubectlHome;
    try {
      Files.createDirectories(kubectlHome);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Path kubeconfig() {
    return kubeconfig;
  }

  @Override
  public String server() {
    return access().server().toString();
  }

  @Override
  public Kubectl kubectl(KubectlBinary binary) {
    return new Kubectl(binary, kubeconfig, kubectlHome, this::diagnostics);
  }

  @Override
  public RestClient rest() {
    if (rest == null) {
      rest = new RestClient(access().server(), access().userTls(), access().bearerToken());
    }
    return rest;
  }

  @Override
  public RestClient anonymousRest() {
    if (anonymousRest == null) {
      anonymousRest = new RestClient(access().server(), access().anonymousTls(), null);
    }
    return anonymousRest;
  }

  /** Forgets clients and credentials, e.g. after the server restarted; they are rebuilt lazily. */
  void reconnect() {
    access = null;
    rest = null;
    anonymousRest = null;
  }

  private ClusterAccess access() {
    if (access == null) {
      access = ClusterAccess.read(kubeconfig);
    }
    return access;
  }
}
