package io.vessel.conformance.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The parts of a watch event (or of a stored object) the fan-out check needs, read with Jackson's
 * streaming parser: with 1,000 watchers every write arrives 1,000 times, so the client reads only
 * the type and the metadata and stops there. Parsing stops early only after a complete metadata
 * object, so a frame cut short still fails.
 *
 * @param type ADDED, MODIFIED, DELETED, BOOKMARK or ERROR
 * @param name {@code metadata.name}, or null
 * @param resourceVersion {@code metadata.resourceVersion}, or -1
 * @param sentAtMicros the {@link #SENT_AT} annotation, or -1
 * @param message an ERROR event's {@code object.message}, or null
 * @param stoppedEarly whether reading stopped after the metadata
 */
record WatchFrame(
    String type,
    String name,
    long resourceVersion,
    long sentAtMicros,
    String message,
    boolean stoppedEarly) {

  /** The annotation a watched write carries: the client's send time, epoch microseconds. */
  static final String SENT_AT = "bench.vessel.io/sent-at-us";

  /** Parses one newline-delimited frame {@code {"type":...,"object":{...}}}. */
  static WatchFrame parse(byte[] frame) throws IOException {
    try (var parser = BenchResource.JSON.getFactory().createParser(frame)) {
      expect(parser, JsonToken.START_OBJECT);
      String type = null;
      WatchFrame object = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        var field = parser.currentName();
        parser.nextToken();
        if ("type".equals(field)) {
          type = parser.getText();
        } else if ("object".equals(field) && parser.currentToken() == JsonToken.START_OBJECT) {
          // the server writes "type" first; an ERROR's Status needs its message, after metadata
          object = readObject(parser, type != null && !"ERROR".equals(type));
          if (object.stoppedEarly && type != null) {
            break;
          }
        } else {
          parser.skipChildren();
        }
      }
      if (type == null || object == null) {
        throw new IOException("a watch frame without type or object");
      }
      return new WatchFrame(
          type, object.name, object.resourceVersion, object.sentAtMicros, object.message, false);
    }
  }

  /** Reads the metadata of a stored object, e.g. the body of a create answer. */
  static WatchFrame parseObject(byte[] json) throws IOException {
    try (var parser = BenchResource.JSON.getFactory().createParser(json)) {
      expect(parser, JsonToken.START_OBJECT);
      return readObject(parser, true);
    }
  }

  /**
   * With the parser on an object's START_OBJECT: its metadata, and a Status's message.
   *
   * @param metadataOnly stop right after the metadata object (the rest is never tokenized)
   */
  private static WatchFrame readObject(JsonParser parser, boolean metadataOnly) throws IOException {
    String name = null;
    long rv = -1;
    long sentAt = -1;
    String message = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      var field = parser.currentName();
      var token = parser.nextToken();
      if ("metadata".equals(field) && token == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          var metaField = parser.currentName();
          var metaToken = parser.nextToken();
          switch (metaField) {
            case "name" -> name = parser.getText();
            case "resourceVersion" -> rv = Long.parseLong(parser.getText());
            case "annotations" -> sentAt = readSentAt(parser, metaToken);
            default -> parser.skipChildren();
          }
        }
        if (metadataOnly) {
          return new WatchFrame(null, name, rv, sentAt, message, true);
        }
      } else if ("message".equals(field) && token == JsonToken.VALUE_STRING) {
        message = parser.getText();
      } else {
        parser.skipChildren();
      }
    }
    return new WatchFrame(null, name, rv, sentAt, message, false);
  }

  private static long readSentAt(JsonParser parser, JsonToken token) throws IOException {
    long sentAt = -1;
    if (token != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return sentAt;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      var key = parser.currentName();
      parser.nextToken();
      if (SENT_AT.equals(key)) {
        sentAt = Long.parseLong(parser.getText());
      }
    }
    return sentAt;
  }

  private static void expect(JsonParser parser, JsonToken token) throws IOException {
    if (parser.nextToken() != token) {
      throw new IOException("expected " + token + " at the start");
    }
  }
}
