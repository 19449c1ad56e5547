package io.vessel.server.storage.cache;

/** Which objects one watch or list selects: a namespace ("" = all) and a predicate on attrs. */
public record WatchFilter(String namespace, java.util.function.Predicate<ObjectAttrs> selector) {

  public static final WatchFilter EVERYTHING = new WatchFilter("", a -> true);

  boolean matches(String objectNamespace, ObjectAttrs attrs) {
    return (namespace.isEmpty() || namespace.equals(objectNamespace)) && selector.test(attrs);
  }
}
