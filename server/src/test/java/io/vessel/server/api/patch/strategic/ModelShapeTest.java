package io.vessel.server.api.patch.strategic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.vessel.server.api.patch.strategic.ModelShape.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelShapeTest {

  static Stream<Arguments> fields() {
    return Stream.of(
        arguments(
            named("containers: list of Container", PodSpec.class),
            "containers",
            Kind.LIST,
            Container.class),
        arguments(
            named("labels: map of strings", ObjectMeta.class), "labels", Kind.MAP, String.class),
        arguments(
            named("finalizers: list of strings", ObjectMeta.class),
            "finalizers",
            Kind.LIST,
            String.class),
        arguments(
            named("targetPort: IntOrString is opaque", ServicePort.class),
            "targetPort",
            Kind.OPAQUE,
            null),
        arguments(named("port: scalar", ServicePort.class), "port", Kind.SCALAR, null),
        arguments(
            named("securityContext: struct", PodSpec.class), "securityContext", Kind.STRUCT, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  @DisplayName("fields, fabric8 field, reads its JSON shape and element type")
  void readsShapes(Class<?> owner, String field, Kind kind, Class<?> elementType) {
    var shape = ModelShape.fields(owner).get(field);

    assertThat(shape.kind()).isEqualTo(kind);
    if (elementType != null) {
      assertThat(shape.element().type()).isEqualTo(elementType);
    }
  }

  @Test
  @DisplayName("fields, any model class, leaves out additionalProperties")
  void skipsAdditionalProperties() {
    assertThat(ModelShape.fields(PodSpec.class)).doesNotContainKey("additionalProperties");
  }

  @Test
  @DisplayName("fields, self-referencing class, terminates and resolves lazily")
  void handlesRecursiveClasses() {
    var properties = ModelShape.fields(JSONSchemaProps.class).get("properties");

    assertThat(properties.kind()).isEqualTo(Kind.MAP);
    assertThat(properties.element().type()).isEqualTo(JSONSchemaProps.class);
  }
}
