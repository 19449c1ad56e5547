package io.vessel.certs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Every regular file under a directory with its content, to assert that nothing changed. */
record DirectorySnapshot(Map<String, String> files) {

  static DirectorySnapshot of(Path dir) {
    try (var paths = Files.walk(dir)) {
      var files =
          paths
              .filter(Files::isRegularFile)
              .collect(
                  Collectors.toMap(
                      p -> dir.relativize(p).toString(),
                      DirectorySnapshot::content,
                      (a, b) -> a,
                      TreeMap::new));
      return new DirectorySnapshot(files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String content(Path file) {
    try {
      return Arrays.toString(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
