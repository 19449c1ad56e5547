package io.vessel.server.registry.rbac;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.GoValue;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.List;

/**
 * Role and ClusterRole rules: path-segment names (system:… roles), and rules that name verbs and,
 * when they name resources, API groups; non-resource URLs only in cluster roles.
 */
public final class RoleStrategy<T extends HasMetadata> extends BasicStrategy<T> {
  private final boolean clusterScoped;

  private RoleStrategy(boolean clusterScoped) {
    super(NameRule.PATH_SEGMENT, false, false);
    this.clusterScoped = clusterScoped;
  }

  public static RoleStrategy<Role> roles() {
    return new RoleStrategy<>(false);
  }

  public static RoleStrategy<ClusterRole> clusterRoles() {
    return new RoleStrategy<>(true);
  }

  @Override
  public void validate(T role, FieldErrors errors) {
    List<PolicyRule> rules =
        role instanceof ClusterRole cr ? cr.getRules() : ((Role) role).getRules();
    if (rules == null) {
      return;
    }
    for (int i = 0; i < rules.size(); i++) {
      PolicyRule r = rules.get(i);
      String at = "rules[" + i + "]";
      if (r.getVerbs() == null || r.getVerbs().isEmpty()) {
        errors.required(at + ".verbs", "verbs must contain at least one value");
      }
      boolean urls = r.getNonResourceURLs() != null && !r.getNonResourceURLs().isEmpty();
      boolean resources = r.getResources() != null && !r.getResources().isEmpty();
      if (urls && !clusterScoped) {
        errors.invalid(
            at + ".nonResourceURLs",
            new GoValue(String.valueOf(r.getNonResourceURLs())),
            "namespaced rules cannot apply to non-resource URLs");
      }
      if (urls && resources) {
        errors.invalid(
            at + ".nonResourceURLs",
            new GoValue(String.valueOf(r.getNonResourceURLs())),
            "rules cannot apply to both regular resources and non-resource URLs");
      }
      if (!urls && (r.getApiGroups() == null || r.getApiGroups().isEmpty())) {
        errors.required(at + ".apiGroups", "resource rules must supply at least one api group");
      }
    }
  }

  @Override
  public void validateUpdate(T role, T old, FieldErrors errors) {
    validate(role, errors);
  }
}
