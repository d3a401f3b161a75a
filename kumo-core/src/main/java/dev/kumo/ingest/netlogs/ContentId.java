package dev.kumo.ingest.netlogs;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonText;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Event ids for records that carry none of their own: {@code sha256:} and the first 16 bytes (hex)
 * of the SHA-256 of the record's compact JSON in UTF-8 (exactly {@link JsonObject#toJson()}), as
 * CloudTrail does for records without {@code eventID}. The same record always gets the same id. The
 * JSON bytes are written straight into a per-thread buffer that is reused, and not cached on the
 * record: this runs once per event of every text log.
 */
public final class ContentId {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int KEEP = 64 * 1024;
  private static final ThreadLocal<Writer> WRITERS = ThreadLocal.withInitial(Writer::new);

  private ContentId() {}

  public static String of(JsonObject record) {
    Writer w = WRITERS.get();
    w.n = 0;
    w.value(record);
    w.sha256.reset();
    w.sha256.update(w.buf, 0, w.n);
    byte[] h = w.sha256.digest();
    if (w.buf.length > KEEP) {
      w.buf = new byte[4096]; // do not keep a huge record's buffer alive
    }
    return "sha256:" + HEX.formatHex(h, 0, 16);
  }

  /** Writes compact JSON as {@link JsonText} does, as UTF-8 bytes. */
  private static final class Writer {
    final MessageDigest sha256;
    byte[] buf = new byte[4096];
    int n;

    Writer() {
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is always available", e);
      }
    }

    private void room(int more) {
      if (n + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
      }
    }

    private void put(char ascii) {
      room(1);
      buf[n++] = (byte) ascii;
    }

    void value(Object v) {
      if (v instanceof String s) {
        string(s);
      } else if (v instanceof JsonObject o) {
        put('{');
        for (int i = 0; i < o.size(); i++) {
          if (i > 0) {
            put(',');
          }
          string(o.keyAt(i));
          put(':');
          value(o.valueAt(i));
        }
        put('}');
      } else if (v instanceof JsonArray a) {
        put('[');
        for (int i = 0; i < a.size(); i++) {
          if (i > 0) {
            put(',');
          }
          value(a.get(i));
        }
        put(']');
      } else {
        string(JsonText.scalarText(v), false);
      }
    }

    private void string(String s) {
      string(s, true);
    }

    private void string(String s, boolean quoted) {
      int len = s.length();
      room(len * 6 + 2);
      byte[] out = buf;
      int k = n;
      if (quoted) {
        out[k++] = '"';
      }
      for (int i = 0; i < len; i++) {
        char c = s.charAt(i);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
          out[k++] = (byte) c;
        } else if (c < 0x80) {
          out[k++] = '\\';
          switch (c) {
            case '"' -> out[k++] = '"';
            case '\\' -> out[k++] = '\\';
            case '\n' -> out[k++] = 'n';
            case '\r' -> out[k++] = 'r';
            case '\t' -> out[k++] = 't';
            case '\b' -> out[k++] = 'b';
            case '\f' -> out[k++] = 'f';
            default -> k = unicodeEscape(out, k, c);
          }
        } else if (c == 0x2028 || c == 0x2029) {
          out[k++] = '\\';
          k = unicodeEscape(out, k, c);
        } else if (c < 0x800) {
          out[k++] = (byte) (0xC0 | c >> 6);
          out[k++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          out[k++] = (byte) (0xF0 | cp >> 18);
          out[k++] = (byte) (0x80 | cp >> 12 & 0x3F);
          out[k++] = (byte) (0x80 | cp >> 6 & 0x3F);
          out[k++] = (byte) (0x80 | cp & 0x3F);
        } else if (Character.isSurrogate(c)) {
          out[k++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) writes it
        } else {
          out[k++] = (byte) (0xE0 | c >> 12);
          out[k++] = (byte) (0x80 | c >> 6 & 0x3F);
          out[k++] = (byte) (0x80 | c & 0x3F);
        }
      }
      if (quoted) {
        out[k++] = '"';
      }
      n = k;
    }

    /** {@code uXXXX} after the backslash already written. */
    private static int unicodeEscape(byte[] out, int k, char c) {
      out[k++] = 'u';
      out[k++] = HEX_DIGITS[c >> 12 & 0xF];
      out[k++] = HEX_DIGITS[c >> 8 & 0xF];
      out[k++] = HEX_DIGITS[c >> 4 & 0xF];
      out[k++] = HEX_DIGITS[c & 0xF];
      return k;
    }
  }
}
