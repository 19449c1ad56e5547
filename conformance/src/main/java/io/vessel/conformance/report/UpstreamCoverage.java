package io.vessel.conformance.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every upstream {@code [Conformance]} test of a Kubernetes release with its state here. A Vessel
 * test covers an upstream test when its display name quotes the upstream name exactly; the upstream
 * test then passes here if every Vessel test quoting it passed. Upstream tests no Vessel test quotes
 * are listed with the reason they are not covered yet, from the resource file.
 */
final class UpstreamCoverage {

  /** The list this report uses. */
  static final String RESOURCE = "/upstream-conformance-1.33.tsv";

  static final String RELEASE = "v1.33";

  /** Why an upstream test is not covered yet: what it needs that Vessel lacks or has not tested. */
  enum Reason {
    NODES("needs nodes running containers (node agent)"),
    CONTROLLERS("needs controllers or the scheduler"),
    NETWORKING("needs service networking (cluster IPs, node ports, endpoints)"),
    DNS("needs cluster DNS"),
    WEBHOOKS("needs admission or conversion webhooks"),
    CRD("needs custom resources served from CRDs"),
    AGGREGATION("needs the aggregation layer"),
    FLOWCONTROL("needs API priority and fairness (flowcontrol.apiserver.k8s.io)"),
    ADMISSION_POLICY("needs ValidatingAdmissionPolicy (CEL)"),
    AUTH("needs authorization APIs (RBAC, reviews, service account issuer)"),
    API("API behaviour only: no Vessel test for it yet");

    final String text;

    Reason(String text) {
      this.text = text;
    }

    static Reason of(String code) {
      return valueOf(code.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /** The state of one upstream test in this run. */
  enum State {
    PASSING("covered, passing"),
    FAILING("covered, failing"),
    SKIPPED("covered, skipped in this run"),
    NOT_COVERED("not covered yet");

    final String text;

    State(String text) {
      this.text = text;
    }
  }

  /** One line of the list: the upstream name and the reason it would not be covered. */
  record Upstream(String name, Reason reason) {}

  /**
   * One upstream test's state.
   *
   * @param upstream the upstream test
   * @param state its state here
   * @param coveredBy the Vessel tests that quote it ("suite / name"), empty when not covered
   */
  record Row(Upstream upstream, State state, List<String> coveredBy) {}

  private UpstreamCoverage() {}

  /** Reads the list from the classpath resource. */
  static List<Upstream> load() {
    try (InputStream in = UpstreamCoverage.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + RESOURCE + " on the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses {@code name<TAB>reason} lines; {@code #} starts a comment line. */
  static List<Upstream> parse(String text) {
    var list = new ArrayList<Upstream>();
    try (var reader = new BufferedReader(new StringReader(text))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        var fields = line.split("\t");
        if (fields.length != 2) {
          throw new IllegalArgumentException("expected NAME<TAB>REASON: " + line);
        }
        list.add(new Upstream(fields[0], Reason.of(fields[1])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return list;
  }

  /** Matches every upstream test against the run's outcomes by display name. */
  static List<Row> match(List<Upstream> upstream, List<TestOutcome> outcomes) {
    var rows = new ArrayList<Row>();
    for (var test : upstream) {
      var covering = outcomes.stream().filter(o -> o.name().contains(test.name())).toList();
      State state;
      if (covering.isEmpty()) {
        state = State.NOT_COVERED;
      } else if (covering.stream().anyMatch(o -> o.state().equals("failed"))) {
        state = State.FAILING;
      } else if (covering.stream().allMatch(o -> o.state().equals("skipped"))) {
        state = State.SKIPPED;
      } else {
        state = State.PASSING;
      }
      rows.add(
          new Row(test, state, covering.stream().map(o -> o.suite() + " / " + o.name()).toList()));
    }
    return rows;
  }

  /** The Markdown section: counts by state and by reason, then every upstream test. */
  static String markdown(List<Row> rows) {
    var byState = new EnumMap<State, Integer>(State.class);
    var byReason = new EnumMap<Reason, Integer>(Reason.class);
    for (var row : rows) {
      byState.merge(row.state(), 1, Integer::sum);
      if (row.state() == State.NOT_COVERED) {
        byReason.merge(row.upstream().reason(), 1, Integer::sum);
      }
    }
    var md = new StringBuilder("\n## Upstream conformance tests (Kubernetes ");
    md.append(RELEASE).append(")\n\n").append(rows.size());
    md.append(" upstream `[Conformance]` tests; a Vessel test covers one when its display name")
        .append(" quotes the upstream name.\n\n| state | tests |\n|---|---|\n");
    for (var state : State.values()) {
      md.append("| ").append(state.text).append(" | ");
      md.append(byState.getOrDefault(state, 0)).append(" |\n");
    }
    md.append("\n| not covered yet, because it | tests |\n|---|---|\n");
    for (Map.Entry<Reason, Integer> e : byReason.entrySet()) {
      md.append("| ").append(e.getKey().text).append(" | ").append(e.getValue()).append(" |\n");
    }
    md.append("\n| upstream test | state | covered by / reason |\n|---|---|---|\n");
    for (var row : rows) {
      var detail =
          row.coveredBy().isEmpty()
              ? row.upstream().reason().text
              : String.join("; ", row.coveredBy());
      md.append("| ")
          .append(cell(row.upstream().name()))
          .append(" | ")
          .append(row.state().text)
          .append(" | ")
          .append(cell(detail))
          .append(" |\n");
    }
    return md.toString();
  }

  /** One line for the console: how many upstream tests are covered and pass. */
  static String summary(List<Row> rows) {
    long passing = rows.stream().filter(r -> r.state() == State.PASSING).count();
    long failing = rows.stream().filter(r -> r.state() == State.FAILING).count();
    long covered = rows.stream().filter(r -> r.state() != State.NOT_COVERED).count();
    return "upstream " + RELEASE + " conformance: " + covered + " of " + rows.size()
        + " covered (" + passing + " passing, " + failing + " failing)";
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
