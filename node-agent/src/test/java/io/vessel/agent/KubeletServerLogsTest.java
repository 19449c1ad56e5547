package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The container-log endpoint without following: files, options and the kubelet's errors. */
class KubeletServerLogsTest extends KubeletServerTestBase {
  static final String T1 = "2026-11-22T04:44:01Z";
  static final String T2 = "2026-11-22T04:44:02.25Z";
  static final String T3 = "2026-11-22T04:44:03Z";

  @Test
  @DisplayName("containerLogs, several attempts, serves the newest; previous=true the one before")
  void currentAndPrevious() throws Exception {
    // Given
    var pod = pod("web", "main");
    appendLog(pod, "main", 0, T1 + " stdout F zero");
    appendLog(pod, "main", 1, T2 + " stdout F one");
    appendLog(pod, "main", 2, T3 + " stdout F two");

    // When / Then
    assertThat(get(ADMIN, "/containerLogs/default/web/main").body()).isEqualTo("two\n");
    assertThat(get(ADMIN, "/containerLogs/default/web/main?previous=true").body())
        .isEqualTo("one\n");
  }

  @Test
  @DisplayName("containerLogs, in a restart back-off, previous=true is the run that just died")
  void previousInBackOff() throws Exception {
    var pod = pod("web", "main");
    pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatus());
    pod.getStatus()
        .setContainerStatuses(
            List.of(
                new io.fabric8.kubernetes.api.model.ContainerStatusBuilder()
                    .withName("main")
                    .withRestartCount(1)
                    .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting()
                    .endState()
                    .withNewLastState().withNewTerminated().withExitCode(1).endTerminated()
                    .endLastState()
                    .build()));
    appendLog(pod, "main", 0, T1 + " stdout F first run");
    appendLog(pod, "main", 1, T2 + " stdout F crashed");

    assertThat(get(ADMIN, "/containerLogs/default/web/main?previous=true").body())
        .isEqualTo("crashed\n");
    assertThat(get(ADMIN, "/containerLogs/default/web/main").body()).isEqualTo("crashed\n");
  }

  @Test
  @DisplayName("containerLogs, init container, is served like any container")
  void initContainer() throws Exception {
    var pod = pod("web", "main");
    pod.getSpec().setInitContainers(List.of(TestPods.container("setup")));
    appendLog(pod, "setup", 0, T1 + " stdout F migrated");

    assertThat(get(ADMIN, "/containerLogs/default/web/setup").body()).isEqualTo("migrated\n");
  }

  @Test
  @DisplayName("containerLogs, tailLines, timestamps and limitBytes, apply as the kubelet's")
  void options() throws Exception {
    var pod = pod("web", "main");
    appendLog(
        pod, "main", 0,
        T1 + " stdout F a", T2 + " stdout P b", T2 + " stdout F c", T3 + " stderr F d");

    assertThat(get(ADMIN, "/containerLogs/default/web/main?tailLines=2").body())
        .isEqualTo("bc\nd\n");
    assertThat(get(ADMIN, "/containerLogs/default/web/main?tailLines=1&timestamps=true").body())
        .isEqualTo("2026-11-22T04:44:03Z d\n");
    assertThat(get(ADMIN, "/containerLogs/default/web/main?limitBytes=3").body())
        .isEqualTo("a\nb");
    assertThat(
            get(ADMIN, "/containerLogs/default/web/main?sinceTime=2026-11-22T04:44:02Z").body())
        .isEqualTo("bc\nd\n");
  }

  @Test
  @DisplayName("containerLogs, pod this node does not run, is 404")
  void unknownPod() throws Exception {
    var response = get(ADMIN, "/containerLogs/default/ghost/main");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("pod \"default/ghost\" not found");
  }

  @Test
  @DisplayName("containerLogs, container not in the pod's spec, is 400 not valid")
  void unknownContainer() throws Exception {
    pod("web", "main");

    var response = get(ADMIN, "/containerLogs/default/web/side");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("container \"side\" in pod \"web\" is not valid");
  }

  @Test
  @DisplayName("containerLogs, container without a log yet, is 400 waiting with the status reason")
  void waiting() throws Exception {
    var pod = pod("web", "main", "side");
    pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatus());
    pod.getStatus()
        .setContainerStatuses(
            List.of(
                new ContainerStatusBuilder()
                    .withName("main")
                    .withState(
                        new ContainerStateBuilder()
                            .withNewWaiting().withReason("ImagePullBackOff").endWaiting()
                            .build())
                    .build()));

    var main = get(ADMIN, "/containerLogs/default/web/main");
    var side = get(ADMIN, "/containerLogs/default/web/side");

    assertThat(main.statusCode()).isEqualTo(400);
    assertThat(main.body())
        .isEqualTo("container \"main\" in pod \"web\" is waiting to start: ImagePullBackOff");
    assertThat(side.statusCode()).isEqualTo(400);
    assertThat(side.body())
        .isEqualTo("container \"side\" in pod \"web\" is waiting to start: ContainerCreating");
  }

  @Test
  @DisplayName("containerLogs, previous=true with a single attempt, is 400 not found")
  void noPrevious() throws Exception {
    var pod = pod("web", "main");
    appendLog(pod, "main", 0, T1 + " stdout F only");

    var response = get(ADMIN, "/containerLogs/default/web/main?previous=true");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo("previous terminated container \"main\" in pod \"web\" not found");
  }

  @Test
  @DisplayName("containerLogs, invalid option, is 422 naming it; unknown option 400")
  void badOptions() throws Exception {
    var pod = pod("web", "main");
    appendLog(pod, "main", 0, T1 + " stdout F a");

    var negative = get(ADMIN, "/containerLogs/default/web/main?tailLines=-1");
    var unknown = get(ADMIN, "/containerLogs/default/web/main?stream=Stdout");

    assertThat(negative.statusCode()).isEqualTo(422);
    assertThat(negative.body()).startsWith("tailLines: Invalid value: -1");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).isEqualTo("unsupported query parameter \"stream\"");
  }

  @Test
  @DisplayName("containerLogs, a large file, arrives whole across many chunks")
  void largeFile() throws Exception {
    var pod = pod("web", "main");
    var lines = new String[20_000];
    var expected = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      lines[i] = T1 + " stdout F line " + i;
      expected.append("line ").append(i).append('\n');
    }
    appendLog(pod, "main", 0, lines);

    assertThat(get(ADMIN, "/containerLogs/default/web/main").body())
        .isEqualTo(expected.toString());
  }
}
