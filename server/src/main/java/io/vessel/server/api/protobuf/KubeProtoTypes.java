package io.vessel.server.api.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the protobuf message of a Kubernetes kind, from the compiled k8s.io/api descriptors.
 * Proto packages end in {@code <group>.<version>} where group is the first label of the API group
 * ("core" for the legacy group), which is how kinds are indexed here.
 */
final class KubeProtoTypes {
  private static final Map<String, Descriptor> BY_KIND = index();

  private KubeProtoTypes() {}

  /** The message for {@code kind} in {@code apiVersion} ("v1", "apps/v1", …). */
  static Optional<Descriptor> of(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "core" : apiVersion.substring(0, slash).split("\\.")[0];
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    Descriptor d = BY_KIND.get(group + "/" + version + "/" + kind);
    // Options kinds (DeleteOptions, …) are meta/v1 messages whatever group they are sent to.
    return Optional.ofNullable(d != null ? d : BY_KIND.get("meta/v1/" + kind));
  }

  private static Map<String, Descriptor> index() {
    Map<String, Descriptor> map = new HashMap<>();
    for (FileDescriptor file : files()) {
      String[] pkg = file.getPackage().split("\\.");
      if (pkg.length < 2) {
        continue;
      }
      String prefix = pkg[pkg.length - 2] + "/" + pkg[pkg.length - 1] + "/";
      for (Descriptor d : file.getMessageTypes()) {
        map.putIfAbsent(prefix + d.getName(), d);
      }
    }
    return map;
  }

  private static List<FileDescriptor> files() {
    return List.of(
        io.kubernetes.client.proto.V1.getDescriptor(),
        io.kubernetes.client.proto.V1Apps.getDescriptor(),
        io.kubernetes.client.proto.V1Batch.getDescriptor(),
        io.kubernetes.client.proto.V1Autoscaling.getDescriptor(),
        io.kubernetes.client.proto.V2Autoscaling.getDescriptor(),
        io.kubernetes.client.proto.V1Networking.getDescriptor(),
        io.kubernetes.client.proto.V1Policy.getDescriptor(),
        io.kubernetes.client.proto.V1Rbac.getDescriptor(),
        io.kubernetes.client.proto.V1Coordination.getDescriptor(),
        io.kubernetes.client.proto.V1Discovery.getDescriptor(),
        io.kubernetes.client.proto.V1Events.getDescriptor(),
        io.kubernetes.client.proto.V1Storage.getDescriptor(),
        io.kubernetes.client.proto.V1Scheduling.getDescriptor(),
        io.kubernetes.client.proto.V1Node.getDescriptor(),
        io.kubernetes.client.proto.V1Certificates.getDescriptor(),
        io.kubernetes.client.proto.V1Admissionregistration.getDescriptor(),
        io.kubernetes.client.proto.V1Apiextensions.getDescriptor(),
        io.kubernetes.client.proto.V1Authentication.getDescriptor(),
        io.kubernetes.client.proto.V1Authorization.getDescriptor(),
        io.kubernetes.client.proto.V1Flowcontrol.getDescriptor(),
        io.kubernetes.client.proto.Meta.getDescriptor());
  }
}
