package io.vessel.server.http;

import io.vertx.core.http.HttpServerRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz}, {@code /livez} and {@code /readyz}, with kube-apiserver's text format:
 * {@code ok}, or with {@code ?verbose} one {@code [+]check ok} line per check; {@code ?exclude=}
 * skips checks; {@code /readyz/<check>} runs one. Failures answer 500 and withhold the reason.
 */
public final class HealthHandler {
  private final Map<String, BooleanSupplier> liveness;
  private final Map<String, BooleanSupplier> readiness;

  public HealthHandler(Map<String, BooleanSupplier> liveness, Map<String, BooleanSupplier> readiness) {
    this.liveness = new LinkedHashMap<>(liveness);
    this.readiness = new LinkedHashMap<>(readiness);
  }

  public static boolean isHealth(String path) {
    return path.equals("/healthz")
        || path.equals("/livez")
        || path.equals("/readyz")
        || path.startsWith("/healthz/")
        || path.startsWith("/livez/")
        || path.startsWith("/readyz/");
  }

  public void handle(HttpServerRequest req) {
    String path = req.path();
    String endpoint = path.substring(1).split("/")[0];
    Map<String, BooleanSupplier> checks = endpoint.equals("livez") ? liveness : readiness;
    String[] parts = path.split("/");
    if (parts.length > 2) {
      BooleanSupplier one = checks.get(parts[2]);
      if (one == null) {
        req.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8").end("404 page not found\n");
        return;
      }
      boolean ok = one.getAsBoolean();
      text(req, ok ? 200 : 500, ok ? "ok" : "internal server error: " + parts[2] + " check failed\n");
      return;
    }
    List<String> excluded = req.params().getAll("exclude");
    boolean verbose = req.params().contains("verbose");
    StringBuilder sb = new StringBuilder();
    boolean allOk = true;
    for (Map.Entry<String, BooleanSupplier> c : checks.entrySet()) {
      if (excluded.contains(c.getKey())) {
        sb.append("[+]").append(c.getKey()).append(" excluded: ok\n");
        continue;
      }
      boolean ok = c.getValue().getAsBoolean();
      allOk &= ok;
      sb.append(ok ? "[+]" : "[-]")
          .append(c.getKey())
          .append(ok ? " ok\n" : " failed: reason withheld\n");
    }
    if (allOk && !verbose) {
      text(req, 200, "ok");
      return;
    }
    sb.append(endpoint).append(allOk ? " check passed\n" : " check failed\n");
    text(req, allOk ? 200 : 500, sb.toString());
  }

  private static void text(HttpServerRequest req, int code, String body) {
    req.response()
        .setStatusCode(code)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(body);
  }
}
