package io.vessel.server.registry;

import java.util.List;

/**
 * A subresource served on the parent's store, e.g. {@code status}, {@code finalize} or {@code
 * scale}.
 *
 * @param kind the kind its requests and responses carry (the parent's for status)
 * @param group the group of that kind when it is not the parent's (autoscaling for Scale), else ""
 * @param version the version of that kind when it is not the parent's, else ""
 * @param verbs as discovery lists them
 */
public record Subresource(String name, String group, String version, String kind, List<String> verbs) {

  /** A subresource whose requests carry a kind of the parent's group and version. */
  public Subresource(String name, String kind, List<String> verbs) {
    this(name, "", "", kind, verbs);
  }

  /** Whether the kind lives in another group-version than the parent (discovery then names it). */
  public boolean foreignKind() {
    return !group.isEmpty() || !version.isEmpty();
  }
}
