package io.vessel.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vessel.conformance.report.UpstreamCoverage.Reason;
import io.vessel.conformance.report.UpstreamCoverage.State;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UpstreamCoverageTest {

  private static final String VERSION =
      "[sig-cli] Kubectl client Kubectl version should check is all data is printed [Conformance]";
  private static final String WATCH =
      "[sig-api-machinery] Watchers should be able to start watching from a specific resource"
          + " version [Conformance]";
  private static final String DNS =
      "[sig-network] DNS should provide DNS for the cluster [Conformance]";
  private static final String LEASE =
      "[sig-node] Lease lease API should be available [Conformance]";

  private static final List<UpstreamCoverage.Upstream> LIST =
      UpstreamCoverage.parse(
          "# comment\n\n"
              + VERSION + "\tapi\n"
              + WATCH + "\tapi\n"
              + DNS + "\tdns\n"
              + LEASE + "\tapi\n");

  private static TestOutcome outcome(String name, String state) {
    return new TestOutcome("Suite", name, state, 1.0, "");
  }

  @Test
  @DisplayName("match, display names quoting upstream names, passing, failing, skipped and not covered")
  void matchesByQuotedName() {
    var outcomes =
        List.of(
            outcome("kubectl version, 1.28 (" + VERSION + ")", "passed"),
            outcome("kubectl version, 1.33 (" + VERSION + ")", "passed"),
            outcome("resume from a past version (" + WATCH + ")", "passed"),
            outcome("resume from a past version, again (" + WATCH + ")", "failed"),
            outcome("lease API (" + LEASE + ")", "skipped"),
            outcome("something of our own", "passed"));

    var rows = UpstreamCoverage.match(LIST, outcomes);

    assertThat(rows)
        .extracting(UpstreamCoverage.Row::state)
        .containsExactly(State.PASSING, State.FAILING, State.NOT_COVERED, State.SKIPPED);
    assertThat(rows.get(0).coveredBy()).hasSize(2);
    assertThat(rows.get(2).upstream().reason()).isEqualTo(Reason.DNS);
    assertThat(UpstreamCoverage.summary(rows))
        .isEqualTo("upstream v1.33 conformance: 3 of 4 covered (1 passing, 1 failing)");
  }

  @Test
  @DisplayName("markdown, one row per upstream test, not covered ones with their reason")
  void markdownListsEveryTest() {
    var rows = UpstreamCoverage.match(LIST, List.of(outcome("v (" + VERSION + ")", "passed")));

    var md = UpstreamCoverage.markdown(rows);

    assertThat(md)
        .contains("| covered, passing | 1 |")
        .contains("| not covered yet | 3 |")
        .contains("| needs cluster DNS | 1 |")
        .contains("| " + DNS + " | not covered yet | needs cluster DNS |")
        .contains("| " + VERSION + " | covered, passing | Suite / v (" + VERSION + ") |");
  }

  @Test
  @DisplayName("parse, a line without a reason, fails naming the line")
  void rejectsMalformedLines() {
    assertThatThrownBy(() -> UpstreamCoverage.parse(DNS + "\n"))
        .hasMessageContaining("expected NAME<TAB>REASON");
  }

  @Test
  @DisplayName("load, the shipped v1.33 list, has every test once with a known reason")
  void shippedListIsWellFormed() {
    var list = UpstreamCoverage.load();

    assertThat(list).hasSizeGreaterThan(400);
    assertThat(list).extracting(UpstreamCoverage.Upstream::name).doesNotHaveDuplicates();
    assertThat(list)
        .allSatisfy(t -> assertThat(t.name()).startsWith("[sig-").endsWith("[Conformance]"));
  }
}
