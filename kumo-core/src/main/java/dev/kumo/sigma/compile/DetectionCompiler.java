package dev.kumo.sigma.compile;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.kumo.json.FieldPath;
import dev.kumo.sigma.condition.AllOf;
import dev.kumo.sigma.condition.AnyOf;
import dev.kumo.sigma.condition.Condition;
import dev.kumo.sigma.condition.FieldExists;
import dev.kumo.sigma.condition.FieldIsNull;
import dev.kumo.sigma.condition.FieldRefTest;
import dev.kumo.sigma.condition.FieldTest;
import dev.kumo.sigma.condition.KeywordTest;
import dev.kumo.sigma.condition.Not;
import dev.kumo.sigma.condition.Search;
import dev.kumo.sigma.value.AnyValueMatcher;
import dev.kumo.sigma.value.BooleanMatcher;
import dev.kumo.sigma.value.CidrMatcher;
import dev.kumo.sigma.value.NumberMatcher;
import dev.kumo.sigma.value.RegexMatcher;
import dev.kumo.sigma.value.SigmaString;
import dev.kumo.sigma.value.StringMatcher;
import dev.kumo.sigma.value.TimePartMatcher;
import dev.kumo.sigma.value.ValueMatcher;
import dev.kumo.net.IpNetwork;
import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a rule's {@code detection} map into one {@link Condition}.
 *
 * <p>Each search identifier becomes a {@link Search}; maps AND their items, lists of maps OR them,
 * lists of plain values are keyword searches. Modifiers are applied in the order written. Errors
 * are thrown as {@link RuleSyntaxException} with the line of the offending item.
 */
public final class DetectionCompiler {
  private final CompileOptions options;

  public DetectionCompiler(CompileOptions options) {
    this.options = options;
  }

  /** Compiles {@code detection}; {@code line} is where the section starts. */
  public Condition compile(YMap detection) {
    Map<String, Condition> searches = compileSearches(detection);
    YNode cond = detection.get("condition");
    if (cond == null) {
      throw new RuleSyntaxException("detection has no 'condition'", detection.line());
    }
    int line = detection.lineOf("condition");
    if (cond instanceof YScalar s && s.value() != null) {
      return ConditionParser.parse(s.text(), searches, line);
    }
    if (cond instanceof YList l && !l.items().isEmpty()) {
      List<Condition> alternatives = new ArrayList<>();
      for (YNode item : l.items()) {
        if (!(item instanceof YScalar s) || s.value() == null) {
          throw new RuleSyntaxException("each condition in a list must be a string", item.line());
        }
        alternatives.add(ConditionParser.parse(s.text(), searches, item.line()));
      }
      return alternatives.size() == 1 ? alternatives.get(0) : new AnyOf(alternatives);
    }
    throw new RuleSyntaxException("'condition' must be a string or a list of strings", line);
  }

  /** Compiles every search identifier (all keys but {@code condition}), in document order. */
  public Map<String, Condition> compileSearches(YMap detection) {
    Map<String, Condition> searches = new LinkedHashMap<>();
    for (Map.Entry<String, YNode> e : detection.entries().entrySet()) {
      String name = e.getKey();
      int line = detection.lineOf(name);
      if (name.equals("condition")) {
        continue;
      }
      if (name.equals("timeframe")) {
        throw new RuleSyntaxException("'timeframe' is a Sigma v1 aggregation setting that Sigma v2"
            + " removed; rewrite the rule as a correlation rule with a timespan", line);
      }
      searches.put(name, new Search(name, compileSearch(e.getValue(), line)));
    }
    if (searches.isEmpty()) {
      throw new RuleSyntaxException("detection defines no search identifiers", detection.line());
    }
    return searches;
  }

