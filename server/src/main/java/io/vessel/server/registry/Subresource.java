package io.vessel.server.registry;

import java.util.List;

/**
 * A subresource served on the parent's store, e.g. {@code status} or {@code finalize}.
 *
 * @param kind the kind its requests and responses carry (the parent's for status)
 * @param verbs as discovery lists them
 */
public record Subresource(String name, String kind, List<String> verbs) {}
