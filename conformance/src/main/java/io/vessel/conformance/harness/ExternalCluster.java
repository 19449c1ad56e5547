package io.vessel.conformance.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An existing cluster reached through a given kubeconfig (system property {@code
 * vessel.kubeconfig}). Nothing is started or stopped; only kubectl's scratch directory is created
 * and removed.
 */
public final class ExternalCluster extends KubeconfigCluster {

  private final Path kubectlHome;

  private ExternalCluster(Path kubeconfig, Path kubectlHome) {
    super(kubeconfig, kubectlHome);
    this.kubectlHome = kubectlHome;
  }

  /** Uses {@code kubeconfig} as is. */
  public static ExternalCluster of(Path kubeconfig) {
    if (!Files.isReadable(kubeconfig)) {
      throw new AssertionError("kubeconfig " + kubeconfig + " is not readable");
    }
    try {
      return new ExternalCluster(
          kubeconfig.toAbsolutePath(), Files.createTempDirectory("vessel-it-kubectl-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String diagnostics() {
    return "";
  }

  @Override
  public void close() {
    LocalCluster.deleteRecursively(kubectlHome);
  }
}
