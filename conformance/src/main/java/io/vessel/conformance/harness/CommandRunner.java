package io.vessel.conformance.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command to completion with a deadline.
 *
 * <p>Output goes to temporary files rather than pipes: {@code vessel up --detach} leaves a server
 * process behind, and a child that inherited a pipe would keep it open, so reading a pipe to its
 * end would never finish. With files, waiting for the direct child is enough.
 */
public final class CommandRunner {

  private static final File NO_INPUT = new File("/dev/null");

  private CommandRunner() {}

  /**
   * Runs {@code command} and waits for it.
   *
   * @param command the argument vector
   * @param workingDir the working directory, or null for the current one
   * @param environment the complete environment, or null to inherit this JVM's
   * @param stdin text fed to standard input, or null for none
   * @param timeout how long the command may run; after that it is killed
   * @return the exit code and outputs
   * @throws AssertionError when the deadline passes, with everything printed so far
   */
  public static Result run(
      List<String> command,
      Path workingDir,
      Map<String, String> environment,
      String stdin,
      Duration timeout) {
    Path out = null;
    Path err = null;
    Path in = null;
    try {
      out = Files.createTempFile("cmd-", ".out");
      err = Files.createTempFile("cmd-", ".err");
      var builder = new ProcessBuilder(command);
      if (workingDir != null) {
        builder.directory(workingDir.toFile());
      }
      if (environment != null) {
        builder.environment().clear();
        builder.environment().putAll(environment);
      }
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      if (stdin != null) {
        in = Files.createTempFile("cmd-", ".in");
        Files.writeString(in, stdin);
        builder.redirectInput(in.toFile());
      } else {
        builder.redirectInput(NO_INPUT);
      }
      var process = builder.start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        var partial = new Result(command, -1, read(out), read(err));
        throw new AssertionError(
            "command did not finish within " + timeout.toSeconds() + "s\n" + partial.describe());
      }
      return new Result(command, process.exitValue(), read(out), read(err));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
      deleteQuietly(in);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temp file is harmless
    }
  }
}
