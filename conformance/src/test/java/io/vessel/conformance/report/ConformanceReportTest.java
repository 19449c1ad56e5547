package io.vessel.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceReportTest {

  @Test
  @DisplayName("report, JUnit XML with passed, failed and skipped cases, counts them per suite")
  void countsPerSuite(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("TEST-a.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="Namespace watch" tests="3">
          <testcase name="watch shows ADDED" time="1.5"/>
          <testcase name="watch shows DELETED" time="0.5"><failure message="expected DELETED"/></testcase>
          <testcase name="explain" time="0"><skipped message="server: no descriptions"/></testcase>
        </testsuite>
        """);
    Files.writeString(
        dir.resolve("TEST-b.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="Launcher" tests="1"><testcase name="up" time="2"/></testsuite>
        """);
    Files.writeString(dir.resolve("other.txt"), "not a report");

    List<Path> files = JunitReports.files(dir);
    List<TestOutcome> outcomes = JunitReports.read(files);
    String table = ConformanceReport.table(outcomes);

    assertThat(files).hasSize(2);
    assertThat(outcomes).extracting(TestOutcome::state).containsExactly("passed", "failed", "skipped", "passed");
    assertThat(table).containsPattern("Namespace watch\\s+1\\s+1\\s+1");
    assertThat(table).containsPattern("TOTAL\\s+2\\s+1\\s+1");
    assertThat(ConformanceReport.markdown(outcomes, table))
        .contains("| Namespace watch | watch shows DELETED | failed | expected DELETED |");
    assertThat(ConformanceReport.merged(files))
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n<testsuite name=\"Namespace watch\"")
        .endsWith("</testsuites>\n");
  }

  @Test
  @DisplayName("figures, one TSV file per suite, listed as one table; nothing when there are none")
  void listsFigures(@TempDir Path dir) throws Exception {
    var figures = Files.createDirectories(dir.resolve("conformance-figures"));
    Files.writeString(
        figures.resolve("Bad-clients.tsv"), "Bad clients\tserver RSS bound\t1024 MiB\nbroken line\n");

    assertThat(ConformanceReport.figures(figures))
        .contains("## Figures")
        .contains("| Bad clients | server RSS bound | 1024 MiB |")
        .doesNotContain("broken line");
    assertThat(ConformanceReport.figures(dir.resolve("absent"))).isEmpty();
  }

  @Test
  @DisplayName("report, Ginkgo JUnit of an upstream e2e.test run, reads the cases under <testsuites>")
  void readsGinkgoJunit(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("junit_01.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites tests="3" disabled="0" errors="0" failures="1" time="10">
          <testsuite name="Kubernetes e2e suite" package="/" tests="3">
            <testcase name="[It] [sig-node] Lease lease API should be available [Conformance]" status="passed" time="1.2"/>
            <testcase name="[It] [sig-network] DNS should provide DNS for the cluster [Conformance]" status="failed" time="5"><failure message="no DNS" type="failed"/></testcase>
            <testcase name="[It] [sig-storage] something slow" status="skipped" time="0"><skipped message="skipped"/></testcase>
          </testsuite>
        </testsuites>
        """);

    var outcomes = JunitReports.read(JunitReports.files(dir));

    assertThat(outcomes)
        .extracting(TestOutcome::suite, TestOutcome::state)
        .containsExactly(
            tuple("Kubernetes e2e suite", "passed"),
            tuple("Kubernetes e2e suite", "failed"),
            tuple("Kubernetes e2e suite", "skipped"));
  }
}
