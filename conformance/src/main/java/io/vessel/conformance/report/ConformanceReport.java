package io.vessel.conformance.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a conformance run's JUnit XML into what `./vessel conformance` prints and keeps: a
 * pass/fail/skip table per suite on stdout, a Markdown report, and one merged JUnit XML file.
 *
 * <p>Usage: {@code ConformanceReport <failsafe-reports dir> <output dir>}; exits 1 when any test
 * failed, 2 when there is nothing to report.
 */
public final class ConformanceReport {
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
    Files.writeString(out.resolve("conformance-report.md"), markdown(outcomes, table), StandardCharsets.UTF_8);
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
    boolean problems = outcomes.stream().anyMatch(o -> !o.state().equals("passed"));
    if (problems) {
      md.append("\n## Failed and skipped\n\n| suite | test | state | message |\n|---|---|---|---|\n");
      for (TestOutcome o : outcomes) {
        if (!o.state().equals("passed")) {
          md.append("| ").append(cell(o.suite())).append(" | ").append(cell(o.name())).append(" | ")
              .append(o.state()).append(" | ").append(cell(firstLine(o.message()))).append(" |\n");
        }
      }
    }
    md.append("\n## All tests\n\n| suite | test | state | seconds |\n|---|---|---|---|\n");
    for (TestOutcome o : outcomes) {
      md.append("| ").append(cell(o.suite())).append(" | ").append(cell(o.name())).append(" | ")
          .append(o.state()).append(" | ").append(String.format("%.1f", o.seconds())).append(" |\n");
    }
    return md.toString();
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
