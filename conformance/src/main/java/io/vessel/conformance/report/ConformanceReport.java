package io.vessel.conformance.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns a conformance run's JUnit XML into what `./vessel conformance` prints and keeps: a
 * pass/fail/skip table per suite on stdout, a Markdown report, and one merged JUnit XML file.
 *
 * <p>Usage: {@code ConformanceReport <failsafe-reports dir> <output dir>}; exits 1 when any test
 * failed, 2 when there is nothing to report. The Markdown report also lists the figures the fault
 * suites measured ({@code conformance-figures/} next to the reports directory) and every upstream
 * conformance test with its state here ({@link UpstreamCoverage}).
 */
public final class ConformanceReport {
  /** Beyond this many outcomes, skipped ones are counted rather than listed. */
  private static final int MAX_LISTED = 1000;

  private ConformanceReport() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ConformanceReport <failsafe-reports dir> <output dir>");
      System.exit(2);
    }
    List<Path> files = JunitReports.files(Path.of(args[0]));
    List<TestOutcome> outcomes = JunitReports.read(files);
    if (outcomes.isEmpty()) {
      System.err.println("no test results under " + args[0]);
      System.exit(2);
    }
    Path out = Files.createDirectories(Path.of(args[1]));
    String table = table(outcomes);
    System.out.print(table);
    var upstream = UpstreamCoverage.match(UpstreamCoverage.load(), outcomes);
    System.out.println(UpstreamCoverage.summary(upstream));
    String report =
        markdown(outcomes, table)
            + figures(Path.of(args[0]).resolveSibling("conformance-figures"))
            + UpstreamCoverage.markdown(upstream);
    Files.writeString(out.resolve("conformance-report.md"), report, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("conformance-junit.xml"), merged(files), StandardCharsets.UTF_8);
    System.out.println("report: " + out.resolve("conformance-report.md"));
    System.out.println("junit:  " + out.resolve("conformance-junit.xml"));
    System.exit(outcomes.stream().anyMatch(o -> o.state().equals("failed")) ? 1 : 0);
  }

  /** One row per suite with its counts, and a total. */
  static String table(List<TestOutcome> outcomes) {
    Map<String, int[]> bySuite = new LinkedHashMap<>();
    for (TestOutcome o : outcomes) {
      int[] c = bySuite.computeIfAbsent(o.suite(), s -> new int[3]);
      c[index(o.state())]++;
    }
    int width = Math.max(5, bySuite.keySet().stream().mapToInt(String::length).max().orElse(5));
    StringBuilder sb = new StringBuilder();
    String row = "%-" + width + "s  %6s  %6s  %7s%n";
    sb.append(String.format(row, "SUITE", "PASSED", "FAILED", "SKIPPED"));
    int[] total = new int[3];
    for (Map.Entry<String, int[]> e : bySuite.entrySet()) {
      int[] c = e.getValue();
      sb.append(String.format(row, e.getKey(), c[0], c[1], c[2]));
      for (int i = 0; i < 3; i++) {
        total[i] += c[i];
      }
    }
    sb.append(String.format(row, "TOTAL", total[0], total[1], total[2]));
    return sb.toString();
  }

  static String markdown(List<TestOutcome> outcomes, String table) {
    StringBuilder md = new StringBuilder("# Vessel conformance report\n\n```\n").append(table).append("```\n");
    // an upstream e2e.test run reports its thousands of specs left out by the focus as skipped
    boolean listSkipped = outcomes.size() <= MAX_LISTED;
    boolean problems = outcomes.stream().anyMatch(o -> !o.state().equals("passed"));
    if (problems) {
      md.append("\n## Failed and skipped\n\n| suite | test | state | message |\n|---|---|---|---|\n");
      for (TestOutcome o : outcomes) {
        if (o.state().equals("failed") || (listSkipped && o.state().equals("skipped"))) {
          md.append("| ").append(cell(o.suite())).append(" | ").append(cell(o.name())).append(" | ")
              .append(o.state()).append(" | ").append(cell(firstLine(o.message()))).append(" |\n");
        }
      }
    }
    md.append("\n## All tests\n\n| suite | test | state | seconds |\n|---|---|---|---|\n");
    long unlisted = 0;
    for (TestOutcome o : outcomes) {
      if (!listSkipped && o.state().equals("skipped")) {
        unlisted++;
        continue;
      }
      md.append("| ").append(cell(o.suite())).append(" | ").append(cell(o.name())).append(" | ")
          .append(o.state()).append(" | ").append(String.format("%.1f", o.seconds())).append(" |\n");
    }
    if (unlisted > 0) {
      md.append("\n").append(unlisted).append(" skipped tests are not listed.\n");
    }
    return md.toString();
  }

  /**
   * The figures the fault and load suites measured ({@code suite<TAB>figure<TAB>value} lines, one
   * file per suite, written by the harness), as a Markdown section; empty when there are none.
   */
  static String figures(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return "";
    }
    List<Path> files;
    try (Stream<Path> listed = Files.list(dir)) {
      files = listed.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
    }
    StringBuilder md = new StringBuilder("\n## Figures\n\n| suite | figure | value |\n|---|---|---|\n");
    int rows = 0;
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t", 3);
        if (f.length == 3) {
          md.append("| ").append(cell(f[0])).append(" | ").append(cell(f[1])).append(" | ")
              .append(cell(f[2])).append(" |\n");
          rows++;
        }
      }
    }
    return rows == 0 ? "" : md.toString();
  }

  /** The suites' XML documents under one {@code <testsuites>} root. */
  static String merged(List<Path> files) throws Exception {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      xml.append(text.replaceFirst("^<\\?xml[^>]*\\?>\\s*", "")).append('\n');
    }
    return xml.append("</testsuites>\n").toString();
  }

  private static int index(String state) {
    return switch (state) {
      case "passed" -> 0;
      case "failed" -> 1;
      default -> 2;
    };
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
