package io.vessel.server.auth;

import java.util.List;

/** An authenticated user: a name and its groups (always including system:authenticated). */
public record UserInfo(String name, List<String> groups) {
  public static final String MASTERS = "system:masters";

  public boolean inGroup(String group) {
    return groups.contains(group);
  }
}
