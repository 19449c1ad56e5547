package io.vessel.server.storage;

/**
 * One value of a pool shared by all objects (a Service's clusterIP, a nodePort) that at most one
 * object may hold at a time. Storage keeps the claims of an object together with the object.
 *
 * @param pool which pool, e.g. {@code serviceIPv4}
 * @param value the value as a number (an IPv4 address as an unsigned 32-bit value, a port)
 */
public record Claim(String pool, long value) {}
