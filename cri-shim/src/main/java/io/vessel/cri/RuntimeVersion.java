package io.vessel.cri;

/**
 * What a runtime said about itself in the Version handshake.
 *
 * @param runtimeName e.g. {@code containerd} or {@code cri-o}
 * @param runtimeVersion the runtime's own version, e.g. {@code 1.6.20~ds1}
 * @param runtimeApiVersion the CRI version it serves; always {@code v1} once the handshake passed
 */
public record RuntimeVersion(String runtimeName, String runtimeVersion, String runtimeApiVersion) {

  /**
   * The Node's {@code status.nodeInfo.containerRuntimeVersion}, in the kubelet's format: {@code
   * containerd://1.6.20~ds1}.
   */
  public String containerRuntimeVersion() {
    return runtimeName + "://" + runtimeVersion;
  }
}
