package dev.kumo.sigma.compile;

import dev.kumo.sigma.condition.AllOf;
import dev.kumo.sigma.condition.AnyOf;
import dev.kumo.sigma.condition.AtLeast;
import dev.kumo.sigma.condition.Condition;
import dev.kumo.sigma.condition.Constant;
import dev.kumo.sigma.condition.Not;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a Sigma condition expression and resolves its identifiers.
 *
 * <p>Grammar, loosest to tightest: {@code or} &lt; {@code and} &lt; {@code not} &lt;
 * {@code x of ...} &lt; parentheses. Quantifiers are {@code 1}, {@code any}, {@code all}, or a
 * number N (an extension: at least N). {@code them} and patterns leave out identifiers that start
 * with {@code _}, unless the pattern itself starts with {@code _}. Keywords are case-insensitive.
 */
final class ConditionParser {
  private final String text;
  private final Map<String, Condition> searches;
  private final int line;
  private final List<String> tokens = new ArrayList<>();
  private int pos;

  private ConditionParser(String text, Map<String, Condition> searches, int line) {
    this.text = text;
    this.searches = searches;
    this.line = line;
  }

  /**
   * @param searches the rule's search identifiers in document order, already compiled
   * @throws RuleSyntaxException for syntax errors, unknown identifiers or legacy aggregations
   */
  static Condition parse(String text, Map<String, Condition> searches, int line) {
    ConditionParser p = new ConditionParser(text, searches, line);
    p.tokenize();
    if (p.tokens.isEmpty()) {
      throw new RuleSyntaxException("the condition is empty", line);
    }
    Condition c = p.orExpr();
    if (p.pos < p.tokens.size()) {
      throw p.error("unexpected '" + p.tokens.get(p.pos) + "'");
    }
    return c;
  }

  private void tokenize() {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (c == '|') {
        throw new RuleSyntaxException("the condition uses a Sigma v1 aggregation ('|', e.g. count() or"
            + " near); Sigma v2 removed these: rewrite it as a correlation rule", line);
      } else if (isWordChar(c)) {
        int j = i;
        while (j < n && isWordChar(text.charAt(j))) {
          j++;
        }
        tokens.add(text.substring(i, j));
        i = j;
      } else {
        throw new RuleSyntaxException("unexpected character '" + c + "' in condition '" + text + "'", line);
      }
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '*' || c == '.';
  }

  private RuleSyntaxException error(String what) {
    return new RuleSyntaxException(what + " in condition '" + text + "'", line);
  }

  private boolean peekKeyword(String kw) {
    return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(kw);
  }

  private Condition orExpr() {
    List<Condition> items = new ArrayList<>();
    items.add(andExpr());
    while (peekKeyword("or")) {
      pos++;
      items.add(andExpr());
    }
    return items.size() == 1 ? items.get(0) : new AnyOf(items);
  }

  private Condition andExpr() {
    List<Condition> items = new ArrayList<>();
    items.add(notExpr());
    while (peekKeyword("and")) {
      pos++;
      items.add(notExpr());
    }
    return items.size() == 1 ? items.get(0) : new AllOf(items);
  }

  private Condition notExpr() {
    if (peekKeyword("not")) {
      pos++;
      return new Not(notExpr());
    }
    return primary();
  }

  private Condition primary() {
    if (pos >= tokens.size()) {
      throw error("unexpected end");
    }
    String t = tokens.get(pos);
    if (t.equals("(")) {
      pos++;
      Condition inner = orExpr();
      if (pos >= tokens.size() || !tokens.get(pos).equals(")")) {
        throw error("missing ')'");
      }
      pos++;
      return inner;
    }
    if (t.equals(")")) {
      throw error("unexpected ')'");
    }
    if (pos + 1 < tokens.size() && tokens.get(pos + 1).equalsIgnoreCase("of")) {
      return quantified();
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("and") || lower.equals("or") || lower.equals("of") || lower.equals("them")) {
      throw error("unexpected '" + t + "'");
    }
    pos++;
    if (t.indexOf('*') >= 0) {
      throw error("pattern '" + t + "' needs a quantifier ('1 of " + t + "' or 'all of " + t + "')");
    }
    Condition c = searches.get(t);
    if (c == null) {
      throw error("unknown search identifier '" + t + "' (defined: " + String.join(", ", searches.keySet()) + ")");
    }
    return c;
  }

  private Condition quantified() {
    String quant = tokens.get(pos).toLowerCase(Locale.ROOT);
    pos += 2; // quantifier, "of"
    if (pos >= tokens.size()) {
      throw error("missing pattern after 'of'");
    }
    String target = tokens.get(pos++);
    List<Condition> matched = new ArrayList<>();
    boolean them = target.equalsIgnoreCase("them");
    for (Map.Entry<String, Condition> e : searches.entrySet()) {
      String name = e.getKey();
      boolean hidden = name.startsWith("_");
      if (them ? !hidden : (globMatch(target, name) && (!hidden || target.startsWith("_")))) {
        matched.add(e.getValue());
      }
    }
    if (matched.isEmpty()) {
      throw error("no search identifier matches '" + target + "'");
    }
    int n;
    switch (quant) {
      case "1", "any" -> n = 1;
      case "all" -> n = matched.size();
      default -> {
        try {
          n = Integer.parseInt(quant);
        } catch (NumberFormatException e) {
          throw error("unknown quantifier '" + quant + "' (use 1, any, all or a number)");
        }
        if (n < 1) {
          throw error("quantifier must be at least 1");
        }
      }
    }
    if (n > matched.size()) {
      return new Constant(false);
    }
    if (matched.size() == 1) {
      return matched.get(0);
    }
    if (n == 1) {
      return new AnyOf(matched);
    }
    if (n == matched.size()) {
      return new AllOf(matched);
    }
    return new AtLeast(n, matched);
  }

  /** Glob with {@code *} only, case-sensitive, over identifier names. */
  static boolean globMatch(String pattern, String name) {
    int p = 0;
    int s = 0;
    int starP = -1;
    int starS = 0;
    while (s < name.length()) {
      if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == name.charAt(s)) {
        p++;
        s++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        starP = p++;
        starS = s;
      } else if (starP >= 0) {
        p = starP + 1;
        s = ++starS;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
