package io.vessel.server.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.vessel.server.api.Serialization;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModelSchemasTest {
  private static final String REFS = "#/components/schemas/";

  @Test
  @DisplayName("names, fabric8 classes, are upstream's Go package names")
  void names() {
    ModelSchemas schemas =
        schemasOf(Pod.class, Deployment.class, DeleteOptions.class, CustomResourceDefinition.class);
    assertThat(schemas.schemas().keySet())
        .contains(
            "io.k8s.api.core.v1.Pod",
            "io.k8s.api.core.v1.PodSpec",
            "io.k8s.api.core.v1.Container",
            "io.k8s.api.apps.v1.Deployment",
            "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
            "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector",
            "io.k8s.apimachinery.pkg.apis.meta.v1.Preconditions",
            "io.k8s.apimachinery.pkg.api.resource.Quantity",
            "io.k8s.apimachinery.pkg.util.intstr.IntOrString",
            "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps")
        // core/v1 has a Preconditions too; DeleteOptions refers to meta's
        .doesNotContain("io.k8s.api.core.v1.Preconditions");
  }

  @Test
  @DisplayName("IntOrString, any use, is a named int-or-string union")
  void intOrString() {
    ModelSchemas schemas = schemasOf(Service.class);
    JsonNode s = schemas.schemas().get("io.k8s.apimachinery.pkg.util.intstr.IntOrString");
    assertThat(s.path("format").asText()).isEqualTo("int-or-string");
    assertThat(s.path("x-kubernetes-int-or-string").asBoolean()).isTrue();
    assertThat(s.path("oneOf").findValuesAsText("type")).containsExactly("integer", "string");
    JsonNode targetPort =
        schemas
            .schemas()
            .get("io.k8s.api.core.v1.ServicePort")
            .path("properties")
            .path("targetPort");
    assertThat(targetPort.path("allOf").get(0).path("$ref").asText())
        .isEqualTo(REFS + "io.k8s.apimachinery.pkg.util.intstr.IntOrString");
  }

  @Test
  @DisplayName("Quantity, a resource map, is a string-or-number referred to directly")
  void quantity() {
    ModelSchemas schemas = schemasOf(Pod.class);
    JsonNode s = schemas.schemas().get("io.k8s.apimachinery.pkg.api.resource.Quantity");
    assertThat(s.path("oneOf").findValuesAsText("type")).containsExactly("string", "number");
    JsonNode limits =
        schemas
            .schemas()
            .get("io.k8s.api.core.v1.ResourceRequirements")
            .path("properties")
            .path("limits");
    assertThat(limits.path("type").asText()).isEqualTo("object");
    assertThat(limits.path("additionalProperties").path("$ref").asText())
        .isEqualTo(REFS + "io.k8s.apimachinery.pkg.api.resource.Quantity");
  }

  @Test
  @DisplayName("Time, a fabric8 string the protobuf declares a Time, is a date-time reference")
  void time() {
    ModelSchemas schemas = schemasOf(Pod.class);
    JsonNode time = schemas.schemas().get("io.k8s.apimachinery.pkg.apis.meta.v1.Time");
    assertThat(time.path("type").asText()).isEqualTo("string");
    assertThat(time.path("format").asText()).isEqualTo("date-time");
    JsonNode created =
        schemas
            .schemas()
            .get("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")
            .path("properties")
            .path("creationTimestamp");
    assertThat(created.path("allOf").get(0).path("$ref").asText())
        .isEqualTo(REFS + "io.k8s.apimachinery.pkg.apis.meta.v1.Time");
    JsonNode name =
        schemas
            .schemas()
            .get("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")
            .path("properties")
            .path("name");
    assertThat(name.path("type").asText()).isEqualTo("string");
  }

  @Test
  @DisplayName("MicroTime, a Lease's renewTime, is a date-time reference")
  void microTime() {
    ModelSchemas schemas = schemasOf(Lease.class);
    JsonNode renew =
        schemas
            .schemas()
            .get("io.k8s.api.coordination.v1.LeaseSpec")
            .path("properties")
            .path("renewTime");
    assertThat(renew.path("allOf").get(0).path("$ref").asText())
        .isEqualTo(REFS + "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime");
    assertThat(
            schemas
                .schemas()
                .get("io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime")
                .path("format")
                .asText())
        .isEqualTo("date-time");
  }

  @Test
  @DisplayName("kinds, a top-level kind, carry their GVK as a one-element list")
  void gvkExtension() {
    ModelSchemas schemas = schemasOf(Deployment.class);
    assertThat(
            schemas
                .schemas()
                .get("io.k8s.api.apps.v1.Deployment")
                .path("x-kubernetes-group-version-kind"))
        .containsExactly(new Gvk("apps", "v1", "Deployment").toJson());
    assertThat(
            schemas
                .schemas()
                .get("io.k8s.api.apps.v1.DeploymentSpec")
                .has("x-kubernetes-group-version-kind"))
        .isFalse();
  }

  @Test
  @DisplayName(
      "containers, a merge-by-name list, carry patch and list extensions and wrapped items")
  void patchExtensions() {
    ModelSchemas schemas = schemasOf(Pod.class);
    JsonNode containers =
        schemas.schemas().get("io.k8s.api.core.v1.PodSpec").path("properties").path("containers");
    assertThat(containers.path("type").asText()).isEqualTo("array");
    assertThat(containers.path("x-kubernetes-patch-strategy").asText()).isEqualTo("merge");
    assertThat(containers.path("x-kubernetes-patch-merge-key").asText()).isEqualTo("name");
    assertThat(containers.path("x-kubernetes-list-type").asText()).isEqualTo("map");
    assertThat(containers.path("x-kubernetes-list-map-keys"))
        .extracting(JsonNode::asText)
        .containsExactly("name");
    assertThat(containers.path("items").path("allOf").get(0).path("$ref").asText())
        .isEqualTo(REFS + "io.k8s.api.core.v1.Container");
    assertThat(containers.path("items").path("default").isObject()).isTrue();
    assertThat(schemas.schemas().get("io.k8s.api.core.v1.PodSpec").path("required"))
        .extracting(JsonNode::asText)
        .containsExactly("containers");
  }

  @Test
  @DisplayName("schemas, a recursive type, are defined once and every reference resolves")
  void recursiveAndResolved() {
    ModelSchemas schemas = schemasOf(CustomResourceDefinition.class, Pod.class);
    Set<String> refs = new TreeSet<>();
    for (Map.Entry<String, ?> e : schemas.schemas().entrySet()) {
      GroupVersionDocumentTest.collectRefs((JsonNode) e.getValue(), refs);
    }
    for (String ref : refs) {
      assertThat(schemas.schemas()).containsKey(ref.substring(REFS.length()));
    }
    JsonNode props =
        schemas
            .schemas()
            .get("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps")
            .path("properties");
    assertThat(props.path("properties").path("additionalProperties").path("$ref").asText())
        .isEqualTo(
            REFS + "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps");
  }

  @Test
  @DisplayName("schemas, the same classes, serialize to the same bytes")
  void deterministic() throws Exception {
    byte[] a =
        Serialization.json()
            .writeValueAsBytes(
                GroupVersionDocument.sorted(
                    schemasOf(Pod.class).schemas().get("io.k8s.api.core.v1.PodSpec")));
    byte[] b =
        Serialization.json()
            .writeValueAsBytes(
                GroupVersionDocument.sorted(
                    schemasOf(Pod.class).schemas().get("io.k8s.api.core.v1.PodSpec")));
    assertThat(a).isEqualTo(b);
  }

  private static ModelSchemas schemasOf(Class<?>... types) {
    ModelSchemas schemas = new ModelSchemas();
    for (Class<?> t : types) {
      schemas.ref(t);
    }
    return schemas;
  }
}
