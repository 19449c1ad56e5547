package io.vessel.agent;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

/**
 * What the node reports about its machine: capacity and identity, read from {@code /proc}, {@code
 * /etc/os-release} and the network interfaces once at start.
 *
 * @param memoryBytes MemTotal from /proc/meminfo
 * @param ephemeralStorageBytes the size of the file system holding the agent's root dir
 */
public record HostFacts(
    int cpus,
    long memoryBytes,
    long ephemeralStorageBytes,
    String hostname,
    String internalIp,
    String kernelVersion,
    String osImage,
    String architecture,
    String machineId,
    String bootId) {

  public static HostFacts read(Path rootDir) {
    try {
      Files.createDirectories(rootDir);
      return new HostFacts(
          Runtime.getRuntime().availableProcessors(),
          memTotal(Files.readString(Path.of("/proc/meminfo"))),
          Files.getFileStore(rootDir).getTotalSpace(),
          firstLine(Path.of("/proc/sys/kernel/hostname")).orElse("localhost"),
          findInternalIp(),
          firstLine(Path.of("/proc/sys/kernel/osrelease")).orElse(""),
          osImage(Files.exists(Path.of("/etc/os-release"))
              ? Files.readString(Path.of("/etc/os-release")) : ""),
          goArch(System.getProperty("os.arch")),
          firstLine(Path.of("/etc/machine-id")).orElse(""),
          firstLine(Path.of("/proc/sys/kernel/random/boot_id")).orElse(""));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the host's facts", e);
    }
  }

  static long memTotal(String meminfo) {
    for (String line : meminfo.split("\n")) {
      if (line.startsWith("MemTotal:")) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]) * 1024;
      }
    }
    throw new IllegalStateException("no MemTotal in /proc/meminfo");
  }

  static String osImage(String osRelease) {
    for (String line : osRelease.split("\n")) {
      if (line.startsWith("PRETTY_NAME=")) {
        return line.substring("PRETTY_NAME=".length()).replace("\"", "").trim();
      }
    }
    return "Linux";
  }

  /** Kubernetes uses Go's names for architectures. */
  static String goArch(String javaArch) {
    return switch (javaArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> javaArch;
    };
  }

  /** The first IPv4 address of an up, non-loopback interface that is not a pod bridge or veth. */
  private static String findInternalIp() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      String name = nic.getName();
      if (!nic.isUp() || nic.isLoopback() || name.startsWith("cni") || name.startsWith("veth")
          || name.startsWith("docker")) {
        continue;
      }
      for (var address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address) {
          return address.getHostAddress();
        }
      }
    }
    return "127.0.0.1";
  }

  private static Optional<String> firstLine(Path file) {
    try {
      return Files.readAllLines(file).stream().findFirst().map(String::trim);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
