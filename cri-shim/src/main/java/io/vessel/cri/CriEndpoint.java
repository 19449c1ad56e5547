package io.vessel.cri;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a CRI runtime listens: a unix domain socket. The runtime is chosen by endpoint alone, as
 * with the kubelet's {@code --container-runtime-endpoint}: containerd at {@link #CONTAINERD}, CRI-O
 * at {@code unix:///var/run/crio/crio.sock}, a test fake at a temporary path.
 *
 * @param socket absolute path of the socket file
 */
public record CriEndpoint(Path socket) {

  /** containerd's default socket, where a stock containerd serves the CRI plugin. */
  public static final CriEndpoint CONTAINERD = parse("unix:///run/containerd/containerd.sock");

  private static final String UNIX = "unix://";

  public CriEndpoint {
    Objects.requireNonNull(socket, "socket");
    if (!socket.isAbsolute()) {
      throw new IllegalArgumentException("CRI socket path must be absolute: " + socket);
    }
  }

  /**
   * Reads {@code unix:///path/to/socket}, or a bare absolute path (which older kubelets accepted).
   *
   * @throws IllegalArgumentException for any other scheme: runtimes serve the CRI on a local socket
   *     only, and a TCP endpoint would need authentication this client does not do
   */
  public static CriEndpoint parse(String endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    if (endpoint.startsWith(UNIX)) {
      String path = endpoint.substring(UNIX.length());
      if (path.isEmpty() || path.charAt(0) != '/') {
        throw new IllegalArgumentException(
            "CRI endpoint must be unix:///absolute/path, got " + endpoint);
      }
      return new CriEndpoint(Path.of(path));
    }
    if (endpoint.startsWith("/")) {
      return new CriEndpoint(Path.of(endpoint));
    }
    throw new IllegalArgumentException(
        "unsupported CRI endpoint " + endpoint + ": only unix:// sockets are supported");
  }

  /**
   * Whether a process accepts connections on the socket now. The socket file alone proves nothing:
   * it outlives a runtime that was killed or a machine image that was copied while it ran.
   */
  public boolean listening() {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      return channel.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return UNIX + socket;
  }
}
