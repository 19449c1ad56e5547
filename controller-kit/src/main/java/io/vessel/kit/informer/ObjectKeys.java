package io.vessel.kit.informer;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Keys as client-go writes them: "namespace/name", or "name" for cluster-scoped objects. */
public final class ObjectKeys {
  private ObjectKeys() {}

  public static String of(HasMetadata o) {
    return of(o.getMetadata().getNamespace(), o.getMetadata().getName());
  }

  public static String of(String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }

  public static String namespace(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? "" : key.substring(0, slash);
  }

  public static String name(String key) {
    return key.substring(key.indexOf('/') + 1);
  }
}
