package io.vessel.conformance.suites.apimachinery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.conformance.harness.Cluster;
import io.vessel.conformance.harness.Json;
import io.vessel.conformance.harness.RestResponse;
import io.vessel.conformance.harness.SharedCluster;
import io.vessel.conformance.harness.TestNamespaces;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Throws thousands of generated bad requests at the server — broken and mistyped bodies, invalid
 * names, wrong kinds, unknown fields under Strict validation, stale or mismatched updates, bad
 * patches of every type, oversized and deeply nested bodies — and checks what a client sees
 * (a 4xx {@code Status} whose code matches the HTTP status, never a 5xx) and that storage is
 * untouched (the existing objects keep their resourceVersion, nothing new appears).
 *
 * <p>Patches that kube-apiserver itself answers with 500 (a strategic merge patch with an
 * unknown {@code $patch} directive, or a list element without its merge key) are left out: there
 * Vessel matches upstream's 500, which is covered by the strategic-merge-patch unit tests.
 */
@Tag("api")
@ExtendWith(SharedCluster.class)
@DisplayName("Bad input fuzzing")
class BadInputFuzzIT {
  private static final int CASES = 3000;
  private static final Set<String> CLIENT_REASONS =
      Set.of(
          "BadRequest",
          "Invalid",
          "Conflict",
          "AlreadyExists",
          "NotFound",
          "MethodNotAllowed",
          "RequestEntityTooLarge",
          "UnsupportedMediaType",
          "NotAcceptable");

  private final Cluster cluster;
  @RegisterExtension final TestNamespaces namespaces;

  BadInputFuzzIT(Cluster cluster) {
    this.cluster = cluster;
    this.namespaces = new TestNamespaces(cluster);
  }

  private record Case(String method, String path, String contentType, String body) {}

  @Test
  @DisplayName("thousands of bad bodies and patches, each answered 4xx with a Status, change nothing")
  void badInputChangesNothing() {
    // Given: a namespace with a ConfigMap and a Service
    String ns = namespaces.create("fuzz").path("metadata").path("name").asText();
    String cmPath = "/api/v1/namespaces/" + ns + "/configmaps";
    String svcPath = "/api/v1/namespaces/" + ns + "/services";
    JsonNode cm = created(cluster.rest().post(cmPath, Json.parse(
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"base\",\"labels\":{\"a\":\"b\"}},\"data\":{\"k\":\"v\"}}")));
    JsonNode svc = created(cluster.rest().post(svcPath, Json.parse(
        "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"base\"},\"spec\":{\"ports\":[{\"port\":80}]}}")));
    String prefix = "fz" + Long.toString(System.nanoTime() % 100000, 36);

    // When: every generated bad request is sent
    Random random = new Random(20261122L);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      cases.add(generate(random, i, ns, prefix, cm, svc));
    }
    cases.addAll(rareCases(ns));
    Map<String, Integer> byReason = new LinkedHashMap<>();
    for (Case c : cases) {
      RestResponse r = cluster.rest().send(c.method(), c.path(), c.contentType(), c.body());
      String reason = checkClientError(c, r);
      byReason.merge(r.status() + " " + reason, 1, Integer::sum);
    }

