package io.vessel.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A hostPath volume's {@code type}: what must be at the path, or what to create there. */
final class HostPathCheck {
  private HostPathCheck() {}

  static Path prepare(Path path, String type) throws IOException {
    String t = type == null ? "" : type;
    switch (t) {
      case "" -> {
        // no check, as upstream's default
      }
      case "DirectoryOrCreate" -> {
        if (!Files.exists(path)) {
          Files.createDirectories(path);
          Files.setPosixFilePermissions(path, VolumeFiles.permissions(0755));
        } else {
          require(Files.isDirectory(path), path + " is not a directory");
        }
      }
      case "Directory" -> require(Files.isDirectory(path), path + " is not a directory");
      case "FileOrCreate" -> {
        if (!Files.exists(path)) {
          Files.createDirectories(path.getParent());
          Files.createFile(path);
          Files.setPosixFilePermissions(path, VolumeFiles.permissions(0644));
        } else {
          require(Files.isRegularFile(path), path + " is not a file");
        }
      }
      case "File" -> require(Files.isRegularFile(path), path + " is not a file");
      case "Socket", "CharDevice", "BlockDevice" -> require(
          Files.exists(path) && !Files.isDirectory(path) && !Files.isRegularFile(path),
          path + " is not a " + t.replace("Device", " device").toLowerCase());
      default -> throw new IllegalArgumentException("hostPath type " + t + " is not supported");
    }
    return path;
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("hostPath type check failed: " + what);
    }
  }
}
