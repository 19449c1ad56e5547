package io.vessel.server.storage;

/**
 * Where one object lives: its resource ("namespaces", "apps/deployments"), its namespace ("" for
 * cluster-scoped objects) and its name. Ordered by namespace then name, the order lists return.
 */
public record StorageKey(String resource, String namespace, String name)
    implements Comparable<StorageKey> {

  @Override
  public int compareTo(StorageKey o) {
    int c = namespace.compareTo(o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return resource + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
