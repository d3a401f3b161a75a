package dev.kumo.serve.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON in and out of the API, with jackson-core (no data binding). */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();
  /** Largest request body the API parses. */
  static final int MAX_BODY = 64 * 1024;

  private Json() {}

  @FunctionalInterface
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** A JSON object whose fields {@code body} writes. */
  static String object(Body body) {
    return write(g -> {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    });
  }

  static String write(Body body) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  static void field(JsonGenerator g, String name, @Nullable String value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, value);
    }
  }

  static void field(JsonGenerator g, String name, @Nullable Instant value) throws IOException {
    field(g, name, value == null ? null : value.toString());
  }

  static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** The string fields of a flat JSON object body; anything else is a 400. */
  static Map<String, String> flatObject(String body) {
    if (body.length() > MAX_BODY) {
      throw new WebError(413, "body larger than " + MAX_BODY + " bytes");
    }
    Map<String, String> out = new HashMap<>();
    try (JsonParser p = FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new WebError(400, "the body must be a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (p.nextToken() != JsonToken.VALUE_STRING) {
          throw new WebError(400, "'" + name + "' must be a string");
        }
        out.put(name, p.getText());
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new WebError(400, "the body must be one flat JSON object");
      }
    } catch (IOException e) {
      throw new WebError(400, "malformed JSON");
    }
    return out;
  }
}
