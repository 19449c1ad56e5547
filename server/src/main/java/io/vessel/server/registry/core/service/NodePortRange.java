package io.vessel.server.registry.core.service;

import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/** The node ports Services may hold ({@code --service-node-port-range}, default 30000-32767). */
public record NodePortRange(int first, int last) {
  public static final NodePortRange DEFAULT = new NodePortRange(30000, 32767);

  public NodePortRange {
    if (first < 1 || last > 65535 || first > last) {
      throw new IllegalArgumentException("invalid node port range " + first + "-" + last);
    }
  }

  public boolean contains(int port) {
    return port >= first && port <= last;
  }

  /** A random free port, or empty when the range is full. */
  public OptionalLong pick(Set<Long> taken, RandomGenerator random) {
    return FreeValues.pick(first, last, taken, random);
  }

  /** As upstream prints it in "The range of valid ports is 30000-32767". */
  @Override
  public String toString() {
    return first + "-" + last;
  }
}
