package io.vessel.conformance.suites.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.conformance.harness.Await;
import io.vessel.conformance.harness.ConfigMapWriters;
import io.vessel.conformance.harness.Json;
import io.vessel.conformance.harness.RestClient;
import io.vessel.conformance.harness.ResumingWatch;
import java.util.Map;
import java.util.TreeMap;

/**
 * The namespace a fault suite writes its ConfigMaps in, and the reads its checks need.
 *
 * @param name the namespace
 * @param resourceVersion the revision it was created at: watches start after it, when the
 *     namespace is still empty
 */
record FaultNamespace(String name, long resourceVersion) {

  /** The last object written, once the load stopped: when a watch shows it, it has caught up. */
  static final String SENTINEL = "zz-sentinel";

  static FaultNamespace create(RestClient client, String name) {
    var created =
        client.post("/api/v1/namespaces", Json.parse("{\"metadata\":{\"name\":\"" + name + "\"}}"));
    assertThat(created.status()).as(created.describe()).isEqualTo(201);
    return new FaultNamespace(
        name, Long.parseLong(created.json().path("metadata").path("resourceVersion").asText()));
  }

  String configMaps() {
    return "/api/v1/namespaces/" + name + "/configmaps";
  }

  /** A consistent list of the collection, by name. */
  static Map<String, JsonNode> list(RestClient client, String collection) {
    var listed = client.get(collection);
    assertThat(listed.status()).as(listed.describe()).isEqualTo(200);
    var items = new TreeMap<String, JsonNode>();
    listed.json().path("items").forEach(i -> items.put(i.path("metadata").path("name").asText(), i));
    return items;
  }

  /** What the cluster itself publishes in every namespace; no writer's key. */
  static final String ROOT_CA = "kube-root-ca.crt";

  /**
   * The writers' keys and the value each holds now ({@code data.v}); the sentinel and the
   * cluster's own root CA ConfigMap left out.
   */
  static Map<String, Integer> values(RestClient client, String collection) {
    var values = new TreeMap<String, Integer>();
    list(client, collection)
        .forEach(
            (name, item) -> {
              if (!name.equals(SENTINEL) && !name.equals(ROOT_CA)) {
                values.put(name, item.path("data").path("v").asInt());
              }
            });
    return values;
  }

  /**
   * Creates the sentinel, labeled so that every watch of the suites selects it, and returns its
   * resourceVersion.
   */
  static long writeSentinel(RestClient client, String collection) {
    var created =
        client.post(
            collection,
            Json.parse(
                "{\"metadata\":{\"name\":\""
                    + SENTINEL
                    + "\",\"labels\":{\""
                    + ConfigMapWriters.PARITY_LABEL
                    + "\":\"even\"}},\"data\":{\"v\":\"0\"}}"));
    assertThat(created.status()).as(created.describe()).isEqualTo(201);
    return Long.parseLong(created.json().path("metadata").path("resourceVersion").asText());
  }

  /** Waits until {@code watch} has seen everything up to {@code resourceVersion}. */
  static void awaitCaughtUp(ResumingWatch watch, long resourceVersion) {
    Await.untilAsserted(
        "watch " + watch.name() + " reaches resourceVersion " + resourceVersion,
        () ->
            assertThat(watch.lastResourceVersion())
                .as(
                    "%s: %d resumes, %d relists, %d refusals",
                    watch.name(), watch.resumes(), watch.relists(), watch.refusals())
                .isGreaterThanOrEqualTo(resourceVersion));
  }
}
