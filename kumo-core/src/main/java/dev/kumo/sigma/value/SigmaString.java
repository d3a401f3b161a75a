package dev.kumo.sigma.value;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A Sigma string value: literal text with {@code *} (any run) and {@code ?} (exactly one character)
 * wildcards, after the spec's backslash escaping has been resolved.
 *
 * <p>Escaping: {@code \*} and {@code \?} are literal, {@code \\} is one backslash, and a backslash
 * before any other character (or at the end) is kept literally.
 *
 * @param parts {@link String} literals and {@link Wildcard}s, with no two literals adjacent
 */
public record SigmaString(List<Object> parts) implements Serializable {
  /** A wildcard inside a Sigma string. */
  public enum Wildcard {
    MULTI,
    SINGLE
  }

  public SigmaString {
    parts = List.copyOf(parts);
  }

  /** Parses a rule value with Sigma escaping and wildcards. */
  public static SigmaString parse(String raw) {
    Builder b = new Builder();
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c == '\\') {
        char next = i + 1 < n ? raw.charAt(i + 1) : 0;
        if (next == '*' || next == '?' || next == '\\') {
          b.text(String.valueOf(next));
          i++;
        } else {
          b.text("\\");
        }
      } else if (c == '*') {
        b.wildcard(Wildcard.MULTI);
      } else if (c == '?') {
        b.wildcard(Wildcard.SINGLE);
      } else {
        b.text(String.valueOf(c));
      }
    }
    return b.build();
  }

  /** A string with no wildcards. */
  public static SigmaString literal(String text) {
    return new Builder().text(text).build();
  }

  public boolean hasWildcards() {
    for (Object p : parts) {
      if (p instanceof Wildcard) {
        return true;
      }
    }
    return false;
  }

  public boolean startsWithMulti() {
    return !parts.isEmpty() && parts.get(0) == Wildcard.MULTI;
  }

  public boolean endsWithMulti() {
    return !parts.isEmpty() && parts.get(parts.size() - 1) == Wildcard.MULTI;
  }

  /** The literal text; only valid when {@link #hasWildcards()} is false. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Object p : parts) {
      if (p instanceof String s) {
        sb.append(s);
      } else {
        throw new IllegalStateException("value has wildcards: " + this);
      }
    }
    return sb.toString();
  }

  /** Returns this string with {@code *} added in front (unless already there). */
  public SigmaString prependMulti() {
    if (startsWithMulti()) {
      return this;
    }
    List<Object> p = new ArrayList<>(parts.size() + 1);
    p.add(Wildcard.MULTI);
    p.addAll(parts);
    return new SigmaString(p);
  }

  /** Returns this string with {@code *} added at the end (unless already there). */
  public SigmaString appendMulti() {
    if (endsWithMulti()) {
      return this;
    }
    List<Object> p = new ArrayList<>(parts.size() + 1);
    p.addAll(parts);
    p.add(Wildcard.MULTI);
    return new SigmaString(p);
  }

  /** Sigma notation, re-escaped, for explain output. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Object p : parts) {
      if (p == Wildcard.MULTI) {
        sb.append('*');
      } else if (p == Wildcard.SINGLE) {
        sb.append('?');
      } else {
        String s = (String) p;
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (c == '*' || c == '?') {
            sb.append('\\');
          } else if (c == '\\' && (i + 1 == s.length() || "*?\\".indexOf(s.charAt(i + 1)) >= 0)) {
            sb.append('\\');
          }
          sb.append(c);
        }
      }
    }
    return sb.toString();
  }

  /** Accumulates parts, merging adjacent literals and collapsing repeated {@code *}. */
  public static final class Builder {
    private final List<Object> parts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    public Builder text(String s) {
      text.append(s);
      return this;
    }

    public Builder wildcard(Wildcard w) {
      flush();
      if (w == Wildcard.MULTI && !parts.isEmpty() && parts.get(parts.size() - 1) == Wildcard.MULTI) {
        return this;
      }
      parts.add(w);
      return this;
    }

    public Builder append(SigmaString s) {
      for (Object p : s.parts()) {
        if (p instanceof String t) {
          text(t);
        } else {
          wildcard((Wildcard) p);
        }
      }
      return this;
    }

    private void flush() {
      if (text.length() > 0) {
        parts.add(text.toString());
        text.setLength(0);
      }
    }

    public SigmaString build() {
      flush();
      return new SigmaString(parts);
    }
  }
}
