package io.vessel.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One stock kubectl executable and its client version ({@code "1.28"}).
 *
 * @param version major.minor of the client, as kubectl reports it
 * @param path the executable
 */
public record KubectlBinary(String version, Path path) {

  /** Where this machine keeps the oldest and newest kubectl Vessel supports. */
  static final List<KubectlBinary> PINNED =
      List.of(
          new KubectlBinary("1.28", Path.of("/usr/lib/google-cloud-sdk/bin/kubectl.1.28")),
          new KubectlBinary("1.33", Path.of("/usr/lib/google-cloud-sdk/bin/kubectl.1.33")));

  /** The minor version as a number ({@code 28} for "1.28"). */
  public int minor() {
    return Integer.parseInt(version.substring(version.indexOf('.') + 1));
  }

  /** Shown in parameterized test names. */
  @Override
  public String toString() {
    return "kubectl " + version;
  }

  /**
   * The pinned executables that exist; when none does (a fresh machine has only one kubectl), the
   * {@code kubectl} on {@code PATH} with the version it reports.
   */
  static List<KubectlBinary> discover() {
    var found = new ArrayList<KubectlBinary>();
    for (var binary : PINNED) {
      if (Files.isExecutable(binary.path())) {
        found.add(binary);
      }
    }
    if (found.isEmpty()) {
      onPath().ifPresent(found::add);
    }
    return List.copyOf(found);
  }

  private static Optional<KubectlBinary> onPath() {
    var pathVariable = System.getenv().getOrDefault("PATH", "");
    for (var dir : pathVariable.split(File.pathSeparator)) {
      var candidate = Path.of(dir, "kubectl");
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return Optional.of(new KubectlBinary(clientVersion(candidate), candidate));
      }
    }
    return Optional.empty();
  }

  private static String clientVersion(Path executable) {
    var result =
        CommandRunner.run(
                List.of(executable.toString(), "version", "--client", "-o", "json"),
                null,
                null,
                null,
                Duration.ofSeconds(30))
            .expectSuccess();
    JsonNode client = Json.parse(result.stdout()).path("clientVersion");
    // minor may carry a suffix, e.g. "32+" on vendor builds
    var minor = client.path("minor").asText().replaceAll("\\D", "");
    return client.path("major").asText() + "." + minor;
  }
}
