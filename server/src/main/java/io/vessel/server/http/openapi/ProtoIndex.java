package io.vessel.server.http.openapi;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.kubernetes.client.proto.IntStr;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Admissionregistration;
import io.kubernetes.client.proto.V1Apiextensions;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Certificates;
import io.kubernetes.client.proto.V1Coordination;
import io.kubernetes.client.proto.V1Discovery;
import io.kubernetes.client.proto.V1Events;
import io.kubernetes.client.proto.V1Flowcontrol;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Node;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V1Resource;
import io.kubernetes.client.proto.V1Scheduling;
import io.kubernetes.client.proto.V1Storage;
import io.kubernetes.client.proto.V2Autoscaling;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compiled k8s.io protobuf descriptors, by message name. They are the one machine-readable copy
 * of the Go types on the classpath: each message sits in its Go package ({@code
 * k8s.io.api.core.v1}) and each field names its Go type, which is how a fabric8 {@code String}
 * turns out to be a {@code meta/v1.Time} and which Java package a shared fabric8 class belongs to.
 */
final class ProtoIndex {
  private static final Map<String, Descriptor> MESSAGES = index();

  private ProtoIndex() {}

  /** The message with this full name, e.g. {@code k8s.io.api.core.v1.Pod}. */
  static Optional<Descriptor> message(String fullName) {
    return Optional.ofNullable(MESSAGES.get(fullName));
  }

  /** The field of a message by its JSON name (proto field names are the JSON names). */
  static Optional<FieldDescriptor> field(String messageFullName, String jsonName) {
    return message(messageFullName).map(m -> m.findFieldByName(jsonName));
  }

  private static Map<String, Descriptor> index() {
    Map<String, Descriptor> map = new HashMap<>();
    for (FileDescriptor file : files()) {
      for (Descriptor d : file.getMessageTypes()) {
        map.put(d.getFullName(), d);
      }
    }
    return map;
  }

  private static List<FileDescriptor> files() {
    return List.of(
        Meta.getDescriptor(),
        Runtime.getDescriptor(),
        Resource.getDescriptor(),
        IntStr.getDescriptor(),
        V1.getDescriptor(),
        V1Admissionregistration.getDescriptor(),
        V1Apiextensions.getDescriptor(),
        V1Apps.getDescriptor(),
        V1Authentication.getDescriptor(),
        V1Authorization.getDescriptor(),
        V1Autoscaling.getDescriptor(),
        V2Autoscaling.getDescriptor(),
        V1Batch.getDescriptor(),
        V1Certificates.getDescriptor(),
        V1Coordination.getDescriptor(),
        V1Discovery.getDescriptor(),
        V1Events.getDescriptor(),
        V1Flowcontrol.getDescriptor(),
        V1Networking.getDescriptor(),
        V1Node.getDescriptor(),
        V1Policy.getDescriptor(),
        V1Rbac.getDescriptor(),
        V1Resource.getDescriptor(),
        V1Scheduling.getDescriptor(),
        V1Storage.getDescriptor());
  }
}
