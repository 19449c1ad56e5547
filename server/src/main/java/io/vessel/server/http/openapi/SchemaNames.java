package io.vessel.server.http.openapi;

import java.util.List;
import java.util.Optional;

/**
 * Upstream's definition names for fabric8 model classes: the Go package path reversed into a Java
 * style name plus the type name ({@code io.k8s.api.core.v1.Pod}, {@code
 * io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta}). kubectl finds schemas by their GVK extension,
 * not their names, but clients that merge documents and humans reading them expect these names.
 */
final class SchemaNames {
  static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1";
  static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
  static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
  static final String RAW_EXTENSION = "io.k8s.apimachinery.pkg.runtime.RawExtension";
  static final String TIME = META + ".Time";
  static final String MICRO_TIME = META + ".MicroTime";
  static final String DURATION = META + ".Duration";

  private static final String FABRIC8 = "io.fabric8.kubernetes.api.model";
  private static final String PROTO_CORE = "k8s.io.api.core.v1";
  private static final String PROTO_META = "k8s.io.apimachinery.pkg.apis.meta.v1";
  private static final String AGGREGATOR = "io.k8s.kube-aggregator.pkg.apis.apiregistration.v1";

  private SchemaNames() {}

  /** The definition name of a fabric8 model class. */
  static String of(Class<?> type) {
    return protoName(type).map(SchemaNames::fromProto).orElseGet(() -> byPackage(type));
  }

  /** The protobuf message of a fabric8 class, when the compiled descriptors have it. */
  static Optional<String> protoName(Class<?> type) {
    for (String pkg : protoPackages(type)) {
      String name = pkg + "." + type.getSimpleName();
      if (ProtoIndex.message(name).isPresent()) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** {@code k8s.io.api.core.v1.Pod} → {@code io.k8s.api.core.v1.Pod}. */
  static String fromProto(String protoName) {
    return "io.k8s." + protoName.substring("k8s.io.".length()).replace('_', '-');
  }

  /**
   * Where the Go type of a fabric8 class may live, most likely first. fabric8 names packages after
   * the group's first DNS label and the version ({@code ...model.batch.v1}), drops the version for
   * some v1-only packages ({@code ...model.apps}) and keeps core, meta and apiregistration types
   * together in its root package.
   */
  private static List<String> protoPackages(Class<?> type) {
    String pkg = type.getPackageName();
    if (pkg.equals(FABRIC8)) {
      return List.of(PROTO_CORE, PROTO_META);
    }
    if (!pkg.startsWith(FABRIC8 + ".")) {
      return List.of();
    }
    String[] parts = pkg.substring(FABRIC8.length() + 1).split("\\.");
    String version = parts.length > 1 ? parts[1] : "v1";
    if (parts[0].equals("apiextensions")) {
      return List.of("k8s.io.apiextensions_apiserver.pkg.apis.apiextensions." + version);
    }
    if (parts[0].equals("runtime")) {
      return List.of("k8s.io.apimachinery.pkg.runtime");
    }
    return List.of("k8s.io.api." + parts[0] + "." + version, PROTO_META);
  }

  /** The name for classes the descriptors do not know: newer types and fabric8's own. */
  private static String byPackage(Class<?> type) {
    String simple = type.getSimpleName();
    // client-java-proto has no kube-aggregator descriptors; fabric8 keeps APIService and its
    // parts, including its ServiceReference (core has none), in the root package.
    if (type.getPackageName().equals(FABRIC8)
        && (simple.startsWith("APIService") || simple.equals("ServiceReference"))) {
      return AGGREGATOR + "." + simple;
    }
    List<String> packages = protoPackages(type);
    if (packages.isEmpty()) {
      return type.getName();
    }
    return fromProto(packages.get(0) + "." + simple);
  }
}
