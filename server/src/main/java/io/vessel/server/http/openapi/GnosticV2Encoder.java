package io.vessel.server.http.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Encodes a Swagger 2.0 document of {@link SwaggerV2Document}'s shape as a gnostic {@code
 * openapi.v2.Document} protobuf message, the form client-go asks {@code /openapi/v2} for ({@code
 * application/com.github.proto-openapi.spec.v2@v1.0+protobuf}) and the only one it can parse.
 *
 * <p>Field numbers are those of gnostic's {@code openapiv2/OpenAPIv2.proto}. Vendor extensions
 * travel as {@code NamedAny} whose {@code Any.yaml} holds the value's text; JSON is YAML, so the
 * value's JSON is written there, which is what kube-openapi unmarshals the extensions from.
 */
final class GnosticV2Encoder {
  // openapi.v2.Document
  private static final int DOCUMENT_SWAGGER = 1;
  private static final int DOCUMENT_INFO = 2;
  private static final int DOCUMENT_PATHS = 8;
  private static final int DOCUMENT_DEFINITIONS = 9;
  // openapi.v2.Info
  private static final int INFO_TITLE = 1;
  private static final int INFO_VERSION = 2;
  // openapi.v2.Definitions, openapi.v2.Properties: repeated NamedSchema additional_properties
  private static final int NAMED_SCHEMAS = 1;
  // openapi.v2.NamedSchema, openapi.v2.NamedAny
  private static final int NAMED_NAME = 1;
  private static final int NAMED_VALUE = 2;
  // openapi.v2.Any
  private static final int ANY_YAML = 2;
  // openapi.v2.Schema
  private static final int SCHEMA_REF = 1;
  private static final int SCHEMA_FORMAT = 2;
  private static final int SCHEMA_DESCRIPTION = 4;
  private static final int SCHEMA_REQUIRED = 19;
  private static final int SCHEMA_ADDITIONAL_PROPERTIES = 21;
  private static final int SCHEMA_TYPE = 22;
  private static final int SCHEMA_ITEMS = 23;
  private static final int SCHEMA_PROPERTIES = 25;
  private static final int SCHEMA_VENDOR_EXTENSION = 31;
  // openapi.v2.AdditionalPropertiesItem (oneof schema = 1), openapi.v2.ItemsItem (repeated
  // schema = 1), openapi.v2.TypeItem (repeated value = 1)
  private static final int ITEM_FIRST = 1;

  private GnosticV2Encoder() {}

  static byte[] encode(JsonNode doc) {
    return message(
            out -> {
              out.writeString(DOCUMENT_SWAGGER, doc.path("swagger").asText());
              JsonNode info = doc.path("info");
              out.writeBytes(
                  DOCUMENT_INFO,
                  message(
                      i -> {
                        i.writeString(INFO_TITLE, info.path("title").asText());
                        i.writeString(INFO_VERSION, info.path("version").asText());
                      }));
              out.writeBytes(DOCUMENT_PATHS, ByteString.EMPTY);
              out.writeBytes(DOCUMENT_DEFINITIONS, namedSchemas(doc.path("definitions")));
            })
        .toByteArray();
  }

  private static ByteString namedSchemas(JsonNode byName) {
    return message(
        out -> {
          for (Map.Entry<String, JsonNode> e : byName.properties()) {
            out.writeBytes(
                NAMED_SCHEMAS,
                message(
                    n -> {
                      n.writeString(NAMED_NAME, e.getKey());
                      n.writeBytes(NAMED_VALUE, schema(e.getValue()));
                    }));
          }
        });
  }

  private static ByteString schema(JsonNode s) {
    return message(
        out -> {
          if (s.has("$ref")) {
            out.writeString(SCHEMA_REF, s.get("$ref").asText());
          }
          if (s.has("format")) {
            out.writeString(SCHEMA_FORMAT, s.get("format").asText());
          }
          if (s.has("description")) {
            out.writeString(SCHEMA_DESCRIPTION, s.get("description").asText());
          }
          for (JsonNode r : s.path("required")) {
            out.writeString(SCHEMA_REQUIRED, r.asText());
          }
          if (s.has("additionalProperties") && s.get("additionalProperties").isObject()) {
            ByteString inner = schema(s.get("additionalProperties"));
            out.writeBytes(
                SCHEMA_ADDITIONAL_PROPERTIES, message(a -> a.writeBytes(ITEM_FIRST, inner)));
          }
          if (s.has("type")) {
            String type = s.get("type").asText();
            out.writeBytes(SCHEMA_TYPE, message(t -> t.writeString(ITEM_FIRST, type)));
          }
          if (s.has("items")) {
            ByteString inner = schema(s.get("items"));
            out.writeBytes(SCHEMA_ITEMS, message(i -> i.writeBytes(ITEM_FIRST, inner)));
          }
          if (s.has("properties")) {
            out.writeBytes(SCHEMA_PROPERTIES, namedSchemas(s.get("properties")));
          }
          for (Map.Entry<String, JsonNode> e : s.properties()) {
            if (e.getKey().startsWith("x-")) {
              out.writeBytes(SCHEMA_VENDOR_EXTENSION, vendorExtension(e.getKey(), e.getValue()));
            }
          }
        });
  }

  private static ByteString vendorExtension(String name, JsonNode value) {
    ByteString any = message(a -> a.writeString(ANY_YAML, value.toString()));
    return message(
        n -> {
          n.writeString(NAMED_NAME, name);
          n.writeBytes(NAMED_VALUE, any);
        });
  }

  /** Writes the fields of one message. */
  private interface Fields {
    void write(CodedOutputStream out) throws IOException;
  }

  private static ByteString message(Fields fields) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      fields.write(out);
      out.flush();
      return ByteString.copyFrom(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