  private Condition compileSearch(YNode node, int line) {
    if (node instanceof YMap m) {
      return compileMap(m);
    }
    if (node instanceof YList l) {
      if (l.items().isEmpty()) {
        throw new RuleSyntaxException("search is an empty list", line);
      }
      boolean maps = l.items().stream().allMatch(i -> i instanceof YMap);
      boolean scalars = l.items().stream().allMatch(i -> i instanceof YScalar);
      if (maps) {
        List<Condition> alternatives = new ArrayList<>();
        for (YNode item : l.items()) {
          alternatives.add(compileMap((YMap) item));
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new AnyOf(alternatives);
      }
      if (scalars) {
        return compileItem("", List.of(), l, line);
      }
      throw new RuleSyntaxException("a search list must hold only maps or only plain values", line);
    }
    YScalar s = (YScalar) node;
    if (s.value() == null) {
      throw new RuleSyntaxException("search has no value", line);
    }
    return compileItem("", List.of(), s, line);
  }

  private Condition compileMap(YMap map) {
    if (map.entries().isEmpty()) {
      throw new RuleSyntaxException("search is an empty map", map.line());
    }
    List<Condition> items = new ArrayList<>();
    for (Map.Entry<String, YNode> e : map.entries().entrySet()) {
      int line = map.lineOf(e.getKey());
      String[] parts = e.getKey().split("\\|", -1);
      String field = parts[0];
      List<Modifier> mods = new ArrayList<>();
      for (int i = 1; i < parts.length; i++) {
        Modifier m = Modifier.byName(parts[i]);
        if (m == null) {
          throw new RuleSyntaxException("unknown modifier '" + parts[i] + "' in '" + e.getKey() + "'", line);
        }
        mods.add(m);
      }
      items.add(compileItem(field, mods, e.getValue(), line));
    }
    return items.size() == 1 ? items.get(0) : new AllOf(items);
  }

  /** One detection item: a field (or "" for keywords), its modifier chain and its value(s). */
  private Condition compileItem(String field, List<Modifier> mods, YNode valueNode, int line) {
    boolean keyword = field.isEmpty();
    List<YScalar> values = scalars(valueNode, line);
    validateOrder(mods, keyword, line);
    Set<Modifier> set = mods.isEmpty() ? EnumSet.noneOf(Modifier.class) : EnumSet.copyOf(mods);
    FieldPath path = keyword ? null : options.path(field);

    if (set.contains(Modifier.EXISTS)) {
      if (values.size() != 1 || !(values.get(0).value() instanceof Boolean b)) {
        throw new RuleSyntaxException("the exists modifier takes one value, true or false", line);
      }
      return new FieldExists(path, b);
    }
    if (values.isEmpty()) {
      if (keyword) {
        throw new RuleSyntaxException("keyword search has no values", line);
      }
      return new FieldIsNull(path); // pySigma: an empty list means null
    }
    boolean hasNull = values.stream().anyMatch(v -> v.value() == null);
    if (hasNull) {
      if (values.size() > 1) {
        throw new RuleSyntaxException("null is not allowed inside a value list; use a separate"
            + " selection such as 'filter: {" + field + ": null}'", line);
      }
      if (!mods.isEmpty() || keyword) {
        throw new RuleSyntaxException("null cannot be combined with modifiers or keywords", line);
      }
      return new FieldIsNull(path);
    }
    if (set.contains(Modifier.FIELDREF)) {
      return fieldRef(path, set, values, line);
    }

    List<Modifier> chain = mods;
    if (keyword && mods.stream().noneMatch(Modifier::isPosition) && !set.contains(Modifier.RE)) {
      // Keyword searches look for the value inside any string of the record (rsigma convention).
      chain = new ArrayList<>(mods);
      chain.add(Modifier.CONTAINS);
    }
    List<ValueMatcher> matchers = new ArrayList<>();
    for (YScalar v : values) {
      matchers.addAll(valueMatchers(chain, set, v, line));
    }
    Condition result;
    if (set.contains(Modifier.ALL) && matchers.size() > 1) {
      List<Condition> all = new ArrayList<>();
      for (ValueMatcher m : matchers) {
        all.add(keyword ? new KeywordTest(m) : new FieldTest(path, m));
      }
      result = new AllOf(all);
    } else {
      ValueMatcher m = matchers.size() == 1 ? matchers.get(0) : new AnyValueMatcher(matchers);
      result = keyword ? new KeywordTest(m) : new FieldTest(path, m);
    }
    return set.contains(Modifier.NEQ) ? new Not(result) : result;
  }

  private static List<YScalar> scalars(YNode node, int line) {
    if (node instanceof YScalar s) {
      return List.of(s);
    }
    if (node instanceof YList l) {
      List<YScalar> out = new ArrayList<>();
      for (YNode item : l.items()) {
        if (!(item instanceof YScalar s)) {
          throw new RuleSyntaxException("values must be plain values, not a " + item.kind(), item.line());
        }
        out.add(s);
      }
      return out;
    }
    throw new RuleSyntaxException("a field's value must be a plain value or a list, not a map", line);
  }

  private static void validateOrder(List<Modifier> mods, boolean keyword, int line) {
    for (int i = 0; i < mods.size(); i++) {
      Modifier m = mods.get(i);
      if ((m == Modifier.RE || m == Modifier.CIDR) && i > 0) {
        throw new RuleSyntaxException("the " + m.displayName() + " modifier must come first", line);
      }
      if (m.isRegexFlag() && !mods.contains(Modifier.RE)) {
        throw new RuleSyntaxException("the regex flag '" + m.displayName() + "' needs the re modifier", line);
      }
      if (m == Modifier.EXISTS && (keyword || mods.size() > 1)) {
        throw new RuleSyntaxException(keyword ? "exists needs a field name"
            : "exists cannot be combined with other modifiers", line);
      }
      if (m == Modifier.FIELDREF && keyword) {
        throw new RuleSyntaxException("fieldref needs a field name", line);
      }
    }
    if (mods.contains(Modifier.RE)) {
      for (Modifier m : mods) {
        if (m != Modifier.RE && !m.isRegexFlag() && m != Modifier.ALL && m != Modifier.NEQ
            && m != Modifier.CONTAINS) {
          throw new RuleSyntaxException("the " + m.displayName() + " modifier cannot be used with re", line);
        }
      }
    }
    if (mods.contains(Modifier.CIDR)) {
      for (Modifier m : mods) {
        if (m != Modifier.CIDR && m != Modifier.ALL && m != Modifier.NEQ) {
          throw new RuleSyntaxException("the " + m.displayName() + " modifier cannot be used with cidr", line);
        }
      }
    }
    long positions = mods.stream().filter(Modifier::isPosition).distinct().count();
    if (positions > 1) {
      throw new RuleSyntaxException("use only one of contains, startswith and endswith", line);
    }
    long comparisons = mods.stream().filter(Modifier::isComparison).count();
    if (comparisons > 1) {
      throw new RuleSyntaxException("use only one of gt, gte, lt and lte", line);
    }
  }

  private List<ValueMatcher> valueMatchers(List<Modifier> mods, Set<Modifier> set, YScalar v, int line) {
    if (set.contains(Modifier.RE)) {
      return List.of(regex(set, v, line));
    }
    if (set.contains(Modifier.CIDR)) {
      try {
        return List.of(new CidrMatcher(IpNetwork.parse(v.text())));
      } catch (IllegalArgumentException e) {
        throw new RuleSyntaxException("cidr: " + e.getMessage(), line);
      }
    }
    Modifier timePart = mods.stream().filter(Modifier::isTimePart).findFirst().orElse(null);
    Modifier comparison = mods.stream().filter(Modifier::isComparison).findFirst().orElse(null);
    if (timePart != null || comparison != null) {
      BigDecimal number = number(v);
      if (number == null) {
        throw new RuleSyntaxException("'" + v.text() + "' is not a number, as "
            + (comparison != null ? comparison : timePart).displayName() + " requires", line);
      }
      for (Modifier m : mods) {
        if (!m.isTimePart() && !m.isComparison() && m != Modifier.ALL && m != Modifier.NEQ) {
          throw new RuleSyntaxException("the " + m.displayName() + " modifier cannot be used with "
              + (comparison != null ? comparison : timePart).displayName(), line);
        }
      }
      NumberMatcher.Op op = comparison == null ? NumberMatcher.Op.EQ : switch (comparison) {
        case GT -> NumberMatcher.Op.GT;
        case GTE -> NumberMatcher.Op.GTE;
        case LT -> NumberMatcher.Op.LT;
        default -> NumberMatcher.Op.LTE;
      };
      NumberMatcher nm = new NumberMatcher(op, number);
      return List.of(timePart == null ? nm : new TimePartMatcher(timePart(timePart), nm));
    }
    boolean transforms = mods.stream().anyMatch(m -> m.isEncoding() || m.isPosition() || m == Modifier.EXPAND);
    Object raw = v.value();
    if (!transforms && !v.isString()) {
      if (raw instanceof Boolean b) {
        return List.of(new BooleanMatcher(b));
      }
      BigDecimal number = number(v);
      if (number != null) {
        return List.of(new NumberMatcher(NumberMatcher.Op.EQ, number));
      }
    }
    List<TextValue> current = new ArrayList<>();
    current.add(TextValue.of(v.isString() ? SigmaString.parse(v.text()) : SigmaString.literal(v.text())));
    for (Modifier m : mods) {
      List<TextValue> next = new ArrayList<>();
      for (TextValue t : current) {
        switch (m) {
          case CONTAINS -> next.add(t.with(t.string().prependMulti().appendMulti()));
          case STARTSWITH -> next.add(t.with(t.string().appendMulti()));
          case ENDSWITH -> next.add(t.with(t.string().prependMulti()));
          case EXPAND -> next.addAll(options.placeholders().expand(t, line));
          case BASE64, BASE64OFFSET, UTF16LE, UTF16BE, UTF16, WINDASH ->
              next.addAll(EncodingModifiers.apply(m, t, line));
          default -> next.add(t);
        }
      }
      if (next.size() > EncodingModifiers.MAX_VARIANTS) {
        throw new RuleSyntaxException("modifiers expand this value into more than "
            + EncodingModifiers.MAX_VARIANTS + " variants", line);
      }
      current = next;
    }
    boolean cased = mods.contains(Modifier.CASED);
    List<ValueMatcher> out = new ArrayList<>(current.size());
    for (TextValue t : current) {
      out.add(StringMatcher.of(t.string(), cased));
    }
    return out;
  }

  private RegexMatcher regex(Set<Modifier> set, YScalar v, int line) {
    String re = v.text();
    if (re.length() > options.maxRegexLength()) {
      throw new RuleSyntaxException("regular expression is " + re.length() + " characters, over the limit of "
          + options.maxRegexLength() + " (setting max-regex-length)", line);
    }
    int flags = 0;
    StringBuilder flagText = new StringBuilder();
    if (set.contains(Modifier.RE_I)) {
      flags |= Pattern.CASE_INSENSITIVE;
      flagText.append('i');
    }
    if (set.contains(Modifier.RE_M)) {
      flags |= Pattern.MULTILINE;
      flagText.append('m');
    }
    if (set.contains(Modifier.RE_S)) {
      flags |= Pattern.DOTALL;
      flagText.append('s');
    }
    try {
      return new RegexMatcher(Pattern.compile(re, flags), flagText.toString());
    } catch (PatternSyntaxException e) {
      throw new RuleSyntaxException("invalid regular expression '" + re + "': " + e.getDescription(), line);
    }
  }

  private Condition fieldRef(FieldPath path, Set<Modifier> set, List<YScalar> values, int line) {
    for (Modifier m : set) {
      if (m != Modifier.FIELDREF && !m.isPosition() && m != Modifier.CASED && m != Modifier.NEQ
          && m != Modifier.ALL) {
        throw new RuleSyntaxException("the " + m.displayName() + " modifier cannot be used with fieldref", line);
      }
    }
    FieldRefTest.Op op = set.contains(Modifier.CONTAINS) ? FieldRefTest.Op.CONTAINS
        : set.contains(Modifier.STARTSWITH) ? FieldRefTest.Op.STARTSWITH
        : set.contains(Modifier.ENDSWITH) ? FieldRefTest.Op.ENDSWITH : FieldRefTest.Op.EQUALS;
    List<Condition> tests = new ArrayList<>();
    for (YScalar v : values) {
      String other = v.text();
      if (other.indexOf('*') >= 0 || other.indexOf('?') >= 0) {
        throw new RuleSyntaxException("fieldref names a field and cannot contain wildcards: '" + other + "'", line);
      }
      tests.add(new FieldRefTest(path, options.path(other), op,
          set.contains(Modifier.CASED)));
    }
    Condition c = tests.size() == 1 ? tests.get(0)
        : set.contains(Modifier.ALL) ? new AllOf(tests) : new AnyOf(tests);
    return set.contains(Modifier.NEQ) ? new Not(c) : c;
  }

  private static TimePartMatcher.Part timePart(Modifier m) {
    return switch (m) {
      case MINUTE -> TimePartMatcher.Part.MINUTE;
      case HOUR -> TimePartMatcher.Part.HOUR;
      case DAY -> TimePartMatcher.Part.DAY;
      case WEEK -> TimePartMatcher.Part.WEEK;
      case MONTH -> TimePartMatcher.Part.MONTH;
      default -> TimePartMatcher.Part.YEAR;
    };
  }

  private static BigDecimal number(YScalar v) {
    Object raw = v.value();
    if (raw instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (raw instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (raw instanceof Double d && Double.isFinite(d)) {
      return BigDecimal.valueOf(d);
    }
    return null;
  }
}
