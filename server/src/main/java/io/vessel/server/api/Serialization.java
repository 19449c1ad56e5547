package io.vessel.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one configured Jackson setup for API objects. fabric8 models keep unknown JSON fields in an
 * any-setter map; kube-apiserver drops them (and reports them under fieldValidation), so the
 * any-setters of typed models are removed here and unknown fields are collected as field paths.
 */
public final class Serialization {
  private static final ObjectMapper JSON = configure(new ObjectMapper());
  private static final ObjectMapper YAML =
      configure(
          new ObjectMapper(
              new YAMLFactory()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)));

  private Serialization() {}

  public static ObjectMapper json() {
    return JSON;
  }

  public static ObjectMapper yaml() {
    return YAML;
  }

  /** Result of a typed decode: the object, and the unknown fields it carried (as field paths). */
  public record Decoded<T>(T value, List<String> unknownFields) {}

  /**
   * Decodes a JSON tree into a model class, collecting (and dropping) unknown fields. A value of
   * the wrong JSON type fails with a {@link TypeMismatch} naming the field, as Go's decoder does.
   */
  public static <T> Decoded<T> decode(JsonNode tree, Class<T> type) {
    List<String> unknown = new ArrayList<>();
    try {
      T value = JSON.readerFor(type).withHandler(new UnknownFieldCollector(unknown)).readValue(tree);
      return new Decoded<>(value, unknown);
    } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
      throw TypeMismatch.of(e, type);
    } catch (IOException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    // Go's decoder takes no "80" for a number and no 1 for a string: neither may Vessel.
    mapper.disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);
    for (var shape :
        new com.fasterxml.jackson.databind.cfg.CoercionInputShape[] {
          com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
          com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
          com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean
        }) {
      mapper
          .coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
          .setCoercion(shape, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
    }
    mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    // Lease and Event MicroTimes are ZonedDateTime in the model; they travel as RFC 3339 strings.
    mapper.registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    SimpleModule module = new SimpleModule("vessel-drop-unknown");
    module.setDeserializerModifier(new DropAnySetters());
    mapper.registerModule(module);
    return mapper;
  }

  /** Removes any-setters from typed models so unknown fields reach the problem handler. */
  private static final class DropAnySetters extends BeanDeserializerModifier {
    @Override
    public BeanDeserializerBuilder updateBuilder(
        DeserializationConfig config, BeanDescription desc, BeanDeserializerBuilder builder) {
      Class<?> type = desc.getBeanClass();
      if (type.getName().startsWith("io.fabric8.")
          && !GenericKubernetesResource.class.isAssignableFrom(type)
          && !type.getSimpleName().equals("AnyType")
          // managedFields' field sets are free-form keys ("f:spec", "k:{...}") by design.
          && !type.getSimpleName().equals("FieldsV1")) {
        builder.setAnySetter(null);
      }
      return builder;
    }
  }

  /** Records "spec.containers[0].foo"-style paths of unknown fields, then skips them. */
  private static final class UnknownFieldCollector extends DeserializationProblemHandler {
    private final List<String> sink;

    UnknownFieldCollector(List<String> sink) {
      this.sink = sink;
    }

    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt,
        JsonParser p,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      sink.add(pathOf(p.getParsingContext(), propertyName));
      p.skipChildren();
      return true;
    }

    private static String pathOf(JsonStreamContext ctx, String leaf) {
      List<String> parts = new ArrayList<>();
      parts.add(leaf);
      for (JsonStreamContext c = ctx.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
        if (c.inArray()) {
          parts.add("[" + c.getCurrentIndex() + "]");
        } else if (c.getCurrentName() != null) {
          parts.add(c.getCurrentName());
        }
      }
      StringBuilder sb = new StringBuilder();
      for (int i = parts.size() - 1; i >= 0; i--) {
        String part = parts.get(i);
        if (sb.length() > 0 && !part.startsWith("[")) {
          sb.append('.');
        }
        sb.append(part);
      }
      return sb.toString();
    }
  }
}
