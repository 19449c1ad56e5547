package io.vessel.conformance.harness;

import java.util.List;

/**
 * The servers a client may use, in order of preference, and which one it uses now: a client whose
 * request cannot reach its server (connection refused or reset, as after a crash) moves on to the
 * next one, as a client-go with several endpoints behind a load balancer would.
 *
 * <p>Threading: safe for any number of client threads.
 */
public final class Failover {

  private final List<RestClient> servers;
  private int current;
  private int failovers;

  /** @param servers one client per server, the preferred one first */
  public Failover(List<RestClient> servers) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("no servers");
    }
    this.servers = List.copyOf(servers);
  }

  /** The server to use now. */
  public synchronized RestClient current() {
    return servers.get(current);
  }

  /**
   * Reports that {@code server} could not be reached; if it is still the current one, the next
   * server (round robin) becomes current. Reports about a server already left are ignored, so many
   * clients failing at once move on only once.
   */
  public synchronized void unreachable(RestClient server) {
    if (servers.get(current) == server) {
      current = (current + 1) % servers.size();
      failovers++;
    }
  }

  /** How many times clients moved to another server. */
  public synchronized int failovers() {
    return failovers;
  }
}
