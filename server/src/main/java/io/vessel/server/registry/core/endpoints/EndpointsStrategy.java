package io.vessel.server.registry.core.endpoints;

import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;

/** Endpoints rules: ports default to TCP. */
public final class EndpointsStrategy extends BasicStrategy<Endpoints> {

  public EndpointsStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, false, false);
  }

  @Override
  protected void applyDefaults(Endpoints ep) {
    if (ep.getSubsets() == null) {
      return;
    }
    for (EndpointSubset s : ep.getSubsets()) {
      if (s.getPorts() == null) {
        continue;
      }
      for (EndpointPort p : s.getPorts()) {
        if (p.getProtocol() == null || p.getProtocol().isEmpty()) {
          p.setProtocol("TCP");
        }
      }
    }
  }
}
