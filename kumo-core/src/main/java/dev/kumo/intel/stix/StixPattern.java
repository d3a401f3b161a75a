package dev.kumo.intel.stix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed STIX 2.1 pattern, flattened to what Kumo can match: its comparisons, whether any of them
 * were joined by {@code AND} or {@code FOLLOWEDBY} (Kumo matches single values, so such a pattern is
 * matched more loosely than written), and its qualifiers (which Kumo does not enforce).
 *
 * <p>The whole grammar of the patterning language is parsed (observation and comparison expressions,
 * {@code AND}/{@code OR}/{@code FOLLOWEDBY}, parentheses, {@code NOT}, every operator, every literal
 * kind, {@code WITHIN}/{@code REPEATS}/{@code START … STOP} qualifiers); which comparisons are usable
 * is decided later, by {@link StixObjectPaths}.
 *
 * @param comparisons every comparison, in the order written
 * @param conjunction whether any two parts are joined by {@code AND} or {@code FOLLOWEDBY}
 * @param qualifiers the qualifiers as written ({@code WITHIN 300 SECONDS}), in order
 */
public record StixPattern(List<Comparison> comparisons, boolean conjunction, List<String> qualifiers) {
  private static final int MAX_DEPTH = 64;

  public StixPattern {
    comparisons = List.copyOf(comparisons);
    qualifiers = List.copyOf(qualifiers);
  }

  /**
   * One comparison expression, e.g. {@code file:hashes.'SHA-256' = '…'}.
   *
   * @param objectType e.g. {@code file}, {@code ipv4-addr}, {@code x-kumo-arn} (lower case)
   * @param path the property path's steps, quotes removed ({@code [hashes, SHA-256]}); list indexes as
   *     their own steps ({@code [*]}, {@code [0]})
   * @param operator upper case: {@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=},
   *     {@code IN}, {@code LIKE}, {@code MATCHES}, {@code ISSUBSET}, {@code ISSUPERSET}
   * @param negated whether {@code NOT} precedes the operator
   * @param values the literal values (one, or the members of an {@code IN} list), strings unescaped
   * @param quoted whether every value is a plain string literal ({@code 'x'}, not a number, boolean,
   *     {@code t'…'}, {@code h'…'} or {@code b'…'})
   * @param text the comparison as written, for messages
   */
  public record Comparison(String objectType, List<String> path, String operator, boolean negated,
      List<String> values, boolean quoted, String text) {
    public Comparison {
      path = List.copyOf(path);
      values = List.copyOf(values);
    }

    /** {@code type:step.step}, lower case, quotes removed: {@code file:hashes.sha-256}. */
    public String objectPath() {
      StringBuilder b = new StringBuilder(objectType).append(':');
      for (String step : path) {
        if (b.charAt(b.length() - 1) != ':' && !step.startsWith("[")) {
          b.append('.');
        }
        b.append(step);
      }
      return b.toString().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Parses {@code pattern}.
   *
   * @throws IllegalArgumentException naming the character position and what was expected
   */
  public static StixPattern parse(String pattern) {
    Parser p = new Parser(pattern);
    p.observationOr(0);
    p.skipSpace();
    if (p.pos < pattern.length()) {
      throw p.error("unexpected '" + p.rest() + "'");
    }
    if (p.comparisons.isEmpty()) {
      throw p.error("no comparison");
    }
    return new StixPattern(p.comparisons, p.conjunction, p.qualifiers);
  }

  /** A recursive-descent parser over the pattern text; one per call, never shared. */
  private static final class Parser {
    private final String s;
    private int pos;
    private final List<Comparison> comparisons = new ArrayList<>();
    private final List<String> qualifiers = new ArrayList<>();
    private boolean conjunction;

    Parser(String s) {
      this.s = s;
    }

    void observationOr(int depth) {
      observationAnd(depth);
      while (keyword("OR")) {
        observationAnd(depth);
      }
    }

    void observationAnd(int depth) {
      observationQualified(depth);
      while (keyword("AND") || keyword("FOLLOWEDBY")) {
        conjunction = true;
        observationQualified(depth);
      }
    }

    void observationQualified(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("parentheses nested deeper than " + MAX_DEPTH);
      }
      skipSpace();
      if (consume('[')) {
        comparisonOr(depth + 1);
        expect(']');
      } else if (consume('(')) {
        observationOr(depth + 1);
        expect(')');
      } else {
        throw error("expected '[' or '('");
      }
      while (true) {
        int start = pos;
        if (keyword("WITHIN")) {
          number();
          expectKeyword("SECONDS");
        } else if (keyword("REPEATS")) {
          number();
          expectKeyword("TIMES");
        } else if (keyword("START")) {
          timestamp();
          expectKeyword("STOP");
          timestamp();
        } else {
          return;
        }
        qualifiers.add(s.substring(start, pos).strip());
      }
    }

    void comparisonOr(int depth) {
      comparisonAnd(depth);
      while (keyword("OR")) {
        comparisonAnd(depth);
      }
    }

    void comparisonAnd(int depth) {
      comparisonPrimary(depth);
      while (keyword("AND")) {
        conjunction = true;
        comparisonPrimary(depth);
      }
    }

    void comparisonPrimary(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("parentheses nested deeper than " + MAX_DEPTH);
      }
      skipSpace();
      if (consume('(')) {
        comparisonOr(depth + 1);
        expect(')');
        return;
      }
      comparison();
    }

    void comparison() {
      skipSpace();
      int start = pos;
      String type = identifier("object type");
      expect(':');
      List<String> path = new ArrayList<>();
      path.add(step());
      while (true) {
        if (pos < s.length() && s.charAt(pos) == '.') {
          pos++;
          path.add(step());
        } else if (pos < s.length() && s.charAt(pos) == '[') {
          int open = pos++;
          while (pos < s.length() && s.charAt(pos) != ']') {
            pos++;
          }
          expect(']');
          path.add(s.substring(open, pos));
        } else {
          break;
        }
      }
      boolean negated = keyword("NOT");
      String op = operator();
      List<String> values = new ArrayList<>();
      boolean quoted;
      if (op.equals("IN")) {
        skipSpace();
        expect('(');
        quoted = literal(values);
        while (consumeSpaced(',')) {
          quoted &= literal(values);
        }
        expect(')');
      } else {
        quoted = literal(values);
      }
      comparisons.add(new Comparison(type.toLowerCase(Locale.ROOT), path, op, negated, values, quoted,
          s.substring(start, pos).strip()));
    }

    private String step() {
      if (pos < s.length() && s.charAt(pos) == '\'') {
        return string();
      }
      return identifier("property name");
    }

    private String operator() {
      skipSpace();
      for (String op : new String[] {"!=", "<=", ">=", "=", "<", ">"}) {
        if (s.startsWith(op, pos)) {
          pos += op.length();
          return op;
        }
      }
      for (String op : new String[] {"IN", "LIKE", "MATCHES", "ISSUBSET", "ISSUPERSET"}) {
        if (keyword(op)) {
          return op;
        }
      }
      throw error("expected a comparison operator");
    }

    /** Reads one literal into {@code out}; returns whether it was a plain string. */
    private boolean literal(List<String> out) {
      skipSpace();
      if (pos >= s.length()) {
        throw error("expected a value");
      }
      char c = s.charAt(pos);
      if (c == '\'') {
        out.add(string());
        return true;
      }
      if ((c == 't' || c == 'h' || c == 'b') && pos + 1 < s.length() && s.charAt(pos + 1) == '\'') {
        pos++;
        out.add(c + "'" + string() + "'");
        return false;
      }
      int start = pos;
      while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || "+-.".indexOf(s.charAt(pos)) >= 0)) {
        pos++;
      }
      String v = s.substring(start, pos);
      if (v.isEmpty() || !(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")
          || v.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?"))) {
        pos = start;
        throw error("expected a value");
      }
      out.add(v);
      return false;
    }

