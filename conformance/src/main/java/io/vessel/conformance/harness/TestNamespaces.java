package io.vessel.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Per-test namespaces: unique names, and deletion of every one of them after the test, so tests
 * sharing a cluster never see each other's objects.
 *
 * <p>Register as an instance field assigned in the test's constructor: {@code @RegisterExtension
 * final TestNamespaces namespaces;}.
 */
public final class TestNamespaces implements AfterEachCallback {

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Cluster cluster;
  private final List<String> created = new ArrayList<>();

  public TestNamespaces(Cluster cluster) {
    this.cluster = cluster;
  }

  /**
   * A fresh name {@code prefix-xxxxx} (a valid DNS-1123 label), deleted after the test whether or
   * not the test created it.
   */
  public String newName(String prefix) {
    var suffix = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    var name = prefix + "-" + suffix;
    created.add(name);
    return name;
  }

  /** Creates a namespace with a fresh name over HTTP and returns the created object. */
  public JsonNode create(String prefix) {
    return create(prefix, Map.of());
  }

  /** Creates a namespace with a fresh name and these labels over HTTP; returns the object. */
  public JsonNode create(String prefix, Map<String, String> labels) {
    var name = newName(prefix);
    var body = Json.object().put("apiVersion", "v1").put("kind", "Namespace");
    var metadata = body.putObject("metadata").put("name", name);
    if (!labels.isEmpty()) {
      var labelNode = metadata.putObject("labels");
      labels.forEach(labelNode::put);
    }
    var response = cluster.rest().post("/api/v1/namespaces", body);
    assertThat(response.status())
        .as("creating namespace %s: %s%s", name, response.describe(), cluster.diagnostics())
        .isEqualTo(201);
    return response.json();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (var name : created) {
      try {
        // Fire and forget: finalization happens in the background; 404 means already gone.
        cluster.rest().delete("/api/v1/namespaces/" + name);
      } catch (RuntimeException e) {
        System.err.println("could not delete test namespace " + name + ": " + e);
      }
    }
    created.clear();
  }
}
