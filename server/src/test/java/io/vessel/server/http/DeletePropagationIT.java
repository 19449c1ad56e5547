package io.vessel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vessel.server.testing.LiveServer;
import io.vessel.server.testing.RawHttp;
import io.vessel.server.testing.RawHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DELETE with propagationPolicy and orphanDependents: the finalizers, codes and warnings
 * kube-apiserver answers with (what the garbage collector then does is GarbageCollectorIT's).
 */
class DeletePropagationIT {
  private static final String CMS = "/api/v1/namespaces/default/configmaps";
  private static final String JOBS = "/apis/batch/v1/namespaces/default/jobs";
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

  private static void configMap(String name, String finalizers) throws Exception {
    Response r =
        http.post(
            CMS,
            "{\"metadata\":{\"name\":\"" + name + "\",\"finalizers\":" + finalizers + "}}");
    assertThat(r.code()).as(r.body().toString()).isEqualTo(201);
  }

  @Test
  @DisplayName("delete, Background, removed at once with a Success Status")
  void background() throws Exception {
    configMap("del-bg", "[]");

    Response r = http.delete(CMS + "/del-bg?propagationPolicy=Background");

    assertThat(r.code()).isEqualTo(200);
    assertThat(r.body().path("kind").asText()).isEqualTo("Status");
    assertThat(r.body().path("status").asText()).isEqualTo("Success");
    assertThat(http.get(CMS + "/del-bg").code()).isEqualTo(404);
  }

  @Test
  @DisplayName("delete, Orphan, 200 with the object marked and holding the orphan finalizer")
  void orphan() throws Exception {
    configMap("del-orphan", "[\"example.com/hold\"]");

    Response r = http.delete(CMS + "/del-orphan?propagationPolicy=Orphan");

    assertThat(r.code()).isEqualTo(200);
    assertThat(r.body().at("/metadata/deletionTimestamp").asText()).isNotEmpty();
    assertThat(r.body().at("/metadata/finalizers").toString())
        .isEqualTo("[\"example.com/hold\",\"orphan\"]");
  }

  @Test
  @DisplayName("delete, Foreground, 200 with the foregroundDeletion finalizer")
  void foreground() throws Exception {
    configMap("del-fg", "[\"example.com/hold\"]");

    Response r = http.delete(CMS + "/del-fg?propagationPolicy=Foreground");

    assertThat(r.code()).isEqualTo(200);
    assertThat(r.body().at("/metadata/finalizers").toString())
        .isEqualTo("[\"example.com/hold\",\"foregroundDeletion\"]");
  }

  @Test
  @DisplayName("delete, orphanDependents=false on an object that stays, 202 Accepted")
  void legacyOrphanDependentsFalse() throws Exception {
    configMap("del-legacy", "[\"example.com/hold\"]");

    Response accepted = http.delete(CMS + "/del-legacy?orphanDependents=false");
    Response orphaned = http.delete(CMS + "/del-legacy?orphanDependents=true");

    // orphanDependents=false is a background delete; upstream still answers 202 for it.
    assertThat(accepted.code()).isEqualTo(202);
    assertThat(accepted.body().at("/metadata/finalizers").toString())
        .isEqualTo("[\"example.com/hold\"]");
    assertThat(orphaned.code()).isEqualTo(200);
    assertThat(orphaned.body().at("/metadata/finalizers").toString())
        .isEqualTo("[\"example.com/hold\",\"orphan\"]");
  }

  @Test
  @DisplayName("delete again, Background, drops the orphan finalizer and keeps the others")
  void backgroundAfterOrphan() throws Exception {
    configMap("del-again", "[\"example.com/hold\"]");
    assertThat(http.delete(CMS + "/del-again?propagationPolicy=Orphan").code()).isEqualTo(200);

    Response r = http.delete(CMS + "/del-again?propagationPolicy=Background");

    assertThat(r.code()).isEqualTo(200);
    assertThat(r.body().at("/metadata/finalizers").toString()).isEqualTo("[\"example.com/hold\"]");
  }

  @Test
  @DisplayName("delete, both policy and orphanDependents, 422 Invalid")
  void bothOptions() throws Exception {
    configMap("del-both", "[]");

    Response r = http.delete(CMS + "/del-both?propagationPolicy=Orphan&orphanDependents=true");

    assertThat(r.code()).isEqualTo(422);
  }

  @Test
  @DisplayName("delete job, no policy, orphans by default and warns as upstream")
  void jobDefaultsToOrphan() throws Exception {
    String job =
        "{\"metadata\":{\"name\":\"%s\",\"finalizers\":[\"example.com/hold\"]},\"spec\":{\"template\":"
            + "{\"spec\":{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}}}";
    assertThat(http.post(JOBS, job.formatted("job-default")).code()).isEqualTo(201);
    assertThat(http.post(JOBS, job.formatted("job-bg")).code()).isEqualTo(201);

    Response byDefault = http.delete(JOBS + "/job-default");
    Response background = http.delete(JOBS + "/job-bg?propagationPolicy=Background");

    assertThat(byDefault.warnings())
        .containsExactly(
            "299 - \"child pods are preserved by default when jobs are deleted; set"
                + " propagationPolicy=Background to remove them or set propagationPolicy=Orphan to"
                + " suppress this warning\"");
    JsonNode finalizers = byDefault.body().at("/metadata/finalizers");
    assertThat(finalizers.toString()).isEqualTo("[\"example.com/hold\",\"orphan\"]");
    assertThat(byDefault.body().at("/metadata/generation").asLong()).isEqualTo(2);
    assertThat(background.warnings()).isEmpty();
    assertThat(background.body().at("/metadata/finalizers").toString())
        .isEqualTo("[\"example.com/hold\"]");
  }
}
