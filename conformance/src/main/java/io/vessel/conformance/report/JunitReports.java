package io.vessel.conformance.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads JUnit XML files: the {@code TEST-*.xml} a Maven Failsafe run leaves behind, or the {@code
 * junit*.xml} of an upstream {@code e2e.test} run (Ginkgo), whose root is {@code <testsuites>}.
 */
final class JunitReports {
  private JunitReports() {}

  static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("(TEST-|junit).*\\.xml"))
          .sorted()
          .toList();
    }
  }

  static List<TestOutcome> read(List<Path> files) throws Exception {
    List<TestOutcome> out = new ArrayList<>();
    var factory = DocumentBuilderFactory.newInstance();
    for (Path file : files) {
      Element root = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
      if (root.getTagName().equals("testsuite")) {
        readSuite(root, out);
        continue;
      }
      NodeList suites = root.getElementsByTagName("testsuite");
      for (int s = 0; s < suites.getLength(); s++) {
        readSuite((Element) suites.item(s), out);
      }
    }
    return out;
  }

  private static void readSuite(Element suite, List<TestOutcome> out) {
    NodeList cases = suite.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      String state = "passed";
      String message = "";
      for (String tag : List.of("failure", "error", "skipped")) {
        NodeList found = c.getElementsByTagName(tag);
        if (found.getLength() > 0) {
          state = tag.equals("skipped") ? "skipped" : "failed";
          message = ((Element) found.item(0)).getAttribute("message");
          break;
        }
      }
      double seconds =
          c.getAttribute("time").isEmpty() ? 0 : Double.parseDouble(c.getAttribute("time"));
      out.add(
          new TestOutcome(
              suite.getAttribute("name"), c.getAttribute("name"), state, seconds, message));
    }
  }
}
