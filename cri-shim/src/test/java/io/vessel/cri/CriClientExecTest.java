package io.vessel.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.vessel.cri.v1.AttachRequest;
import io.vessel.cri.v1.ExecRequest;
import io.vessel.cri.v1.ExecSyncResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CriClientExecTest extends FakeRuntimeTestBase {

  private String id;

  @BeforeEach
  void runContainer() {
    id = runningContainer(sandboxConfig("web", 0), "app");
  }

  @Test
  @DisplayName("execSync, echo, its output and exit code 0")
  void echo() {
    var result = cri.execSync(id, List.of("echo", "hello", "exec"), Duration.ofSeconds(5));

    assertThat(result.getExitCode()).isZero();
    assertThat(result.getStdout().toStringUtf8()).isEqualTo("hello exec\n");
    assertThat(result.getStderr().isEmpty()).isTrue();
  }

  @Test
  @DisplayName("execSync, command exits non-zero, a result rather than an exception")
  void nonZeroExit() {
    assertThat(cri.execSync(id, List.of("false"), Duration.ofSeconds(5)).getExitCode())
        .isEqualTo(1);
  }

  @Test
  @DisplayName("execSync, stderr and the timeout in whole seconds reach the runtime")
  void stderrAndTimeout() {
    var timeoutSeen = new AtomicLong(-1);
    runtime.onExecSync(
        (container, cmd, timeoutSeconds) -> {
          timeoutSeen.set(timeoutSeconds);
          return ExecSyncResponse.newBuilder()
              .setExitCode(2)
              .setStderr(ByteString.copyFromUtf8("cat: /missing: No such file or directory\n"))
              .build();
        });

    var result = cri.execSync(id, List.of("cat", "/missing"), Duration.ofMillis(1500));

    assertThat(result.getExitCode()).isEqualTo(2);
    assertThat(result.getStderr().toStringUtf8()).startsWith("cat: /missing");
    assertThat(timeoutSeen).hasValue(2);
  }

  @Test
  @DisplayName("execSync, command outruns its timeout, DEADLINE_EXCEEDED from the runtime")
  void commandTimeout() {
    runtime.onExecSync(
        (container, cmd, timeoutSeconds) -> {
          throw Status.DEADLINE_EXCEEDED
              .withDescription(
                  "failed to exec in container: timeout 1s exceeded: context deadline exceeded")
              .asRuntimeException();
        });

    assertThatThrownBy(() -> cri.execSync(id, List.of("sleep", "10"), Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(
            CriException.class, e -> assertThat(e.isDeadlineExceeded()).isTrue())
        .hasMessageContaining("timeout 1s exceeded");
  }

  @Test
  @DisplayName("execSync, exited container, UNKNOWN with containerd's message")
  void exited() {
    runtime.exitContainer(id, 0);

    assertThatThrownBy(() -> cri.execSync(id, List.of("true"), Duration.ofSeconds(5)))
        .isInstanceOfSatisfying(
            CriException.class, e -> assertThat(e.code()).isEqualTo(Status.Code.UNKNOWN))
        .hasMessageContaining("container is in CONTAINER_EXITED state");
  }

  @Test
  @DisplayName("execSync, unknown container, NOT_FOUND")
  void unknownContainer() {
    assertThatThrownBy(() -> cri.execSync("nope", List.of("true"), Duration.ZERO))
        .matches(CriException::isNotFound);
  }

  @Test
  @DisplayName("exec and attach, running container, single-use streaming URLs")
  void streamingUrls() {
    String exec =
        cri.exec(ExecRequest.newBuilder().setContainerId(id).addCmd("sh").setStdout(true).build());
    String attach =
        cri.attach(AttachRequest.newBuilder().setContainerId(id).setStdout(true).build());

    assertThat(exec).matches("http://127\\.0\\.0\\.1:\\d+/exec/\\w+");
    assertThat(attach).matches("http://127\\.0\\.0\\.1:\\d+/attach/\\w+");
    assertThat(cri.exec(ExecRequest.newBuilder().setContainerId(id).addCmd("sh").build()))
        .isNotEqualTo(exec);
  }
}
