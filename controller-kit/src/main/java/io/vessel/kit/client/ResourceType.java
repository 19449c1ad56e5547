package io.vessel.kit.client;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Where a kind lives on the API: enough to build its URLs and decode its bodies.
 *
 * @param group "" for the core group
 * @param plural the resource name in URLs
 */
public record ResourceType<T extends HasMetadata>(
    String group, String version, String plural, String kind, boolean namespaced, Class<T> type) {

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The collection path, across all namespaces when {@code namespace} is null or empty. */
  public String collectionPath(String namespace) {
    StringBuilder path = new StringBuilder(group.isEmpty() ? "/api/" : "/apis/" + group + "/");
    path.append(version);
    if (namespaced && namespace != null && !namespace.isEmpty()) {
      path.append("/namespaces/").append(namespace);
    }
    return path.append('/').append(plural).toString();
  }

  public String itemPath(String namespace, String name) {
    return collectionPath(namespace) + "/" + name;
  }
}
