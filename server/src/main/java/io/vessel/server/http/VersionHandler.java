package io.vessel.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import io.vessel.server.api.Serialization;
import io.vessel.server.boot.BuildInfo;

/**
 * {@code /version}: a Kubernetes 1.33 line version ({@code v1.33.0-vessel.0+<commit>}), so that
 * kubectl's skew check and e2e version gates treat Vessel as a 1.33 server.
 */
public final class VersionHandler {
  private final ObjectNode body;

  public VersionHandler(BuildInfo build) {
    body = Serialization.json().createObjectNode();
    body.put("major", "1");
    body.put("minor", "33");
    body.put("emulationMajor", "1");
    body.put("emulationMinor", "33");
    body.put("minCompatibilityMajor", "1");
    body.put("minCompatibilityMinor", "32");
    body.put("gitVersion", "v1.33.0-vessel.0+" + build.shortCommit());
    body.put("gitCommit", build.commit());
    body.put("gitTreeState", build.treeState());
    body.put("buildDate", build.buildDate());
    body.put("goVersion", "java" + System.getProperty("java.version"));
    body.put("compiler", "javac");
    body.put("platform", System.getProperty("os.name").toLowerCase() + "/" + arch());
  }

  public void handle(HttpServerRequest req) {
    ResponseWriter.json(req.response(), 200, "application/json", body);
  }

  private static String arch() {
    String a = System.getProperty("os.arch");
    return a.equals("x86_64") ? "amd64" : a.equals("aarch64") ? "arm64" : a;
  }
}
