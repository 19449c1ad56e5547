package io.vessel.conformance.harness;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects one {@link Cluster} shared by every test class of the run: started on first use, closed
 * (and a local Vessel stopped) when the test run ends.
 *
 * <p>Use with {@code @ExtendWith(SharedCluster.class)} and a {@code Cluster} constructor or method
 * parameter. Tests that stop or restart the server start their own {@link LocalCluster} instead.
 */
public final class SharedCluster implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedCluster.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Cluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // The root store outlives all classes; JUnit closes AutoCloseable values when the run ends.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("cluster", key -> Clusters.open(), Cluster.class);
  }
}
