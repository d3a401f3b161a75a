package dev.kumo.sigma.value;

import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonText;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Matches text against a Sigma string with wildcards, case-insensitively unless {@code cased}.
 *
 * <p>Numbers and booleans are compared in their JSON text form, objects by their compact JSON, so
 * {@code 'true'} matches JSON {@code true} and {@code '403'} matches {@code 403}. JSON null never
 * matches. Matching is linear or, for general wildcard patterns, at most O(n*m); no backtracking
 * blow-up is possible.
 */
public final class StringMatcher implements ValueMatcher {
  private static final long serialVersionUID = 1L;
  private static final int MULTI = -1;
  private static final int SINGLE = -2;

  /** How the pattern is evaluated, chosen once at compile time. */
  public enum Shape {
    EXACT,
    PREFIX,
    SUFFIX,
    CONTAINS,
    ANY,
    GLOB
  }

  private final SigmaString source;
  private final boolean cased;
  private final Shape shape;
  private final String needle;
  private final int @Nullable [] glob;

  private StringMatcher(SigmaString source, boolean cased, Shape shape, String needle, int @Nullable [] glob) {
    this.source = source;
    this.cased = cased;
    this.shape = shape;
    this.needle = needle;
    this.glob = glob;
  }

  /** Compiles a Sigma string; {@code cased} makes it case-sensitive. */
  public static StringMatcher of(SigmaString s, boolean cased) {
    List<Object> p = s.parts();
    int n = p.size();
    if (n == 0) {
      return new StringMatcher(s, cased, Shape.EXACT, "", null);
    }
    if (n == 1 && p.get(0) == SigmaString.Wildcard.MULTI) {
      return new StringMatcher(s, cased, Shape.ANY, "", null);
    }
    if (n == 1 && p.get(0) instanceof String t) {
      return new StringMatcher(s, cased, Shape.EXACT, norm(t, cased), null);
    }
    if (n == 2 && p.get(0) instanceof String t && p.get(1) == SigmaString.Wildcard.MULTI) {
      return new StringMatcher(s, cased, Shape.PREFIX, norm(t, cased), null);
    }
    if (n == 2 && p.get(0) == SigmaString.Wildcard.MULTI && p.get(1) instanceof String t) {
      return new StringMatcher(s, cased, Shape.SUFFIX, norm(t, cased), null);
    }
    if (n == 3 && p.get(0) == SigmaString.Wildcard.MULTI && p.get(1) instanceof String t
        && p.get(2) == SigmaString.Wildcard.MULTI) {
      return new StringMatcher(s, cased, Shape.CONTAINS, norm(t, cased), null);
    }
    List<Integer> tokens = new ArrayList<>();
    for (Object part : p) {
      if (part == SigmaString.Wildcard.MULTI) {
        tokens.add(MULTI);
      } else if (part == SigmaString.Wildcard.SINGLE) {
        tokens.add(SINGLE);
      } else {
        String t = norm((String) part, cased);
        for (int i = 0; i < t.length(); i++) {
          tokens.add((int) t.charAt(i));
        }
      }
    }
    return new StringMatcher(s, cased, Shape.GLOB, "",
        tokens.stream().mapToInt(Integer::intValue).toArray());
  }

  private static String norm(String t, boolean cased) {
    return cased ? t : CaseFold.fold(t);
  }

  public Shape shape() {
    return shape;
  }

  public boolean cased() {
    return cased;
  }

  public SigmaString source() {
    return source;
  }

  /** For {@link Shape#EXACT}: the exact text (folded unless cased), usable as an index key. */
  public String exactKey() {
    if (shape != Shape.EXACT) {
      throw new IllegalStateException("not an exact matcher: " + shape);
    }
    return needle;
  }

  @Override
  public boolean test(Object leaf) {
    if (leaf instanceof String s) {
      return matches(s);
    }
    if (leaf == JsonNull.INSTANCE) {
      return false;
    }
    if (leaf instanceof JsonObject o) {
      return matches(o.toJson());
    }
    return matches(JsonText.scalarText(leaf));
  }

  /** Whether {@code s} matches this pattern. */
  public boolean matches(String s) {
    switch (shape) {
      case ANY:
        return true;
      case EXACT:
        return s.length() == needle.length() && regionEquals(s, 0);
      case PREFIX:
        return s.length() >= needle.length() && regionEquals(s, 0);
      case SUFFIX:
        return s.length() >= needle.length() && regionEquals(s, s.length() - needle.length());
      case CONTAINS:
        return indexOf(s, 0) >= 0;
      default:
        return globMatch(s);
    }
  }

  private boolean eq(char patternChar, char c) {
    return patternChar == c || (!cased && patternChar == CaseFold.fold(c));
  }

  private boolean regionEquals(String s, int from) {
    String n = needle;
    for (int i = 0, len = n.length(); i < len; i++) {
      if (!eq(n.charAt(i), s.charAt(from + i))) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(String s, int from) {
    String n = needle;
    int len = n.length();
    if (len == 0) {
      return from;
    }
    char first = n.charAt(0);
    for (int i = from, last = s.length() - len; i <= last; i++) {
      if (eq(first, s.charAt(i)) && regionEqualsAt(s, i, 1)) {
        return i;
      }
    }
    return -1;
  }

  private boolean regionEqualsAt(String s, int start, int k) {
    String n = needle;
    for (int j = k, len = n.length(); j < len; j++) {
      if (!eq(n.charAt(j), s.charAt(start + j))) {
        return false;
      }
    }
    return true;
  }

  private boolean globMatch(String s) {
    int[] tok = glob;
    int m = tok.length;
    int n = s.length();
    int p = 0;
    int i = 0;
    int starP = -1;
    int starI = 0;
    while (i < n) {
      if (p < m && (tok[p] == SINGLE || (tok[p] >= 0 && eq((char) tok[p], s.charAt(i))))) {
        p++;
        i++;
      } else if (p < m && tok[p] == MULTI) {
        starP = p++;
        starI = i;
      } else if (starP >= 0) {
        p = starP + 1;
        i = ++starI;
      } else {
        return false;
      }
    }
    while (p < m && tok[p] == MULTI) {
      p++;
    }
    return p == m;
  }

  @Override
  public String describe() {
    String op = switch (shape) {
      case EXACT -> "equals";
      case PREFIX -> "startswith";
      case SUFFIX -> "endswith";
      case CONTAINS -> "contains";
      case ANY -> "is any value";
      case GLOB -> "matches";
    };
    if (shape == Shape.ANY) {
      return op;
    }
    String v = source.toString();
    if (shape == Shape.PREFIX || shape == Shape.CONTAINS) {
      v = v.substring(0, v.length() - 1);
    }
    if (shape == Shape.SUFFIX || shape == Shape.CONTAINS) {
      v = v.substring(1);
    }
    return op + " '" + v + "'" + (cased ? " (cased)" : "");
  }

  @Override
  public String toString() {
    return describe();
  }
}
