package io.vessel.agent.probe;

import io.vessel.certs.TlsContexts;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An httpGet action: a GET whose status 200–399 succeeds. As the kubelet: HTTPS certificates are
 * not verified, the User-Agent is {@code kube-probe/<major>.<minor>} unless a header sets it, and
 * redirects count by their 3xx status (the kubelet follows same-host redirects first; this does
 * not).
 *
 * <p>Thread-safe; one instance serves every probe and hook.
 */
final class HttpGetProbe {
  static final String USER_AGENT = "kube-probe/1.33";
  /** Headers the JDK client refuses to let callers set. */
  private static final Set<String> RESTRICTED =
      Set.of("host", "connection", "content-length", "expect", "upgrade");

  private final HttpClient client;

  HttpGetProbe() {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            // trusts every certificate and skips host name checks, as the kubelet's probe client does
            .sslContext(TlsContexts.insecureClient(null, null))
            .build();
  }

  /**
   * @param scheme HTTP or HTTPS (null: HTTP)
   * @param path null or empty: "/"
   */
  ProbeResult run(
      String scheme, String host, int port, String path, List<HTTPHeader> headers,
      Duration timeout) {
    String url = url(scheme, host, port, path);
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(url)).GET().timeout(positive(timeout));
    } catch (IllegalArgumentException e) {
      return ProbeResult.unknown("invalid probe URL " + url + ": " + e.getMessage());
    }
    boolean userAgent = false;
    boolean accept = false;
    if (headers != null) {
      for (HTTPHeader h : headers) {
        String name = h.getName().toLowerCase(Locale.ROOT);
        if (RESTRICTED.contains(name)) {
          return ProbeResult.unknown("header " + h.getName() + " is not supported in probes yet");
        }
        userAgent |= name.equals("user-agent");
        accept |= name.equals("accept");
        request.header(h.getName(), h.getValue() == null ? "" : h.getValue());
      }
    }
    if (!userAgent) {
      request.header("User-Agent", USER_AGENT);
    }
    if (!accept) {
      request.header("Accept", "*/*");
    }
    try {
      int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status >= 200 && status < 400) {
        return ProbeResult.success("");
      }
      return ProbeResult.failure("HTTP probe failed with statuscode: " + status);
    } catch (HttpTimeoutException e) {
      return ProbeResult.failure("Get \"" + url + "\": context deadline exceeded");
    } catch (IOException e) {
      return ProbeResult.failure("Get \"" + url + "\": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProbeResult.unknown("interrupted");
    }
  }

  static String url(String scheme, String host, int port, String path) {
    String s = scheme == null || scheme.isEmpty() ? "http" : scheme.toLowerCase(Locale.ROOT);
    String p = path == null || path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path;
    return s + "://" + ContainerPorts.hostPort(host, port) + p;
  }

  private static Duration positive(Duration d) {
    return d.isZero() || d.isNegative() ? Duration.ofSeconds(1) : d;
  }
}
