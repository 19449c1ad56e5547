package io.vessel.server.boot;

/**
 * What /version reports about this build. The launcher passes the git commit and tree state as
 * system properties ({@code vessel.commit}, {@code vessel.treeState}, {@code vessel.buildDate}).
 */
public record BuildInfo(String commit, String treeState, String buildDate) {

  public static BuildInfo fromSystemProperties() {
    return new BuildInfo(
        System.getProperty("vessel.commit", "unknown"),
        System.getProperty("vessel.treeState", "unknown"),
        System.getProperty("vessel.buildDate", "1970-01-01T00:00:00Z"));
  }

  /** The first 7 hex digits, or "unknown": the build-metadata part of gitVersion. */
  public String shortCommit() {
    String c = commit.replaceAll("[^0-9A-Za-z]", "");
    if (c.isEmpty()) {
      return "unknown";
    }
    return c.length() > 7 ? c.substring(0, 7) : c;
  }
}
