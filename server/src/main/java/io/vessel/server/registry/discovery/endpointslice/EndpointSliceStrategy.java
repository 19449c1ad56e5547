package io.vessel.server.registry.discovery.endpointslice;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.List;
import java.util.Objects;

/** EndpointSlice rules: ports default to TCP; a known address type that never changes. */
public final class EndpointSliceStrategy extends BasicStrategy<EndpointSlice> {
  private static final List<String> ADDRESS_TYPES = List.of("IPv4", "IPv6", "FQDN");

  public EndpointSliceStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, false, false);
  }

  @Override
  protected void applyDefaults(EndpointSlice slice) {
    if (slice.getPorts() == null) {
      return;
    }
    for (EndpointPort p : slice.getPorts()) {
      if (p.getProtocol() == null) {
        p.setProtocol("TCP");
      }
      if (p.getName() == null) {
        p.setName("");
      }
    }
  }

  @Override
  public void validate(EndpointSlice slice, FieldErrors errors) {
    String type = slice.getAddressType();
    if (type == null || type.isEmpty()) {
      errors.required("addressType", "");
    } else if (!ADDRESS_TYPES.contains(type)) {
      errors.notSupported("addressType", type, ADDRESS_TYPES);
    }
  }

  @Override
  public void validateUpdate(EndpointSlice slice, EndpointSlice old, FieldErrors errors) {
    validate(slice, errors);
    if (!Objects.equals(slice.getAddressType(), old.getAddressType())) {
      errors.immutable("addressType", slice.getAddressType());
    }
  }
}
