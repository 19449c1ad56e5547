package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Container;
import io.vessel.cri.v1.ContainerConfig;
import io.vessel.cri.v1.ContainerStatus;
import io.vessel.cri.v1.Mount;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Termination messages, as the kubelet: each container attempt gets an empty host file
 * bind-mounted at its {@code terminationMessagePath}; once it exited, the file's last 4096 bytes
 * are its message, and with {@code FallbackToLogsOnError} a failed container with an empty file
 * gets the last 80 lines (at most 2048 bytes) of its log instead.
 *
 * <p>Host files live in {@code <rootDir>/termination-logs/<pod uid>/<container>-<attempt>}.
 */
final class TerminationLogs {
  static final String DEFAULT_PATH = "/dev/termination-log";
  static final int MAX_MESSAGE_BYTES = 4096;
  static final int FALLBACK_LOG_LINES = 80;
  static final int FALLBACK_LOG_BYTES = 2048;
  /** How much of a log's end is read for the fallback; 80 lines rarely need more. */
  private static final int LOG_TAIL_READ = 256 * 1024;

  private final Path dir;

  TerminationLogs(Path rootDir) {
    this.dir = rootDir.resolve("termination-logs");
  }

  /** The config with the attempt's termination-log mount; creates the host file. */
  ContainerConfig withMount(ContainerConfig config, String podUid, Container c, int attempt) {
    Path host = dir.resolve(podUid).resolve(c.getName() + "-" + attempt);
    try {
      Files.createDirectories(host.getParent());
      Files.deleteIfExists(host);
      Files.createFile(host);
      // the container may run as any user, and must be able to write its message
      Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rw-rw-rw-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create termination log " + host, e);
    }
    return config.toBuilder()
        .addMounts(
            Mount.newBuilder().setContainerPath(path(c)).setHostPath(host.toString()).build())
        .build();
  }

  /**
   * The message of an exited container: the runtime's message, then ": " and the termination
   * message when both exist (as the kubelet joins them); empty when there is none.
   */
  String message(ContainerStatus exited, Container c) {
    String message = exited.getMessage();
    String own = "";
    String path = path(c);
    for (Mount m : exited.getMountsList()) {
      if (m.getContainerPath().equals(path) && m.getHostPath().startsWith(dir.toString())) {
        own = new String(tail(Path.of(m.getHostPath()), MAX_MESSAGE_BYTES), StandardCharsets.UTF_8);
      }
    }
    if (own.isEmpty() && exited.getExitCode() != 0
        && "FallbackToLogsOnError".equals(c.getTerminationMessagePolicy())
        && !exited.getLogPath().isEmpty()) {
      own = fromLog(Path.of(exited.getLogPath()));
    }
    if (own.isEmpty()) {
      return message;
    }
    return message.isEmpty() ? own : message + ": " + own;
  }

  /** Removes the pod's host files. */
  void forget(String podUid) {
    Path podDir = dir.resolve(podUid);
    if (!Files.exists(podDir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(podDir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // left for the next termination of the same UID, which never comes: only disk is lost
    }
  }

  /** The last {@value #FALLBACK_LOG_LINES} lines of a CRI log, cut to its last 2048 bytes. */
  static String fromLog(Path criLog) {
    byte[] tail = tail(criLog, LOG_TAIL_READ);
    var lines = new ArrayDeque<String>();
    var text = new StringBuilder();
    int start = 0;
    for (int i = 0; i <= tail.length; i++) {
      if (i == tail.length || tail[i] == '\n') {
        if (i > start && (start > 0 || tail.length < LOG_TAIL_READ)) {
          try {
            var line = CriLogLine.parse(Arrays.copyOfRange(tail, start, i));
            text.append(new String(line.content(), StandardCharsets.UTF_8));
            if (!line.partial()) {
              lines.add(text.append('\n').toString());
              text.setLength(0);
              if (lines.size() > FALLBACK_LOG_LINES) {
                lines.removeFirst();
              }
            }
          } catch (IllegalArgumentException e) {
            // a torn first line of the read window, or a foreign line: not the container's
          }
        }
        start = i + 1;
      }
    }
    return lastBytes(String.join("", lines), FALLBACK_LOG_BYTES);
  }

  /** The end of {@code s} within {@code max} UTF-8 bytes. */
  static String lastBytes(String s, int max) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= max) {
      return s;
    }
    return new String(bytes, bytes.length - max, max, StandardCharsets.UTF_8);
  }

  private static String path(Container c) {
    String p = c.getTerminationMessagePath();
    return p == null || p.isEmpty() ? DEFAULT_PATH : p;
  }

  /** The file's last {@code max} bytes; empty when it cannot be read. */
  private static byte[] tail(Path file, int max) {
    try (var f = new RandomAccessFile(file.toFile(), "r")) {
      long length = f.length();
      int n = (int) Math.min(length, max);
      byte[] bytes = new byte[n];
      f.seek(length - n);
      f.readFully(bytes);
      return bytes;
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
