package dev.kumo.tuning;

import java.io.Serializable;

/**
 * A text pattern where {@code *} matches any run of characters (including none) and {@code ?} one
 * character; everything else matches itself, case-sensitively. Matching is linear in practice (no
 * backtracking blow-up: greedy star with a single back-off point).
 */
public record Glob(String pattern) implements Serializable {

  public boolean matches(String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
