package dev.kumo.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Parses JSON text into the compact tree, enforcing a nesting depth limit before it recurses.
 *
 * <p>Instances are immutable and thread-safe; each call uses its own parser.
 */
public final class JsonTreeReader {
  private final JsonFactory factory;
  private final int maxDepth;

  /**
   * @param maxDepth deepest allowed nesting of objects and arrays (the record itself is depth 1)
   * @param maxStringLength longest allowed string value, in characters
   */
  public JsonTreeReader(int maxDepth, int maxStringLength) {
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be at least 1, got " + maxDepth);
    }
    this.maxDepth = maxDepth;
    this.factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(maxDepth)
            .maxStringLength(Math.max(maxStringLength, 1))
            .maxNumberLength(1000)
            .build())
        .build();
  }

  /** A reader with generous limits, for tests and trusted fixtures. */
  public static JsonTreeReader lenient() {
    return new JsonTreeReader(1000, 64 * 1024 * 1024);
  }

  /**
   * Parses one JSON value occupying {@code buf[off, off+len)}.
   *
   * @throws JsonFormatException if the text is not exactly one well-formed JSON value within limits
   */
  public Object read(byte[] buf, int off, int len) {
    try (JsonParser p = factory.createParser(buf, off, len)) {
      return readDocument(p);
    } catch (IOException e) {
      throw JsonFormatException.from(e, maxDepth);
    }
  }

  /** Parses one JSON value from text. */
  public Object read(String text) {
    try (JsonParser p = factory.createParser(text)) {
      return readDocument(p);
    } catch (IOException e) {
      throw JsonFormatException.from(e, maxDepth);
    }
  }

  private Object readDocument(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new JsonFormatException("no JSON value (empty input)");
    }
    Object v = readValue(p, t);
    if (p.nextToken() != null) {
      throw new JsonFormatException("unexpected data after the JSON value at column "
          + p.currentTokenLocation().getColumnNr());
    }
    return v;
  }

  /** Reads the value whose first token is {@code t}; the parser must be positioned on it. */
  public static Object readValue(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT:
        return readObject(p);
      case START_ARRAY:
        return readArray(p);
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return switch (p.getNumberType()) {
          case INT, LONG -> p.getLongValue();
          default -> p.getBigIntegerValue();
        };
      case VALUE_NUMBER_FLOAT:
        return decimal(p);
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return JsonNull.INSTANCE;
      default:
        throw new JsonFormatException("unexpected token " + t);
    }
  }

  private static BigDecimal decimal(JsonParser p) throws IOException {
    return p.getDecimalValue();
  }

  private static JsonObject readObject(JsonParser p) throws IOException {
    String[] keys = new String[8];
    Object[] values = new Object[8];
    int n = 0;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      Object value = readValue(p, p.nextToken());
      if (n == keys.length) {
        keys = Arrays.copyOf(keys, n * 2);
        values = Arrays.copyOf(values, n * 2);
      }
      keys[n] = key;
      values[n] = value;
      n++;
    }
    if (t != JsonToken.END_OBJECT) {
      throw new JsonFormatException("unexpected token " + t + " in object");
    }
    return n == 0 ? JsonObject.EMPTY : new JsonObject(keys, values, n);
  }

  private static JsonArray readArray(JsonParser p) throws IOException {
    Object[] items = new Object[8];
    int n = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new JsonFormatException("unterminated array");
      }
      if (n == items.length) {
        items = Arrays.copyOf(items, n * 2);
      }
      items[n++] = readValue(p, t);
    }
    return n == 0 ? JsonArray.EMPTY : new JsonArray(items, n);
  }

  /** Thrown when text is not well-formed JSON or breaks a limit; the message is one line for users. */
  public static final class JsonFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonFormatException(String message) {
      super(message, null, false, false);
    }

    static JsonFormatException from(IOException e, int maxDepth) {
      if (e instanceof StreamConstraintsException sce) {
        String m = String.valueOf(sce.getOriginalMessage());
        if (m.contains("nesting depth")) {
          return new JsonFormatException("nesting deeper than the limit of " + maxDepth
              + " (setting max-nesting-depth)");
        }
        return new JsonFormatException(firstLine(m));
      }
      if (e instanceof JsonProcessingException jpe) {
        String m = String.valueOf(jpe.getOriginalMessage());
        if (m.contains("Invalid UTF-8")) {
          return new JsonFormatException("invalid UTF-8: " + firstLine(m));
        }
        return new JsonFormatException("malformed JSON: " + firstLine(m));
      }
      return new JsonFormatException(firstLine(String.valueOf(e.getMessage())));
    }

    private static String firstLine(String m) {
      int nl = m.indexOf('\n');
      String s = nl < 0 ? m : m.substring(0, nl);
      return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
  }
}
