package io.vessel.cri;

import io.grpc.Status;
import io.vessel.cri.v1.VersionResponse;

/**
 * Checks on runtime replies, so that a broken reply fails where it arrives rather than as an empty
 * id deep inside the node agent. Each check throws {@link CriException} with code INTERNAL.
 */
final class CriResponses {

  /** The only CRI version this client speaks. */
  static final String API_VERSION = "v1";

  private CriResponses() {}

  static RuntimeVersion version(VersionResponse r) {
    requireNonEmpty("Version", r.getRuntimeName(), "runtime_name");
    requireNonEmpty("Version", r.getRuntimeVersion(), "runtime_version");
    requireNonEmpty("Version", r.getRuntimeApiVersion(), "runtime_api_version");
    return new RuntimeVersion(r.getRuntimeName(), r.getRuntimeVersion(), r.getRuntimeApiVersion());
  }

  /**
   * Refuses a runtime that does not speak {@code runtime.v1}. A runtime without the service at all
   * fails the Version call itself with UNIMPLEMENTED; this is the same outcome for one that answers
   * with another version.
   */
  static RuntimeVersion requireV1(RuntimeVersion v, CriEndpoint endpoint) {
    if (!API_VERSION.equals(v.runtimeApiVersion())) {
      throw new CriException(
          "Version",
          Status.Code.UNIMPLEMENTED,
          v.containerRuntimeVersion()
              + " at "
              + endpoint
              + " serves CRI "
              + v.runtimeApiVersion()
              + ", this client speaks only "
              + API_VERSION,
          null);
    }
    return v;
  }

  static String requireNonEmpty(String rpc, String value, String field) {
    if (value.isEmpty()) {
      throw CriException.badResponse(rpc, "empty " + field);
    }
    return value;
  }

  static void requirePresent(String rpc, boolean present, String field) {
    if (!present) {
      throw CriException.badResponse(rpc, "no " + field);
    }
  }
}
