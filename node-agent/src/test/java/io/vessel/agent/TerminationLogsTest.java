package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.cri.v1.ContainerConfig;
import io.vessel.cri.v1.ContainerStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminationLogsTest {
  @TempDir Path root;

  private static String criLine(String text) {
    return "2026-01-01T00:00:00.000000001Z stdout F " + text + "\n";
  }

  @Test
  @DisplayName("withMount, default path, mounts an empty world-writable host file at /dev/termination-log")
  void mount() throws IOException {
    var logs = new TerminationLogs(root);

    var config = logs.withMount(ContainerConfig.getDefaultInstance(), "uid-1",
        TestPods.container("main"), 2);

    var mount = config.getMounts(0);
    assertThat(mount.getContainerPath()).isEqualTo("/dev/termination-log");
    Path host = Path.of(mount.getHostPath());
    assertThat(host).isEqualTo(root.resolve("termination-logs/uid-1/main-2")).isEmptyFile();
    assertThat(Files.getPosixFilePermissions(host)).hasSize(6);

    logs.forget("uid-1");
    assertThat(root.resolve("termination-logs/uid-1")).doesNotExist();
  }

  @Test
  @DisplayName("message, file written, is its last 4096 bytes joined to the runtime's message")
  void fromFile() throws IOException {
    var logs = new TerminationLogs(root);
    var c = TestPods.container("main");
    var mount = logs.withMount(ContainerConfig.getDefaultInstance(), "u", c, 0).getMounts(0);
    Files.writeString(Path.of(mount.getHostPath()), "x".repeat(5000) + "the end");
    var exited = ContainerStatus.newBuilder().addMounts(mount).setExitCode(1);

    String message = logs.message(exited.build(), c);
    assertThat(message).hasSize(4096).endsWith("the end");

    assertThat(logs.message(exited.setMessage("OOMKilled").build(), c))
        .startsWith("OOMKilled: x").endsWith("the end");
  }

  @Test
  @DisplayName("message, FallbackToLogsOnError and a failure with an empty file, is the log's last 80 lines within 2048 bytes")
  void fallbackToLogs() throws IOException {
    var logs = new TerminationLogs(root);
    var c = TestPods.container("main");
    c.setTerminationMessagePolicy("FallbackToLogsOnError");
    var mount = logs.withMount(ContainerConfig.getDefaultInstance(), "u", c, 0).getMounts(0);
    Path log = root.resolve("0.log");
    Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> criLine("line " + i))
        .collect(Collectors.joining()));
    var failed = ContainerStatus.newBuilder().addMounts(mount).setLogPath(log.toString());

    String message = logs.message(failed.setExitCode(2).build(), c);
    assertThat(message).startsWith("line 21\n").endsWith("line 100\n");
    assertThat(message.lines()).hasSize(80);

    assertThat(logs.message(failed.setExitCode(0).build(), c)).isEmpty();

    Files.writeString(log, IntStream.rangeClosed(1, 50).mapToObj(i -> criLine("y".repeat(100)))
        .collect(Collectors.joining()));
    assertThat(logs.message(failed.setExitCode(2).build(), c)).hasSize(2048).endsWith("y\n");
  }
}
