package io.vessel.server;

import java.nio.file.Path;
import java.util.List;

/**
 * Every option of the server, validated at construction.
 *
 * @param postgresUrl null to run the embedded PostgreSQL under the state dir
 * @param extraSans extra DNS names or IPs for the serving certificate
 * @param controllers whether this replica takes part in electing who runs the controllers and
 *     the scheduler
 */
public record ServerConfig(
    Path stateDir,
    int port,
    String bindAddress,
    String postgresUrl,
    List<String> extraSans,
    boolean controllers) {

  public ServerConfig(
      Path stateDir, int port, String bindAddress, String postgresUrl, List<String> extraSans) {
    this(stateDir, port, bindAddress, postgresUrl, extraSans, true);
  }

  public ServerConfig {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 1 and 65535, got " + port);
    }
    stateDir = stateDir.toAbsolutePath().normalize();
    extraSans = List.copyOf(extraSans);
  }

  public String serverUrl() {
    return "https://127.0.0.1:" + port;
  }
}
