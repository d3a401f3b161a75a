package dev.kumo.sigma.value;

/**
 * Case folding that agrees exactly with {@link String#equalsIgnoreCase}: two characters are equal
 * ignoring case when {@code fold(a) == fold(b)}. ASCII takes a table lookup.
 */
public final class CaseFold {
  private static final char[] ASCII = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII[c] = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
    }
  }

  private CaseFold() {}

  public static char fold(char c) {
    return c < 128 ? ASCII[c] : Character.toLowerCase(Character.toUpperCase(c));
  }

  /** Folds every character of {@code s}; returns {@code s} itself when nothing changes. */
  public static String fold(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && fold(s.charAt(i)) == s.charAt(i)) {
      i++;
    }
    if (i == n) {
      return s;
    }
    char[] out = s.toCharArray();
    for (; i < n; i++) {
      out[i] = fold(out[i]);
    }
    return new String(out);
  }
}
