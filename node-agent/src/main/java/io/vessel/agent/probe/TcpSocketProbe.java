package io.vessel.agent.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** A tcpSocket action: success when a connection opens within the timeout. */
final class TcpSocketProbe {
  private TcpSocketProbe() {}

  static ProbeResult run(String host, int port, Duration timeout) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
      return ProbeResult.success("");
    } catch (IOException e) {
      return ProbeResult.failure(
          "dial tcp " + ContainerPorts.hostPort(host, port) + ": " + e.getMessage());
    }
  }
}
