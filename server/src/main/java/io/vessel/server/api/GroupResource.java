package io.vessel.server.api;

/** A resource plural qualified by its API group ("" for the core group), as errors name it. */
public record GroupResource(String group, String resource) {

  /** The form kube-apiserver prints in messages: {@code namespaces}, {@code deployments.apps}. */
  @Override
  public String toString() {
    return group.isEmpty() ? resource : resource + "." + group;
  }
}