    private void number() {
      skipSpace();
      int start = pos;
      while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
        pos++;
      }
      if (start == pos) {
        throw error("expected a number");
      }
    }

    private void timestamp() {
      skipSpace();
      if (!s.startsWith("t'", pos)) {
        throw error("expected a timestamp t'…'");
      }
      pos++;
      string();
    }

    /** A quoted string at {@code pos}, with {@code \'} and {@code \\} unescaped. */
    private String string() {
      int open = pos;
      pos++;
      StringBuilder b = new StringBuilder();
      while (pos < s.length()) {
        char c = s.charAt(pos++);
        if (c == '\\') {
          if (pos >= s.length()) {
            break;
          }
          char n = s.charAt(pos++);
          if (n != '\'' && n != '\\') {
            pos -= 2;
            throw error("bad escape \\" + n + " (only \\' and \\\\ are allowed)");
          }
          b.append(n);
        } else if (c == '\'') {
          return b.toString();
        } else {
          b.append(c);
        }
      }
      pos = open;
      throw error("unterminated string");
    }

    private String identifier(String what) {
      int start = pos;
      while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '-'
          || s.charAt(pos) == '_')) {
        pos++;
      }
      if (start == pos) {
        throw error("expected " + what);
      }
      return s.substring(start, pos);
    }

    private boolean keyword(String k) {
      skipSpace();
      if (s.regionMatches(false, pos, k, 0, k.length())
          && (pos + k.length() == s.length() || !Character.isLetterOrDigit(s.charAt(pos + k.length())))) {
        pos += k.length();
        return true;
      }
      return false;
    }

    private void expectKeyword(String k) {
      if (!keyword(k)) {
        throw error("expected " + k);
      }
    }

    private boolean consume(char c) {
      if (pos < s.length() && s.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private boolean consumeSpaced(char c) {
      skipSpace();
      return consume(c);
    }

    private void expect(char c) {
      skipSpace();
      if (!consume(c)) {
        throw error("expected '" + c + "'");
      }
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    String rest() {
      String r = s.substring(pos);
      return r.length() > 40 ? r.substring(0, 40) + "…" : r;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("pattern not understood at character " + (pos + 1) + ": " + what);
    }
  }
}
