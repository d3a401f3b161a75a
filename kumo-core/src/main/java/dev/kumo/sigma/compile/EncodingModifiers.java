package dev.kumo.sigma.compile;

import dev.kumo.sigma.value.SigmaString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The encoding modifiers: {@code base64}, {@code base64offset}, {@code utf16le}/{@code wide},
 * {@code utf16be}, {@code utf16} and {@code windash}. Each maps one value to one or more values.
 */
final class EncodingModifiers {
  /** Upper bound on the values one rule value may expand to (windash multiplies by 5 per flag). */
  static final int MAX_VARIANTS = 1000;
  private static final char[] DASHES = {'-', '/', '\u2013', '\u2014', '\u2015'};
  private static final int[] OFFSET_START = {0, 2, 3};

  private EncodingModifiers() {}

  static List<TextValue> apply(Modifier m, TextValue v, int line) {
    return switch (m) {
      case BASE64 -> List.of(new TextValue(SigmaString.literal(base64(bytes(v, m, line))), false));
      case BASE64OFFSET -> base64Offset(bytes(v, m, line));
      case UTF16LE -> List.of(utf16(v, m, line, false, false));
      case UTF16BE -> List.of(utf16(v, m, line, true, false));
      case UTF16 -> List.of(utf16(v, m, line, false, true));
      case WINDASH -> windash(v, line);
      default -> throw new IllegalArgumentException("not an encoding modifier: " + m);
    };
  }

  private static byte[] bytes(TextValue v, Modifier m, int line) {
    if (v.string().hasWildcards()) {
      throw new RuleSyntaxException("the " + m.displayName()
          + " modifier cannot encode a value with wildcards: '" + v.string() + "'", line);
    }
    String text = v.string().text();
    return v.binary() ? text.getBytes(StandardCharsets.ISO_8859_1) : text.getBytes(StandardCharsets.UTF_8);
  }

  private static String base64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  /** pySigma's algorithm: the three alignments of the value inside a longer base64 text. */
  private static List<TextValue> base64Offset(byte[] value) {
    List<TextValue> out = new ArrayList<>(3);
    for (int i = 0; i < 3; i++) {
      byte[] padded = new byte[i + value.length];
      for (int k = 0; k < i; k++) {
        padded[k] = ' ';
      }
      System.arraycopy(value, 0, padded, i, value.length);
      String enc = base64(padded);
      int mod = (value.length + i) % 3;
      int end = mod == 0 ? enc.length() : mod == 1 ? enc.length() - 3 : enc.length() - 2;
      int start = OFFSET_START[i];
      if (start < end) {
        out.add(new TextValue(SigmaString.literal(enc.substring(start, end)), false));
      }
    }
    return out;
  }

  private static TextValue utf16(TextValue v, Modifier m, int line, boolean bigEndian, boolean bom) {
    SigmaString.Builder b = new SigmaString.Builder();
    if (bom) {
      b.text("\u00ff\u00fe");
    }
    for (Object part : v.string().parts()) {
      if (part instanceof String s) {
        byte[] enc = s.getBytes(bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
        b.text(new String(enc, StandardCharsets.ISO_8859_1));
      } else {
        b.wildcard((SigmaString.Wildcard) part);
      }
    }
    return new TextValue(b.build(), true);
  }

  /**
   * Expands each {@code -} or {@code /} that starts a flag (pySigma: regex {@code \B[-/]\b}) into
   * the five dash characters, producing every combination.
   */
  private static List<TextValue> windash(TextValue v, int line) {
    List<List<Object>> variants = new ArrayList<>();
    variants.add(new ArrayList<>());
    List<Object> parts = v.string().parts();
    for (int p = 0; p < parts.size(); p++) {
      Object part = parts.get(p);
      if (!(part instanceof String s)) {
        for (List<Object> var : variants) {
          var.add(part);
        }
        continue;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean prevWord = i > 0 && isWord(s.charAt(i - 1));
        boolean nextWord = i + 1 < s.length() && isWord(s.charAt(i + 1));
        if ((c == '-' || c == '/') && !prevWord && nextWord) {
          List<List<Object>> next = new ArrayList<>(variants.size() * DASHES.length);
          for (List<Object> var : variants) {
            for (char d : DASHES) {
              List<Object> copy = new ArrayList<>(var);
              copy.add(String.valueOf(d));
              next.add(copy);
            }
          }
          if (next.size() > MAX_VARIANTS) {
            throw new RuleSyntaxException("windash expands this value into more than " + MAX_VARIANTS
                + " variants", line);
          }
          variants = next;
        } else {
          for (List<Object> var : variants) {
            var.add(String.valueOf(c));
          }
        }
      }
    }
    List<TextValue> out = new ArrayList<>(variants.size());
    for (List<Object> var : variants) {
      SigmaString.Builder b = new SigmaString.Builder();
      for (Object o : var) {
        if (o instanceof String s) {
          b.text(s);
        } else {
          b.wildcard((SigmaString.Wildcard) o);
        }
      }
      out.add(v.with(b.build()));
    }
    return out;
  }

  private static boolean isWord(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
