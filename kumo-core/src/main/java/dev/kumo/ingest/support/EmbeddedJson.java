package dev.kumo.ingest.support;

import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.util.Base64;

/**
 * JSON records carried inside another record as a string (CloudWatch Logs {@code message}) or as
 * base64 (Pub/Sub {@code message.data}). Parsing keeps the reader's limits: 100 levels of nesting
 * and 16 MiB strings. Thread-safe.
 */
public final class EmbeddedJson {
  private static final JsonTreeReader READER = new JsonTreeReader(100, 16 * 1024 * 1024);

  private EmbeddedJson() {}

  /**
   * Parses {@code text} as one JSON object.
   *
   * @param what names the carrying field in problem messages, e.g. {@code CloudWatch message}
   * @throws InvalidRecordException (MALFORMED_JSON) when it is not one well-formed JSON object
   */
  public static JsonObject parse(String text, String what) {
    Object v;
    try {
      v = READER.read(text);
    } catch (JsonTreeReader.JsonFormatException e) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_JSON,
          what + " is not well-formed JSON (" + Values.forMessage(e.getMessage()) + "); skipped");
    }
    if (!(v instanceof JsonObject o)) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_JSON, what + " is not a JSON object; skipped");
    }
    return o;
  }

  /**
   * Decodes base64 (standard or URL-safe alphabet) and parses the bytes as one JSON object.
   *
   * @throws InvalidRecordException (MALFORMED_RECORD or MALFORMED_JSON) when that fails
   */
  public static JsonObject parseBase64(String data, String what) {
    byte[] bytes;
    try {
      bytes = (data.indexOf('-') >= 0 || data.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getMimeDecoder())
          .decode(data);
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, what + " is not valid base64; skipped");
    }
    Object v;
    try {
      v = READER.read(bytes, 0, bytes.length);
    } catch (JsonTreeReader.JsonFormatException e) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_JSON,
          what + " does not decode to well-formed JSON (" + Values.forMessage(e.getMessage()) + "); skipped");
    }
    if (!(v instanceof JsonObject o)) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_JSON, what + " does not decode to a JSON object; skipped");
    }
    return o;
  }

  /** Whether {@code text} starts, after blanks, with {@code '{'} (cheap test before parsing). */
  public static boolean looksLikeObject(String text) {
    for (int i = 0, n = Math.min(text.length(), 64); i < n; i++) {
      char c = text.charAt(i);
      if (c == '{') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return false;
      }
    }
    return false;
  }
}
