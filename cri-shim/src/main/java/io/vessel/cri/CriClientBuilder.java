package io.vessel.cri;

import java.time.Duration;
import java.util.Objects;

/**
 * Configures and connects a {@link CriClient}. The defaults live here, in one place: containerd's
 * socket and {@link CriTimeouts#DEFAULT}.
 */
public final class CriClientBuilder {

  private CriEndpoint endpoint = CriEndpoint.CONTAINERD;
  private Duration callTimeout = CriTimeouts.DEFAULT.call();
  private Duration runPodSandboxTimeout = CriTimeouts.DEFAULT.runPodSandbox();
  private Duration pullImageTimeout = CriTimeouts.DEFAULT.pullImage();

  CriClientBuilder() {}

  /** {@code unix:///path} or an absolute path; see {@link CriEndpoint#parse}. */
  public CriClientBuilder endpoint(String endpoint) {
    return endpoint(CriEndpoint.parse(endpoint));
  }

  public CriClientBuilder endpoint(CriEndpoint endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    return this;
  }

  /** The deadline of every call without a timeout of its own; see {@link CriTimeouts#call()}. */
  public CriClientBuilder callTimeout(Duration timeout) {
    this.callTimeout = timeout;
    return this;
  }

  public CriClientBuilder runPodSandboxTimeout(Duration timeout) {
    this.runPodSandboxTimeout = timeout;
    return this;
  }

  public CriClientBuilder pullImageTimeout(Duration timeout) {
    this.pullImageTimeout = timeout;
    return this;
  }

  /**
   * Connects and runs the Version handshake; the client is returned only for a runtime that speaks
   * CRI {@code v1}.
   *
   * @throws CriException UNAVAILABLE if nothing answers on the socket, UNIMPLEMENTED if the runtime
   *     does not serve {@code runtime.v1}, INTERNAL if its Version reply lacks a field
   * @throws IllegalArgumentException if a timeout is not positive
   */
  public CriClient connect() {
    var timeouts = new CriTimeouts(callTimeout, runPodSandboxTimeout, pullImageTimeout);
    var transport = CriTransport.open(endpoint);
    try {
      var client = new CriClient(endpoint, transport, timeouts);
      client.handshake();
      return client;
    } catch (RuntimeException e) {
      transport.close();
      throw e;
    }
  }
}
