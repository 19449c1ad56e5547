package io.vessel.server.api.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.proto.IntStr;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.vessel.server.api.ApiException;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KubeProtobufTest {

  private static byte[] envelope(String apiVersion, String kind, com.google.protobuf.Message obj)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {0x6b, 0x38, 0x73, 0x00});
    Runtime.Unknown.newBuilder()
        .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
        .setRaw(obj.toByteString())
        .setContentType("")
        .build()
        .writeTo(out);
    return out.toByteArray();
  }

  @Test
  @DisplayName("decode, namespace as kubectl 1.33 sends it, gives the JSON form")
  void namespace() throws Exception {
    V1.Namespace ns =
        V1.Namespace.newBuilder()
            .setMetadata(
                Meta.ObjectMeta.newBuilder()
                    .setName("demo")
                    .setGenerateName("")
                    .setCreationTimestamp(Meta.Time.newBuilder().build())
                    .putLabels("team", "a"))
            .setSpec(V1.NamespaceSpec.newBuilder())
            .setStatus(V1.NamespaceStatus.newBuilder())
            .build();

    ObjectNode json = KubeProtobuf.toJson(envelope("v1", "Namespace", ns));

    assertThat(json.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(json.path("kind").asText()).isEqualTo("Namespace");
    assertThat(json.path("metadata").path("name").asText()).isEqualTo("demo");
    assertThat(json.path("metadata").path("labels").path("team").asText()).isEqualTo("a");
    assertThat(json.path("metadata").has("generateName")).as("empty strings are omitted").isFalse();
    assertThat(json.path("metadata").has("creationTimestamp")).as("zero time is null").isFalse();
  }

  @Test
  @DisplayName("decode, special apimachinery types, get their JSON shapes")
  void specialTypes() throws Exception {
    V1.Service svc =
        V1.Service.newBuilder()
            .setMetadata(
                Meta.ObjectMeta.newBuilder()
                    .setName("web")
                    .setCreationTimestamp(Meta.Time.newBuilder().setSeconds(1_700_000_000L)))
            .setSpec(
                V1.ServiceSpec.newBuilder()
                    .addPorts(
                        V1.ServicePort.newBuilder()
                            .setPort(80)
                            .setTargetPort(IntStr.IntOrString.newBuilder().setType(1).setStrVal("http")))
                    .addPorts(
                        V1.ServicePort.newBuilder()
                            .setPort(443)
                            .setTargetPort(IntStr.IntOrString.newBuilder().setType(0).setIntVal(8443))))
            .build();
    V1.ResourceRequirements req =
        V1.ResourceRequirements.newBuilder()
            .putLimits("memory", Resource.Quantity.newBuilder().setString("128Mi").build())
            .build();

    ObjectNode s = KubeProtobuf.toJson(envelope("v1", "Service", svc));
    ObjectNode r = KubeProtobuf.toJson(envelope("v1", "ResourceRequirements", req));

    assertThat(s.path("metadata").path("creationTimestamp").asText()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(s.path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo("http");
    assertThat(s.path("spec").path("ports").get(1).path("targetPort").isInt()).isTrue();
    assertThat(s.path("spec").path("ports").get(1).path("targetPort").asInt()).isEqualTo(8443);
    assertThat(r.path("limits").path("memory").asText()).isEqualTo("128Mi");
  }

  @Test
  @DisplayName("decode, no k8s magic prefix, fails 400")
  void notProtobuf() {
    assertThatThrownBy(() -> KubeProtobuf.toJson("{\"kind\":\"Namespace\"}".getBytes()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @Test
  @DisplayName("decode, unknown kind, fails 400")
  void unknownKind() throws Exception {
    byte[] body = envelope("v1", "Gadget", V1.Namespace.getDefaultInstance());
    assertThatThrownBy(() -> KubeProtobuf.toJson(body))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @Test
  @DisplayName("decode, zero values, drops those Go omits and keeps meaningful pointer zeros")
  void zeroValues() throws Exception {
    io.kubernetes.client.proto.V1Apps.Deployment d =
        io.kubernetes.client.proto.V1Apps.Deployment.newBuilder()
            .setMetadata(Meta.ObjectMeta.newBuilder().setName("web").setGeneration(0))
            .setSpec(
                io.kubernetes.client.proto.V1Apps.DeploymentSpec.newBuilder()
                    .setReplicas(0)
                    .setPaused(false)
                    .setMinReadySeconds(0)
                    .setTemplate(
                        V1.PodTemplateSpec.newBuilder()
                            .setSpec(
                                V1.PodSpec.newBuilder()
                                    .setAutomountServiceAccountToken(false)
                                    .setHostNetwork(false)
                                    .addContainers(
                                        V1.Container.newBuilder()
                                            .setName("nginx")
                                            .setImage("nginx")
                                            .setStdin(false)))))
            .build();

    ObjectNode json = KubeProtobuf.toJson(envelope("apps/v1", "Deployment", d));

    var spec = json.path("spec");
    var pod = spec.path("template").path("spec");
    assertThat(spec.path("replicas").isInt()).as("replicas: 0 means zero, not unset").isTrue();
    assertThat(spec.path("replicas").asInt()).isZero();
    assertThat(pod.path("automountServiceAccountToken").isBoolean()).isTrue();
    assertThat(spec.has("paused")).as("paused: false is omitted").isFalse();
    assertThat(spec.has("minReadySeconds")).isFalse();
    assertThat(pod.has("hostNetwork")).isFalse();
    assertThat(pod.path("containers").get(0).has("stdin")).isFalse();
    assertThat(json.path("metadata").has("generation")).isFalse();
  }
}
