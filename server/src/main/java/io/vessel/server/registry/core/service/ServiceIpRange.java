package io.vessel.server.registry.core.service;

import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The IPv4 service CIDR clusterIPs come from ({@code --service-cluster-ip-range}, default {@code
 * 10.96.0.0/12}). Addresses are unsigned 32-bit values held in a long. The network and broadcast
 * addresses are never handed out, as upstream's ipallocator; the first address is kept for the
 * {@code kubernetes} Service, which asks for it by value.
 */
public record ServiceIpRange(long network, int prefixLength) {
  public static final ServiceIpRange DEFAULT = parse("10.96.0.0/12");

  public ServiceIpRange {
    if (prefixLength < 8 || prefixLength > 30) {
      throw new IllegalArgumentException("service CIDR prefix must be /8 to /30: /" + prefixLength);
    }
    if ((network & hostMask(prefixLength)) != 0) {
      throw new IllegalArgumentException("not a network address: " + format(network));
    }
  }

  public static ServiceIpRange parse(String cidr) {
    int slash = cidr.indexOf('/');
    long ip = slash < 0 ? -1 : parseIp(cidr.substring(0, slash));
    if (ip < 0) {
      throw new IllegalArgumentException("not an IPv4 CIDR: " + cidr);
    }
    return new ServiceIpRange(ip, Integer.parseInt(cidr.substring(slash + 1)));
  }

  /** The address as an unsigned 32-bit value, or -1 if {@code s} is not a dotted-quad IPv4. */
  public static long parseIp(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long ip = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      int octet = Integer.parseInt(p);
      if (octet > 255 || (p.length() > 1 && p.charAt(0) == '0')) {
        return -1;
      }
      ip = ip << 8 | octet;
    }
    return ip;
  }

  public static String format(long ip) {
    return (ip >> 24 & 255) + "." + (ip >> 16 & 255) + "." + (ip >> 8 & 255) + "." + (ip & 255);
  }

  private static long hostMask(int prefixLength) {
    return (1L << (32 - prefixLength)) - 1;
  }

  public long broadcast() {
    return network | hostMask(prefixLength);
  }

  /** Whether {@code ip} may be held by a Service: inside, and neither network nor broadcast. */
  public boolean contains(long ip) {
    return ip > network && ip < broadcast();
  }

  /** The first address, which the {@code kubernetes} Service holds (10.96.0.1 by default). */
  public long kubernetesServiceIp() {
    return network + 1;
  }

  /**
   * A free address for a Service that asked for none: a random start, then the next free one,
   * wrapping; never the {@code kubernetes} Service's. Empty when the range is full.
   */
  public OptionalLong pick(Set<Long> taken, RandomGenerator random) {
    return FreeValues.pick(network + 2, broadcast() - 1, taken, random);
  }

  @Override
  public String toString() {
    return format(network) + "/" + prefixLength;
  }
}
