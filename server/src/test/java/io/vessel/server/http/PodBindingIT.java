package io.vessel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpMethod;
import io.vessel.server.testing.LiveServer;
import io.vessel.server.testing.RawHttp;
import io.vessel.server.testing.RawHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** POST pods/{name}/binding against a live server, with upstream's codes and texts. */
class PodBindingIT {
  private static final String PODS = "/api/v1/namespaces/default/pods";
  private static LiveServer live;
  private static RawHttp http;

  @BeforeAll
  static void start() throws Exception {
    live = LiveServer.start();
    http = live.raw(0);
  }

  @AfterAll
  static void stop() throws Exception {
    live.close();
  }

  /** A pod no scheduler of ours picks up, so that only the test binds it. */
  private static void createPod(String name) throws Exception {
    Response r =
        http.post(
            PODS,
            "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\""
                + name
                + "\"},\"spec\":{\"schedulerName\":\"manual\",\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}");
    assertThat(r.code()).as(r.body().toString()).isEqualTo(201);
  }

  private static String binding(String name, String node) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\""
        + name
        + "\",\"annotations\":{\"example.com/why\":\"test\"}},\"target\":{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"name\":\""
        + node
        + "\"}}";
  }

  @Test
  @DisplayName("create binding, unassigned pod, 201 Success and the pod is on the node")
  void bindsAnUnassignedPod() throws Exception {
    createPod("bind-a");

    Response r = http.post(PODS + "/bind-a/binding", binding("bind-a", "node-1"));

    assertThat(r.code()).isEqualTo(201);
    assertThat(r.body().toString())
        .isEqualTo(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Success\",\"code\":201}");
    JsonNode pod = http.get(PODS + "/bind-a").body();
    assertThat(pod.at("/spec/nodeName").asText()).isEqualTo("node-1");
    assertThat(pod.at("/metadata/annotations/example.com~1why").asText()).isEqualTo("test");
    JsonNode scheduled = condition(pod, "PodScheduled");
    assertThat(scheduled.path("status").asText()).isEqualTo("True");
    assertThat(scheduled.path("lastTransitionTime").asText()).isNotEmpty();
  }

  @Test
  @DisplayName("create binding, pod already assigned, 409 Conflict on pods/binding")
  void refusesASecondBinding() throws Exception {
    createPod("bind-b");
    assertThat(http.post(PODS + "/bind-b/binding", binding("bind-b", "node-1")).code())
        .isEqualTo(201);

    Response r = http.post(PODS + "/bind-b/binding", binding("bind-b", "node-2"));

    assertThat(r.code()).isEqualTo(409);
    assertThat(r.body().path("reason").asText()).isEqualTo("Conflict");
    assertThat(r.body().path("message").asText())
        .isEqualTo(
            "Operation cannot be fulfilled on pods/binding \"bind-b\": pod bind-b is already"
                + " assigned to node \"node-1\"");
    assertThat(r.body().at("/details/kind").asText()).isEqualTo("pods/binding");
    assertThat(http.get(PODS + "/bind-b").body().at("/spec/nodeName").asText())
        .isEqualTo("node-1");
  }

  @Test
  @DisplayName("create binding, bad requests, upstream's codes")
  void refusesBadBindings() throws Exception {
    createPod("bind-c");

    Response otherName = http.post(PODS + "/bind-c/binding", binding("someone-else", "node-1"));
    Response noTarget =
        http.post(
            PODS + "/bind-c/binding",
            "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"bind-c\"},\"target\":{}}");
    Response missing = http.post(PODS + "/nothing/binding", binding("nothing", "node-1"));
    Response staleUid =
        http.post(
            PODS + "/bind-c/binding",
            "{\"kind\":\"Binding\",\"metadata\":{\"name\":\"bind-c\",\"uid\":\"not-its-uid\"},"
                + "\"target\":{\"name\":\"node-1\"}}");
    Response get = http.send(HttpMethod.GET, PODS + "/bind-c/binding", null);

    assertThat(otherName.code()).isEqualTo(400);
    assertThat(otherName.body().path("message").asText())
        .isEqualTo("name in URL does not match name in Binding object");
    assertThat(noTarget.code()).isEqualTo(500);
    assertThat(noTarget.body().path("message").asText()).isEqualTo("target.name: Required value");
    assertThat(missing.code()).isEqualTo(404);
    assertThat(missing.body().path("message").asText()).isEqualTo("pods \"nothing\" not found");
    assertThat(staleUid.code()).isEqualTo(409);
    assertThat(staleUid.body().path("message").asText())
        .startsWith("Operation cannot be fulfilled on pods \"bind-c\": Precondition failed: UID");
    assertThat(get.code()).isEqualTo(405);
    assertThat(http.get(PODS + "/bind-c").body().at("/spec/nodeName").isMissingNode()).isTrue();
  }

  @Test
  @DisplayName("create binding, dryRun=All, answers 201 and binds nothing")
  void dryRunBindsNothing() throws Exception {
    createPod("bind-d");

    Response r = http.post(PODS + "/bind-d/binding?dryRun=All", binding("bind-d", "node-1"));

    assertThat(r.code()).isEqualTo(201);
    assertThat(http.get(PODS + "/bind-d").body().at("/spec/nodeName").isMissingNode()).isTrue();
  }

  @Test
  @DisplayName("discovery, core v1, lists pods/binding as Binding with create")
  void discoveryListsBinding() throws Exception {
    JsonNode list = http.get("/api/v1").body();

    JsonNode entry = null;
    for (JsonNode r : list.path("resources")) {
      if (r.path("name").asText().equals("pods/binding")) {
        entry = r;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.path("kind").asText()).isEqualTo("Binding");
    assertThat(entry.path("namespaced").asBoolean()).isTrue();
    assertThat(entry.path("verbs").toString()).isEqualTo("[\"create\"]");
  }

  private static JsonNode condition(JsonNode pod, String type) {
    for (JsonNode c : pod.at("/status/conditions")) {
      if (c.path("type").asText().equals(type)) {
        return c;
      }
    }
    throw new AssertionError("no " + type + " condition in " + pod);
  }
}