    // Then: the objects are exactly as before and nothing else exists
    assertThat(cluster.rest().get(cmPath + "/base").json()).isEqualTo(cm);
    assertThat(cluster.rest().get(svcPath + "/base").json()).isEqualTo(svc);
    // Besides the kube-root-ca.crt its controller publishes in every namespace.
    assertThat(names(cluster.rest().get(cmPath).json())).filteredOn(n -> !n.equals("kube-root-ca.crt"))
        .containsExactly("base");
    assertThat(names(cluster.rest().get(svcPath).json())).containsExactly("base");
    assertThat(names(cluster.rest().get("/api/v1/namespaces/" + ns + "/pods").json())).isEmpty();
    assertThat(names(cluster.rest().get("/api/v1/namespaces").json()))
        .noneMatch(n -> n.startsWith(prefix));
    assertThat(cluster.rest().get("/readyz").status()).isEqualTo(200);
    System.out.println("bad-input fuzzing: " + cases.size() + " requests, answers " + byReason);
  }

  private static JsonNode created(RestResponse r) {
    assertThat(r.status()).as(r.describe()).isEqualTo(201);
    return r.json();
  }

  private static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.path("items").forEach(i -> out.add(i.path("metadata").path("name").asText()));
    return out;
  }

  /** Asserts a well-formed client-error Status; returns its reason. */
  private static String checkClientError(Case c, RestResponse r) {
    String what = c.method() + " " + c.path() + " [" + c.contentType() + "] " + abbreviate(c.body())
        + "\n-> " + r.status() + " " + abbreviate(r.text());
    assertThat(r.status()).as(what).isBetween(400, 499);
    JsonNode status = r.json();
    assertThat(status.path("kind").asText()).as(what).isEqualTo("Status");
    assertThat(status.path("status").asText()).as(what).isEqualTo("Failure");
    assertThat(status.path("code").asInt()).as(what).isEqualTo(r.status());
    assertThat(CLIENT_REASONS).as(what).contains(status.path("reason").asText());
    assertThat(status.path("message").asText()).as(what).isNotEmpty();
    return status.path("reason").asText();
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "<none>";
    }
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static Case generate(Random rnd, int i, String ns, String prefix, JsonNode cm, JsonNode svc) {
    String cms = "/api/v1/namespaces/" + ns + "/configmaps";
    String svcs = "/api/v1/namespaces/" + ns + "/services";
    String validCm =
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + prefix + i
            + "\"},\"data\":{\"k\":\"v\"}}";
    String validNs =
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + prefix + i + "\"}}";
    String json = "application/json";
    String merge = "application/merge-patch+json";
    String jsonPatch = "application/json-patch+json";
    String smp = "application/strategic-merge-patch+json";
    return switch (i % 17) {
      case 0 -> new Case("POST", cms, json, validCm.substring(0, rnd.nextInt(validCm.length() - 1)));
      case 1 -> new Case("POST", "/api/v1/namespaces", json, validNs.substring(0, rnd.nextInt(validNs.length() - 1)));
      case 2 -> new Case("POST", cms, json, garbage(rnd));
      case 3 -> new Case("POST", cms, json, pick(rnd, "[]", "\"x\"", "42", "null", "true", "[{\"a\":1}]"));
      case 4 -> new Case("POST", cms, json, validCm.replace("\"k\":\"v\"", "\"k\":" + pick(rnd, "1", "true", "{}", "[1]")));
      case 5 -> new Case("POST", cms, json, validCm.replace("\"" + prefix + i + "\"", badName(rnd)));
      case 6 -> new Case("POST", "/api/v1/namespaces", json, validNs.replace("\"" + prefix + i + "\"", badName(rnd)));
      case 7 -> new Case("POST", cms + "?fieldValidation=Strict", json,
          validCm.replace("\"data\"", "\"bogus" + rnd.nextInt(100) + "\":1,\"data\""));
      case 8 -> new Case("POST", cms, json, validCm.replace("\"kind\":\"ConfigMap\"",
          "\"kind\":\"" + pick(rnd, "Secret", "Pod", "Namespace", "Nope") + "\""));
      case 9 -> new Case("POST", cms, json, validCm.replace("\"apiVersion\":\"v1\"",
          "\"apiVersion\":\"" + pick(rnd, "apps/v1", "v2", "batch/v1", "x/y") + "\""));
      case 10 -> new Case("POST", cms, json, validCm.replace("\"metadata\":{", "\"metadata\":{\"namespace\":\"other-" + i + "\","));
      case 11 -> {
        String stale = Json.write(cm).replace(
            "\"resourceVersion\":\"" + cm.path("metadata").path("resourceVersion").asText() + "\"",
            "\"resourceVersion\":\"" + (1 + rnd.nextInt(3)) + "\"");
        yield rnd.nextBoolean()
            ? new Case("PUT", cms + "/base", json, stale)
            : new Case("PUT", cms + "/other" + i, json, Json.write(cm));
      }
      case 12 -> new Case("PATCH", cms + "/base", merge, pick(rnd, "[]", "\"s\"", "{", "{\"metadata\":{\"name\":\"renamed\"}}"));
      case 13 -> new Case("PATCH", cms + "/base", jsonPatch, pick(rnd,
          "{}", "[{\"op\":\"bogus\",\"path\":\"/data\"}]", "[{\"op\":\"remove\",\"path\":\"/nope/deeper\"}]",
          "[{\"op\":\"test\",\"path\":\"/data/k\",\"value\":\"not-v\"}]", "[{\"op\":\"replace\"}]",
          "[{\"op\":\"add\",\"path\":\"/metadata/name\",\"value\":\"other\"}]"));
      case 14 -> new Case("PATCH", svcs + "/base", smp, pick(rnd,
          "{\"spec\":{\"ports\":[{\"port\":-" + (1 + rnd.nextInt(9)) + "}]}}",
          "{\"spec\":{\"type\":\"Weird\"}}",
          "{\"spec\":{\"ports\":\"not-a-list\"}}",
          "{\"spec\":{\"ports\":[{\"port\":80,\"protocol\":\"ICMP\"}]}}",
          "{\"spec\":{\"selector\":\"not-a-map\"}}",
          "[1,2]"));
      case 15 -> new Case("POST", "/api/v1/namespaces/" + ns + "/pods", json, mutatedPod(rnd, prefix + i));
      default -> new Case("POST", cms, pick(rnd, "application/xml", "text/plain", "application/x-www-form-urlencoded"), validCm);
    };
  }

  /** A few costly shapes, once each: oversized and deeply nested bodies. */
  private static List<Case> rareCases(String ns) {
    String cms = "/api/v1/namespaces/" + ns + "/configmaps";
    List<Case> out = new ArrayList<>();
    String big = "x".repeat(4 * 1024 * 1024);
    out.add(new Case("POST", cms, "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"big\"},\"data\":{\"k\":\"" + big + "\"}}"));
    out.add(new Case("PATCH", cms + "/base", "application/merge-patch+json", "{\"data\":{\"k\":\"" + big + "\"}}"));
    out.add(new Case("POST", cms, "application/json", "[".repeat(20_000) + "]".repeat(20_000)));
    out.add(new Case("POST", cms, "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"deep\",\"annotations\":"
            + "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000) + "}}"));
    return out;
  }

  private static final String POD =
      "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"NAME\",\"labels\":{\"app\":\"web\"},"
          + "\"annotations\":{\"note\":\"x\"}},\"spec\":{\"restartPolicy\":\"Always\",\"containers\":[{\"name\":\"web\","
          + "\"image\":\"nginx:1.25\",\"args\":[\"-g\",\"daemon off;\"],\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\"}],"
          + "\"env\":[{\"name\":\"A\",\"value\":\"1\"}],\"resources\":{\"limits\":{\"cpu\":\"100m\",\"memory\":\"64Mi\"}},"
          + "\"readinessProbe\":{\"httpGet\":{\"path\":\"/\",\"port\":80},\"periodSeconds\":5}}],"
          + "\"volumes\":[{\"name\":\"data\",\"emptyDir\":{}}]}}";

  /**
   * A valid pod with one node replaced by a value of an impossible type: a leaf by an array, a
   * container (object or array) by a number. Go's decoder rejects each of those wherever it is.
   */
  private static String mutatedPod(Random rnd, String name) {
    JsonNode pod = Json.parse(POD.replace("NAME", name));
    List<JsonNode> parents = new ArrayList<>();
    List<Object> keys = new ArrayList<>();
    collect(pod, parents, keys);
    int k = rnd.nextInt(parents.size());
    JsonNode parent = parents.get(k);
    Object key = keys.get(k);
    JsonNode old = key instanceof String f ? parent.get(f) : parent.get((Integer) key);
    JsonNode bad =
        old.isContainerNode()
            ? Json.MAPPER.getNodeFactory().numberNode(7)
            : Json.MAPPER.createArrayNode().add(true);
    if (key instanceof String f) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) parent).set(f, bad);
    } else {
      ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set((Integer) key, bad);
    }
    return Json.write(pod);
  }

  /** Every (parent, key) below the root, except apiVersion and kind. */
  private static void collect(JsonNode node, List<JsonNode> parents, List<Object> keys) {
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(f -> {
        if (!(node == node && (f.equals("apiVersion") || f.equals("kind")))) {
          parents.add(node);
          keys.add(f);
          collect(node.get(f), parents, keys);
        }
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        parents.add(node);
        keys.add(i);
        collect(node.get(i), parents, keys);
      }
    }
  }

  private static String garbage(Random rnd) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + rnd.nextInt(200);
    for (int i = 0; i < n; i++) {
      sb.append((char) (32 + rnd.nextInt(95)));
    }
    return sb.toString();
  }

  private static String badName(Random rnd) {
    return Json.write(Json.MAPPER.getNodeFactory().textNode(pick(rnd,
        "Upper", "under_score", "-lead", "trail-", "sp ace", "dots..dots", "a".repeat(254), "",
        "ümlaut", "slash/name", "tab\tname")));
  }

  @SafeVarargs
  private static <T> T pick(Random rnd, T... options) {
    return options[rnd.nextInt(options.length)];
  }
}
