package dev.kumo.sigma.value;

import org.jspecify.annotations.Nullable;

/**
 * Finds a literal that every match of a regular expression must contain, so most non-matching values
 * are rejected by a plain substring search before the regex engine runs (as grep tools do).
 *
 * <p>Conservative by design: it only looks at the top level of the pattern (never inside groups or
 * classes), gives up on top-level alternation, and drops any character a quantifier makes optional.
 * When in doubt it returns null, which only costs speed.
 */
public final class RegexLiterals {
  /** Shorter literals reject too little to be worth the extra check. */
  static final int MIN_LENGTH = 3;

  private RegexLiterals() {}

  /** The longest literal every match contains, or null. */
  public static @Nullable String requiredLiteral(String regex) {
    String best = "";
    StringBuilder run = new StringBuilder();
    boolean lastWasQuantifier = false;
    int i = 0;
    int n = regex.length();
    while (i < n) {
      char c = regex.charAt(i);
      switch (c) {
        case '|' -> {
          return null; // alternation at the top level: no single required literal
        }
        case '\\' -> {
          if (i + 1 >= n) {
            return null;
          }
          char e = regex.charAt(i + 1);
          i += 2;
          lastWasQuantifier = false;
          if (!Character.isLetterOrDigit(e) && e != '_') {
            run.append(e); // an escaped punctuation character is itself
          } else {
            best = longer(best, run); // a class (\d, \w, \s), an assertion (\b) or a code point
          }
          continue;
        }
        case '(' -> {
          best = longer(best, run);
          i = skipGroup(regex, i);
          if (i < 0) {
            return null;
          }
          lastWasQuantifier = false;
          continue;
        }
        case '[' -> {
          best = longer(best, run);
          i = skipClass(regex, i);
          if (i < 0) {
            return null;
          }
          lastWasQuantifier = false;
          continue;
        }
        case '.', '^', '$' -> {
          best = longer(best, run);
          lastWasQuantifier = false;
        }
        case '*', '?' -> {
          if (!lastWasQuantifier) {
            dropLast(run); // the previous atom may be absent
            best = longer(best, run);
            lastWasQuantifier = true;
          } else {
            lastWasQuantifier = false; // a lazy or possessive suffix, e.g. .*?
          }
        }
        case '+' -> {
          if (!lastWasQuantifier) {
            best = longer(best, run); // the previous atom is there at least once, maybe repeated
            lastWasQuantifier = true;
          } else {
            lastWasQuantifier = false;
          }
        }
        case '{' -> {
          int close = regex.indexOf('}', i);
          String body = close < 0 ? "" : regex.substring(i + 1, close);
          if (!body.matches("\\d+(,\\d*)?")) {
            return null; // not a repetition: RE2 would read it literally; stay safe
          }
          if (body.startsWith("0")) {
            dropLast(run);
          }
          best = longer(best, run);
          lastWasQuantifier = true;
          i = close + 1;
          continue;
        }
        default -> {
          run.append(c);
          lastWasQuantifier = false;
        }
      }
      i++;
    }
    best = longer(best, run);
    return best.length() >= MIN_LENGTH ? best : null;
  }

  private static void dropLast(StringBuilder run) {
    if (run.length() > 0) {
      run.setLength(run.length() - 1);
    }
  }

  private static String longer(String best, StringBuilder run) {
    String r = run.toString();
    run.setLength(0);
    return r.length() > best.length() ? r : best;
  }

  /** Index after the group starting at {@code i}, or -1 when unbalanced. */
  private static int skipGroup(String re, int i) {
    int depth = 0;
    for (int k = i; k < re.length(); k++) {
      char c = re.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '[') {
        k = skipClass(re, k) - 1;
        if (k < 0) {
          return -1;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return k + 1;
      }
    }
    return -1;
  }

  /** Index after the character class starting at {@code i}, or -1 when unterminated. */
  private static int skipClass(String re, int i) {
    int k = i + 1;
    if (k < re.length() && re.charAt(k) == '^') {
      k++;
    }
    if (k < re.length() && re.charAt(k) == ']') {
      k++;
    }
    for (; k < re.length(); k++) {
      char c = re.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '[' && k + 1 < re.length() && re.charAt(k + 1) == ':') {
        int end = re.indexOf(":]", k + 2);
        if (end < 0) {
          return -1;
        }
        k = end + 1;
      } else if (c == ']') {
        return k + 1;
      }
    }
    return -1;
  }
}
