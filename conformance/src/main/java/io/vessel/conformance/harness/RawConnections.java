package io.vessel.conformance.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/**
 * Sockets to a cluster's API server below HTTP, for the bad-client suites: plain TCP connections
 * that send nothing or garbage, and TLS connections (with the kubeconfig's credentials) on which the
 * test writes raw HTTP and reads, or does not read, the answer.
 */
public final class RawConnections {

  private final String host;
  private final int port;
  private final ClusterAccess access;

  private RawConnections(String host, int port, ClusterAccess access) {
    this.host = host;
    this.port = port;
    this.access = access;
  }

  /** Connections to {@code cluster}'s API server. */
  public static RawConnections to(Cluster cluster) {
    var access = ClusterAccess.read(cluster.kubeconfig());
    var uri = access.server();
    return new RawConnections(uri.getHost(), uri.getPort() < 0 ? 443 : uri.getPort(), access);
  }

  /** A connected TCP socket that has sent nothing. */
  public Socket plain() {
    try {
      var socket = new Socket();
      socket.connect(new InetSocketAddress(host, port), 10_000);
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to " + host + ":" + port, e);
    }
  }

  /**
   * A TLS connection, handshake done, presenting the kubeconfig's client certificate.
   *
   * @param receiveBuffer the socket's receive buffer in bytes (set before connecting, so it also
   *     bounds the TCP window), or 0 for the system's default
   */
  public SSLSocket tls(int receiveBuffer) {
    try {
      var raw = new Socket();
      if (receiveBuffer > 0) {
        raw.setReceiveBufferSize(receiveBuffer);
      }
      raw.connect(new InetSocketAddress(host, port), 10_000);
      var socket =
          (SSLSocket) access.userTls().getSocketFactory().createSocket(raw, host, port, true);
      // HTTP/1.1 only: the request is written by hand
      var parameters = socket.getSSLParameters();
      parameters.setApplicationProtocols(new String[] {"http/1.1"});
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException("TLS to " + host + ":" + port + " failed", e);
    }
  }

  /** The first bytes of an HTTP/1.1 GET for {@code pathAndQuery}, headers complete. */
  public String get(String pathAndQuery) {
    return "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port
        + "\r\nAccept: application/json\r\nUser-Agent: vessel-conformance-raw\r\n\r\n";
  }

  /** Writes {@code text} to {@code socket}. */
  public static void write(Socket socket, String text) {
    try {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException("write failed", e);
    }
  }

  /**
   * Reads until the peer closes the connection or a chunked body ends ({@code 0\r\n\r\n}), for at
   * most {@code limit}; what was read so far is returned either way.
   *
   * @return the bytes read, and whether the stream ended within the limit
   */
  public static Drained drain(Socket socket, Duration limit) {
    var bytes = new ByteArrayOutputStream();
    long deadline = System.nanoTime() + limit.toNanos();
    boolean ended = false;
    try {
      InputStream in = socket.getInputStream();
      var buffer = new byte[64 * 1024];
      var tail = new byte[5];
      while (!ended) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          break;
        }
        socket.setSoTimeout((int) Math.min(Math.max(1, left), Integer.MAX_VALUE));
        int n;
        try {
          n = in.read(buffer);
        } catch (SocketTimeoutException e) {
          break;
        }
        if (n < 0) {
          ended = true;
        } else {
          bytes.write(buffer, 0, n);
          // keep the last five bytes read, to spot the end of a chunked body
          for (int i = Math.max(0, n - tail.length); i < n; i++) {
            System.arraycopy(tail, 1, tail, 0, tail.length - 1);
            tail[tail.length - 1] = buffer[i];
          }
          ended = new String(tail, StandardCharsets.US_ASCII).equals("0\r\n\r\n");
        }
      }
    } catch (IOException e) {
      ended = true; // reset or TLS alert: the peer is gone
    }
    return new Drained(bytes.toByteArray(), ended);
  }

  /**
   * Reads an HTTP response head (status line and headers) from {@code socket}, for at most {@code
   * limit}.
   *
   * @return the head, or what arrived of it before the limit or the end of the stream
   */
  public static String readHead(Socket socket, Duration limit) {
    var head = new StringBuilder();
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      var in = socket.getInputStream();
      while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          break;
        }
        socket.setSoTimeout((int) Math.max(1, left));
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.append((char) b);
      }
    } catch (IOException e) {
      // what arrived is returned
    }
    return head.toString();
  }

  /**
   * Whether the peer has closed {@code socket} (end of stream, reset, or a TLS alert), reading and
   * dropping whatever it sent before; waits at most a millisecond.
   */
  public static boolean closedByPeer(Socket socket) {
    try {
      socket.setSoTimeout(1);
      var buffer = new byte[16 * 1024];
      while (true) {
        if (socket.getInputStream().read(buffer) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * What {@link #drain} read.
   *
   * @param bytes everything read
   * @param ended whether the peer closed the connection or ended the chunked body
   */
  public record Drained(byte[] bytes, boolean ended) {

    /** The body of a chunked HTTP/1.1 response in {@link #bytes}, chunk framing removed. */
    public byte[] chunkedBody() {
      int start = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
      if (start < 0) {
        return new byte[0];
      }
      var body = new ByteArrayOutputStream();
      int at = start + 4;
      while (at < bytes.length) {
        int lineEnd = indexOf(bytes, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
        if (lineEnd < 0) {
          break;
        }
        int length =
            Integer.parseInt(
                new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim(),
                16);
        int data = lineEnd + 2;
        if (length == 0) {
          break;
        }
        body.write(bytes, data, Math.min(length, bytes.length - data));
        at = data + length + 2;
      }
      return body.toByteArray();
    }

    /** The status line, or an empty string. */
    public String statusLine() {
      int end = indexOf(bytes, "\r\n".getBytes(StandardCharsets.US_ASCII), 0);
      return end < 0 ? "" : new String(bytes, 0, end, StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
      outer:
      for (int i = from; i <= haystack.length - needle.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (haystack[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
