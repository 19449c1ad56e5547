package io.vessel.server.registry.core.pod;

import static io.vessel.server.registry.Fixtures.ago;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.Pod;
import io.vessel.server.registry.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodStatusSummaryTest {

  private static final String TWO_CONTAINERS =
      """
      metadata: {name: p, creationTimestamp: "%s"}
      spec:
        containers: [{name: a, image: x}, {name: b, image: y}]
      """
          .formatted(ago(600));

  static Stream<Arguments> pods() {
    return Stream.of(
        arguments(
            named(
                "new pod is Pending with nothing ready",
                TWO_CONTAINERS + "status: {phase: Pending}"),
            "0/2",
            "Pending",
            "0"),
        arguments(
            named(
                "running and ready containers count as ready",
                TWO_CONTAINERS
                    + """
                      status:
                        phase: Running
                        containerStatuses:
                        - {name: a, ready: true, restartCount: 0, state: {running: {}}}
                        - {name: b, ready: false, restartCount: 0, state: {running: {}}}
                      """),
            "1/2",
            "Running",
            "0"),
        arguments(
            named(
                "first container's waiting reason wins, restarts show when the last one ended",
                TWO_CONTAINERS
                    + """
                      status:
                        phase: Running
                        containerStatuses:
                        - name: a
                          ready: false
                          restartCount: 4
                          state: {waiting: {reason: CrashLoopBackOff}}
                          lastState: {terminated: {exitCode: 1, finishedAt: "%s"}}
                        - {name: b, ready: true, restartCount: 1, state: {running: {}}}
                      """
                        .formatted(ago(125))),
            "1/2",
            "CrashLoopBackOff",
            "5 (2m5s ago)"),
        arguments(
            named(
                "terminated without a reason shows the exit code",
                TWO_CONTAINERS
                    + """
                      status:
                        phase: Running
                        containerStatuses:
                        - {name: a, state: {terminated: {exitCode: 137}}}
                        - {name: b, state: {running: {}}}
                      """),
            "0/2",
            "ExitCode:137",
            "0"),
        arguments(
            named(
                "terminated by a signal shows the signal",
                TWO_CONTAINERS
                    + """
                      status:
                        phase: Running
                        containerStatuses:
                        - {name: a, state: {terminated: {exitCode: 0, signal: 9}}}
                        - {name: b, state: {running: {}}}
                      """),
            "0/2",
            "Signal:9",
            "0"),
        arguments(
            named(
                "Completed with a container still running reads NotReady without Ready",
                TWO_CONTAINERS
                    + """
status:
  phase: Running
  containerStatuses:
  - {name: a, ready: false, state: {terminated: {exitCode: 0, reason: Completed}}}
  - {name: b, ready: true, state: {running: {}}}
"""),
            "1/2",
            "NotReady",
            "0"),
        arguments(
            named(
                "Completed with a container still running reads Running when Ready",
                TWO_CONTAINERS
                    + """
status:
  phase: Running
  conditions: [{type: Ready, status: "True"}]
  containerStatuses:
  - {name: a, ready: false, state: {terminated: {exitCode: 0, reason: Completed}}}
  - {name: b, ready: true, state: {running: {}}}
"""),
            "1/2",
            "Running",
            "0"),
        arguments(
            named(
                "unfinished init container shows Init:i/n",
                """
metadata: {name: p}
spec:
  initContainers: [{name: i1, image: x}, {name: i2, image: x}, {name: i3, image: x}]
  containers: [{name: a, image: x}]
status:
  phase: Pending
  initContainerStatuses:
  - {name: i1, state: {terminated: {exitCode: 0}}}
  - {name: i2, state: {running: {}}}
  - {name: i3, state: {waiting: {reason: PodInitializing}}}
"""),
            "0/1",
            "Init:1/3",
            "0"),
        arguments(
            named(
                "init container back-off shows Init:reason",
                """
                metadata: {name: p}
                spec:
                  initContainers: [{name: i1, image: x}]
                  containers: [{name: a, image: x}]
                status:
                  phase: Pending
                  initContainerStatuses:
                  - {name: i1, restartCount: 2, state: {waiting: {reason: CrashLoopBackOff}}}
                """),
            "0/1",
            "Init:CrashLoopBackOff",
            "2"),
        arguments(
            named(
                "failed init container without reason shows Init:ExitCode",
                """
                metadata: {name: p}
                spec:
                  initContainers: [{name: i1, image: x}]
                  containers: [{name: a, image: x}]
                status:
                  phase: Pending
                  initContainerStatuses:
                  - {name: i1, state: {terminated: {exitCode: 2}}}
                """),
            "0/1",
            "Init:ExitCode:2",
            "0"),
        arguments(
            named(
                "started sidecar counts as a container and its restarts count",
                """
metadata: {name: p}
spec:
  initContainers: [{name: proxy, image: x, restartPolicy: Always}]
  containers: [{name: a, image: x}]
status:
  phase: Running
  conditions: [{type: Initialized, status: "True"}]
  initContainerStatuses:
  - {name: proxy, started: true, ready: true, restartCount: 1, state: {running: {}}}
  containerStatuses:
  - {name: a, ready: true, state: {running: {}}}
"""),
            "2/2",
            "Running",
            "1"),
        arguments(
            named(
                "scheduling gates show SchedulingGated",
                TWO_CONTAINERS
                    + """
status:
  phase: Pending
  conditions: [{type: PodScheduled, status: "False", reason: SchedulingGated}]
"""),
            "0/2",
            "SchedulingGated",
            "0"),
        arguments(
            named(
                "status.reason overrides the phase",
                TWO_CONTAINERS + "status: {phase: Failed, reason: Evicted}"),
            "0/2",
            "Evicted",
            "0"),
        arguments(
            named(
                "deletion of a running pod shows Terminating",
                """
                metadata: {name: p, deletionTimestamp: "2026-01-01T11:59:00Z"}
                spec: {containers: [{name: a, image: x}]}
                status: {phase: Running}
                """),
            "0/1",
            "Terminating",
            "0"),
        arguments(
            named(
                "deletion of a finished pod keeps its phase",
                """
                metadata: {name: p, deletionTimestamp: "2026-01-01T11:59:00Z"}
                spec: {containers: [{name: a, image: x}]}
                status: {phase: Succeeded}
                """),
            "0/1",
            "Succeeded",
            "0"),
        arguments(
            named(
                "deletion on a lost node shows Unknown",
                """
                metadata: {name: p, deletionTimestamp: "2026-01-01T11:59:00Z"}
                spec: {containers: [{name: a, image: x}]}
                status: {phase: Running, reason: NodeLost}
                """),
            "0/1",
            "Unknown",
            "0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  @DisplayName("summarize, pod in a given state, yields kubectl's READY, STATUS and RESTARTS")
  void summarizes(String yaml, String ready, String status, String restarts) {
    Pod pod = Fixtures.yaml(yaml, Pod.class);

    PodStatusSummary summary = PodStatusSummary.of(pod);

    assertThat(summary.readyCell()).isEqualTo(ready);
    assertThat(summary.reason()).isEqualTo(status);
    assertThat(summary.restartsCell(Fixtures.NOW)).isEqualTo(restarts);
  }
}
