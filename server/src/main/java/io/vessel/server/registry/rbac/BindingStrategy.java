package io.vessel.server.registry.rbac;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.GoValue;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.List;
import java.util.Objects;

/**
 * RoleBinding and ClusterRoleBinding rules: path-segment names, a roleRef to a Role (bindings only)
 * or ClusterRole of the RBAC group that never changes, and subjects of a known kind with a name
 * (and a namespace for service accounts bound cluster-wide).
 */
public final class BindingStrategy<T extends HasMetadata> extends BasicStrategy<T> {
  static final String GROUP = "rbac.authorization.k8s.io";
  private final boolean clusterScoped;

  private BindingStrategy(boolean clusterScoped) {
    super(NameRule.PATH_SEGMENT, false, false);
    this.clusterScoped = clusterScoped;
  }

  public static BindingStrategy<RoleBinding> roleBindings() {
    return new BindingStrategy<>(false);
  }

  public static BindingStrategy<ClusterRoleBinding> clusterRoleBindings() {
    return new BindingStrategy<>(true);
  }

  @Override
  public void validate(T binding, FieldErrors errors) {
    RoleRef ref = roleRef(binding);
    if (ref == null) {
      ref = new RoleRef();
    }
    if (!GROUP.equals(ref.getApiGroup())) {
      errors.notSupported("roleRef.apiGroup", str(ref.getApiGroup()), List.of(GROUP));
    }
    List<String> kinds = clusterScoped ? List.of("ClusterRole") : List.of("Role", "ClusterRole");
    if (!kinds.contains(ref.getKind())) {
      errors.notSupported("roleRef.kind", str(ref.getKind()), kinds);
    }
    if (ref.getName() == null || ref.getName().isEmpty()) {
      errors.required("roleRef.name", "");
    }
    List<Subject> subjects = subjects(binding);
    for (int i = 0; i < subjects.size(); i++) {
      subject(subjects.get(i), "subjects[" + i + "]", errors);
    }
  }

  private void subject(Subject s, String at, FieldErrors errors) {
    if (s.getName() == null || s.getName().isEmpty()) {
      errors.required(at + ".name", "");
    }
    switch (str(s.getKind())) {
      case "ServiceAccount" -> {
        if (s.getApiGroup() != null && !s.getApiGroup().isEmpty()) {
          errors.notSupported(at + ".apiGroup", s.getApiGroup(), List.of(""));
        }
        if (clusterScoped && (s.getNamespace() == null || s.getNamespace().isEmpty())) {
          errors.required(at + ".namespace", "");
        }
      }
      case "User", "Group" -> {
        if (!GROUP.equals(s.getApiGroup())) {
          errors.notSupported(at + ".apiGroup", str(s.getApiGroup()), List.of(GROUP));
        }
      }
      default ->
          errors.notSupported(
              at + ".kind", str(s.getKind()), List.of("ServiceAccount", "User", "Group"));
    }
  }

  @Override
  public void validateUpdate(T binding, T old, FieldErrors errors) {
    validate(binding, errors);
    RoleRef ref = roleRef(binding);
    if (!Objects.equals(ref, roleRef(old))) {
      errors.invalid("roleRef", goValue(ref), "cannot change roleRef");
    }
  }

  static RoleRef roleRef(HasMetadata binding) {
    return binding instanceof ClusterRoleBinding crb
        ? crb.getRoleRef()
        : ((RoleBinding) binding).getRoleRef();
  }

  static List<Subject> subjects(HasMetadata binding) {
    List<Subject> s =
        binding instanceof ClusterRoleBinding crb
            ? crb.getSubjects()
            : ((RoleBinding) binding).getSubjects();
    return s == null ? List.of() : s;
  }

  private static GoValue goValue(RoleRef ref) {
    if (ref == null) {
      return new GoValue("rbac.RoleRef{APIGroup:\"\", Kind:\"\", Name:\"\"}");
    }
    return new GoValue(
        "rbac.RoleRef{APIGroup:\""
            + str(ref.getApiGroup())
            + "\", Kind:\""
            + str(ref.getKind())
            + "\", Name:\""
            + str(ref.getName())
            + "\"}");
  }

  /** Null as the empty string, as Go's zero values print. */
  private static String str(String s) {
    return s == null ? "" : s;
  }
}
