package dev.kumo.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Small helpers for writing JSON with a Jackson {@link JsonGenerator}. Stateless. */
public final class JsonFields {
  /** Never reconfigured after construction, so it may be shared. */
  private static final JsonFactory SAFE = new JsonFactoryBuilder().characterEscapes(new SafeEscapes()).build();

  private JsonFields() {}

  /**
   * A generator that escapes, beyond JSON's required escapes: U+2028 and U+2029 (line breaks to
   * JavaScript); C1 controls, bidirectional controls and U+FEFF (invisible, and able to reorder what a
   * terminal or editor shows); and every surrogate (a lone one cannot be encoded as UTF-8; a pair
   * escaped as two backslash-u escapes reads back the same). So text from logs always gives valid JSON
   * in valid UTF-8 that shows as it is.
   * Closing the generator leaves {@code out} open.
   */
  public static JsonGenerator safeGenerator(Writer out) throws IOException {
    JsonGenerator g = SAFE.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return g;
  }

  /** Writes a string field; absent and empty values are left out. */
  public static void field(JsonGenerator g, String name, @Nullable String value) throws IOException {
    if (value != null && !value.isEmpty()) {
      g.writeStringField(name, value);
    }
  }

  /** Writes an array of strings, in the collection's order (empty arrays included). */
  public static void stringArray(JsonGenerator g, String name, Collection<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** Writes an array of strings, in the collection's order; an empty collection writes nothing. */
  public static void stringArrayIfAny(JsonGenerator g, String name, Collection<String> values) throws IOException {
    if (!values.isEmpty()) {
      stringArray(g, name, values);
    }
  }

  private static final class SafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public @Nullable SerializableString getEscapeSequence(int ch) {
      if (escaped(ch)) {
        return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
      }
      return null;
    }

    private static boolean escaped(int ch) {
      return (ch >= 0x80 && ch <= 0x9f) // C1 controls
          || ch == 0x200e || ch == 0x200f || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069) // bidi
          || ch == 0x2028 || ch == 0x2029 || ch == 0xfeff
          || (ch >= Character.MIN_SURROGATE && ch <= Character.MAX_SURROGATE);
    }
  }
}
