package io.vessel.kit.stream;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Proxies an HTTP/1.1 connection upgrade end to end, as kube-apiserver's and the kubelet's
 * upgrade-aware proxies do: the client's upgrade request goes to the backend with its upgrade
 * headers; when the backend answers {@code 101}, the client gets {@code 101} with the backend's
 * headers and the two raw connections are joined both ways. The stream protocol (SPDY/3.1 with
 * {@code X-Stream-Protocol-Version}, WebSocket with {@code Sec-WebSocket-Protocol}) is negotiated
 * between the two ends; the proxy never reads it.
 *
 * <p>The backend leg is a raw {@link NetClient} connection with the request written and the
 * answer's head parsed here: a backend may send its first frames in the same packet as its 101
 * (containerd's WebSocket server does), and those bytes must reach the client, not an HTTP decoder.
 *
 * <p>Closing either side closes the other. Backpressure holds per direction: a slow reader pauses
 * the other side's socket. Each socket is only touched on its own context (the request's, on
 * which the backend connection is opened too).
 */
public final class UpgradeProxy {
  /** More than any refusal text a kubelet or runtime writes; a longer body is cut. */
  public static final int MAX_REFUSAL_BODY = 16 * 1024;

  /** More than any response head a kubelet or runtime sends. */
  static final int MAX_HEAD = 64 * 1024;

  /** Where the upgrade goes: host and port to connect to, the request target (path and query). */
  public record Target(String host, int port, String uri) {}

  private UpgradeProxy() {}

