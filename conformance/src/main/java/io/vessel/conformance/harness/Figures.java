package io.vessel.conformance.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Measured figures the fault and load suites report (writes checked, events checked, recovery
 * times, memory): printed, and written to {@code <dir>/<suite>.tsv} as {@code
 * suite<TAB>figure<TAB>value} lines, where {@code <dir>} is system property {@code
 * vessel.figures.dir}. The conformance report lists them. A suite's file is rewritten by the first
 * figure it records in a run. Figures are reported, never asserted on.
 */
public final class Figures {

  /** The system property naming the figures directory; Failsafe sets it for this module. */
  public static final String PROPERTY = "vessel.figures.dir";

  private static final Set<String> STARTED = new HashSet<>();

  private Figures() {}

  /** Records one figure of {@code suite} (its display name), e.g. "acknowledged writes", 1234. */
  public static synchronized void record(String suite, String figure, Object value) {
    var text = String.valueOf(value);
    System.out.println("figure: " + suite + " / " + figure + " = " + text);
    var dir = System.getProperty(PROPERTY, "").strip();
    if (dir.isEmpty()) {
      return;
    }
    var line = clean(suite) + "\t" + clean(figure) + "\t" + clean(text) + "\n";
    var file = Path.of(dir).resolve(suite.replaceAll("[^A-Za-z0-9._-]+", "-") + ".tsv");
    var mode = STARTED.add(suite) ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
    } catch (IOException e) {
      System.err.println("could not record figure in " + file + ": " + e);
    }
  }

  /** Milliseconds as seconds with one decimal, the unit the report uses for durations. */
  public static String seconds(long millis) {
    return String.format("%.1f s", millis / 1000.0);
  }

  /** KiB as MiB, rounded. */
  public static String mib(long kib) {
    return kib < 0 ? "unknown" : (kib + 512) / 1024 + " MiB";
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ');
  }
}
