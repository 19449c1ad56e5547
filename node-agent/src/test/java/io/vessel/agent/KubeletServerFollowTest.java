package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** follow=true: appended lines arrive, the stream ends when the container stops writing. */
@Timeout(60)
class KubeletServerFollowTest extends KubeletServerTestBase {
  static final String T = "2026-11-22T04:44:01Z";

  BufferedReader follow(String pathAndQuery) throws Exception {
    var response =
        client(ADMIN)
            .send(
                HttpRequest.newBuilder(uri(pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("follow, running container, sends what exists, then appended lines, until it stops")
  void followsUntilStopped() throws Exception {
    // Given
    var pod = pod("web", "main");
    appendLog(pod, "main", 0, T + " stdout F one");

    // When
    try (var lines = follow("/containerLogs/default/web/main?follow=true")) {
      // Then
      assertThat(lines.readLine()).isEqualTo("one");
      appendLog(pod, "main", 0, T + " stdout P t", T + " stdout F wo");
      assertThat(lines.readLine()).isEqualTo("two");

      // the container exits after a last line: it is sent, then the stream ends
      appendLog(pod, "main", 0, T + " stdout F three");
      running.set(false);
      assertThat(lines.readLine()).isEqualTo("three");
      assertThat(lines.readLine()).isNull();
    }
  }

  @Test
  @DisplayName("follow, container restarted (a newer attempt's file), ends the old attempt's log")
  void endsWhenSuperseded() throws Exception {
    var pod = pod("web", "main");
    appendLog(pod, "main", 0, T + " stdout F first run");

    try (var lines = follow("/containerLogs/default/web/main?follow=true")) {
      assertThat(lines.readLine()).isEqualTo("first run");
      appendLog(pod, "main", 1, T + " stdout F second run");
      assertThat(lines.readLine()).isNull();
    }
  }

  @Test
  @DisplayName("follow with tailLines=1, sends the last existing line and then new ones")
  void followsTail() throws Exception {
    var pod = pod("web", "main");
    appendLog(pod, "main", 0, T + " stdout F a", T + " stdout F b");

    try (var lines = follow("/containerLogs/default/web/main?follow=true&tailLines=1")) {
      assertThat(lines.readLine()).isEqualTo("b");
      appendLog(pod, "main", 0, T + " stdout F c");
      assertThat(lines.readLine()).isEqualTo("c");
    }
  }

  @Test
  @DisplayName("follow, container no longer running, sends the whole log and ends at once")
  void stoppedContainer() throws Exception {
    var pod = pod("web", "main");
    appendLog(pod, "main", 0, T + " stdout F done");
    running.set(false);

    try (var lines = follow("/containerLogs/default/web/main?follow=true")) {
      assertThat(lines.readLine()).isEqualTo("done");
      assertThat(lines.readLine()).isNull();
    }
  }

  @Test
  @DisplayName("follow, client disconnects, stops polling the file and the runtime")
  void stopsOnDisconnect() throws Exception {
    // Given a follower that has caught up, and so asks the runtime about once a second
    var pod = pod("web", "main");
    appendLog(pod, "main", 0, T + " stdout F hi");
    var lines = follow("/containerLogs/default/web/main?follow=true");
    assertThat(lines.readLine()).isEqualTo("hi");
    await().atMost(Duration.ofSeconds(10)).until(() -> stateChecks.get() >= 2);

    // When
    lines.close();

    // Then the checks stop: two readings further apart than the check period agree
    var last = new AtomicInteger(-1);
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(ContainerLogStreamer.STATE_CHECK_EVERY.multipliedBy(2))
        .until(
            () -> {
              int now = stateChecks.get();
              return last.getAndSet(now) == now;
            });
  }
}
