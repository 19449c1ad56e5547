package io.vessel.conformance.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A long-running command (such as {@code kubectl get -w}) whose output is collected line by line as
 * it arrives, until {@link #stop()}.
 *
 * <p>Threading: one daemon reader thread per output stream appends to a copy-on-write list; test
 * threads read snapshots through {@link #stdoutLines()} and {@link #stderrLines()}.
 */
public final class BackgroundProcess implements AutoCloseable {

  private final List<String> command;
  private final Process process;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();
  private final Thread stdoutReader;
  private final Thread stderrReader;

  private BackgroundProcess(List<String> command, Process process) {
    this.command = List.copyOf(command);
    this.process = process;
    this.stdoutReader = reader("stdout", process.getInputStream(), stdout);
    this.stderrReader = reader("stderr", process.getErrorStream(), stderr);
  }

  /** Starts {@code builder}'s command; its standard input is closed at once. */
  public static BackgroundProcess start(ProcessBuilder builder) {
    try {
      var process = builder.redirectInput(ProcessBuilder.Redirect.PIPE).start();
      process.getOutputStream().close();
      return new BackgroundProcess(builder.command(), process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + builder.command(), e);
    }
  }

  private Thread reader(String name, InputStream stream, List<String> sink) {
    var thread =
        new Thread(
            () -> {
              try (var in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  sink.add(line);
                }
              } catch (IOException ignored) {
                // the stream closes when the process is stopped
              }
            },
            "bg-" + name + "-" + process.pid());
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** The lines printed on standard output so far. */
  public List<String> stdoutLines() {
    return List.copyOf(stdout);
  }

  /** The lines printed on standard error so far. */
  public List<String> stderrLines() {
    return List.copyOf(stderr);
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** A multi-line account of the command and what it printed so far, for assertion messages. */
  public String describe() {
    return "$ "
        + String.join(" ", command)
        + (process.isAlive() ? "\n(still running)" : "\nexit code: " + process.exitValue())
        + "\n--- stdout so far ---\n"
        + String.join("\n", stdout)
        + "\n--- stderr so far ---\n"
        + String.join("\n", stderr);
  }

  /**
   * Stops the process (SIGTERM, then SIGKILL after 5 s) and waits until both outputs are fully
   * read, so that the line lists are final afterwards.
   */
  public void stop() {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
      stdoutReader.join(5_000);
      stderrReader.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