  /**
   * Whether the request asks for a connection upgrade: HTTP/1.x with {@code Connection: Upgrade}
   * and an {@code Upgrade} header. HTTP/2 has no upgrades (RFC 9113 §8.6).
   */
  public static boolean isUpgrade(HttpServerRequest req) {
    if (req.version() == HttpVersion.HTTP_2 || req.getHeader("Upgrade") == null) {
      return false;
    }
    for (String value : req.headers().getAll("Connection")) {
      for (String token : value.split(",")) {
        if (token.strip().equalsIgnoreCase("upgrade")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Forwards {@code in}'s upgrade (its method and upgrade headers) to {@code target} over a
   * connection from {@code client} (TLS or not, as the client is configured).
   *
   * @return succeeds once both connections are joined; fails with {@link UpgradeRefusedException}
   *     when the backend answers anything but 101 (nothing has been written to {@code in} then),
   *     or with the client's exception when the backend cannot be reached or breaks off
   */
  public static Future<Void> proxy(HttpServerRequest in, NetClient client, Target target) {
    // nothing to pause: a client sends no stream bytes before it has read the 101
    String head = requestHead(in, target);
    return client
        .connect(target.port(), target.host())
        .compose(
            backend -> {
              var answer = new BackendAnswer(backend);
              backend.write(head);
              return answer.head().compose(h -> h.status() == 101 ? join(in, backend, h)
                  : answer.refusal(h));
            });
  }

  private static Future<Void> join(HttpServerRequest in, NetSocket backend, ResponseHead head) {
    var response = in.response().setStatusCode(101);
    // toNetSocket() writes the 101 with the headers set on the response: the backend's, so the
    // negotiated protocol (X-Stream-Protocol-Version, Sec-WebSocket-Accept/Protocol) reaches
    // the client
    response.headers().setAll(head.headers());
    return serverNetSocket(in)
        .onFailure(t -> backend.close())
        .map(
            front -> {
              if (head.rest().length() > 0) {
                front.write(head.rest());
              }
              front.pipeTo(backend);
              backend.pipeTo(front);
              return null;
            });
  }

  /**
   * {@link HttpServerRequest#toNetSocket()} for an upgrade of any method. Vert.x 5 switches only
   * {@code GET} upgrades (and CONNECT) to a socket, but kubectl's SPDY dialer upgrades with {@code
   * POST} (Go's hijack takes any method). The request's method has been read by then (routing,
   * authorization, the proxied request head), so Vert.x is shown GET for the switch only.
   * TODO(vessel): drop once Vert.x takes any method with {@code Connection: Upgrade}.
   */
  static Future<NetSocket> serverNetSocket(HttpServerRequest in) {
    if (in.method() != HttpMethod.GET && in.method() != HttpMethod.CONNECT) {
      try {
        Field method = in.getClass().getDeclaredField("method");
        method.setAccessible(true);
        method.set(in, HttpMethod.GET);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return Future.failedFuture(
            new IllegalStateException("cannot switch a " + in.method() + " upgrade: " + e, e));
      }
    }
    return in.toNetSocket();
  }

  static String requestHead(HttpServerRequest in, Target target) {
    var head = new StringBuilder();
    head.append(in.method().name()).append(' ').append(target.uri()).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(target.host()).append(':').append(target.port()).append("\r\n");
    copyUpgradeHeaders(in.headers(), head);
    return head.append("\r\n").toString();
  }

  /**
   * The headers that carry the upgrade and its protocol negotiation. Others (Authorization, the
   * client's Host, cookies) stay behind: the backend authenticates the proxy, not the client.
   */
  static void copyUpgradeHeaders(MultiMap from, StringBuilder to) {
    for (var e : from) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (name.equals("connection") || name.equals("upgrade")
          || name.startsWith("x-stream-protocol-version") || name.startsWith("sec-websocket-")
          || name.equals("origin")) {
        if (e.getValue().indexOf('\r') < 0 && e.getValue().indexOf('\n') < 0) {
          to.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
      }
    }
  }

  /** The backend's status line and headers, and the bytes that followed them in the same read. */
  record ResponseHead(int status, MultiMap headers, Buffer rest) {
    /** Parses a head that ends with the empty line; {@code null} for a malformed one. */
    static ResponseHead parse(String head, Buffer rest) {
      String[] lines = head.split("\r\n");
      String[] status = lines[0].split(" ", 3);
      if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
        return null;
      }
      int code;
      try {
        code = Integer.parseInt(status[1]);
      } catch (NumberFormatException e) {
        return null;
      }
      var headers = MultiMap.caseInsensitiveMultiMap();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.add(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
        }
      }
      return new ResponseHead(code, headers, rest);
    }
  }

  /** Reads the backend's answer: its head, then a refusal's body. Owned by the socket's context. */
  private static final class BackendAnswer {
    private final NetSocket socket;
    private final Promise<ResponseHead> head = Promise.promise();
    private Buffer received = Buffer.buffer();

    BackendAnswer(NetSocket socket) {
      this.socket = socket;
      socket.handler(this::onData);
      socket.exceptionHandler(t -> head.tryFail(t));
      socket.closeHandler(
          v -> head.tryFail(new IllegalStateException("backend closed before answering")));
    }

    Future<ResponseHead> head() {
      return head.future();
    }

    private void onData(Buffer data) {
      received.appendBuffer(data);
      String text = received.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        if (received.length() > MAX_HEAD) {
          socket.close();
          head.tryFail(new IllegalStateException("backend answer head over " + MAX_HEAD));
        }
        return;
      }
      // the rest is the stream (after a 101) or the body (else): keep it for whoever reads next
      socket.pause();
      socket.handler(null);
      socket.closeHandler(null);
      var rest = received.slice(end + 4, received.length()).copy();
      var parsed = ResponseHead.parse(text.substring(0, end), rest);
      received = null;
      if (parsed == null) {
        socket.close();
        head.tryFail(new IllegalStateException("backend answered something other than HTTP/1.x"));
      } else {
        head.tryComplete(parsed);
      }
    }

    /** Reads the body (Content-Length, else to close, at most MAX_REFUSAL_BODY) and fails with it. */
    Future<Void> refusal(ResponseHead h) {
      Promise<Void> done = Promise.promise();
      var body = Buffer.buffer().appendBuffer(h.rest());
      String length = h.headers().get("Content-Length");
      long expected = length == null ? -1 : Long.parseLong(length.strip());
      Runnable finish =
          () -> {
            socket.close();
            var cut = body.length() > MAX_REFUSAL_BODY ? body.slice(0, MAX_REFUSAL_BODY) : body;
            done.tryFail(new UpgradeRefusedException(h.status(), cut.copy()));
          };
      if ((expected >= 0 && body.length() >= expected) || body.length() >= MAX_REFUSAL_BODY) {
        finish.run();
        return done.future();
      }
      socket.handler(
          data -> {
            body.appendBuffer(data);
            if ((expected >= 0 && body.length() >= expected) || body.length() >= MAX_REFUSAL_BODY) {
              finish.run();
            }
          });
      socket.closeHandler(v -> finish.run());
      socket.exceptionHandler(t -> finish.run());
      socket.resume();
      return done.future();
    }
  }
}
