package dev.kumo.sigma;

import dev.kumo.config.Durations;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.sigma.compile.DetectionCompiler;
import dev.kumo.sigma.compile.RuleSyntaxException;
import dev.kumo.sigma.condition.Condition;
import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YScalar;
import dev.kumo.sigma.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Loads Sigma rules from files, folders, text or Kumo's built-in pack.
 *
 * <p>A rule that cannot load is reported with file, line and reason and left out; the others still
 * load. Files named {@code *.tests.yml} are rule tests, not rules, and are skipped. Thread-safe.
 */
public final class RuleLoader {
  /** Classpath folder of the built-in rule pack; {@code index.txt} lists its files. */
  public static final String BUILTIN_ROOT = "dev/kumo/rules/";
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern TAG = Pattern.compile("[a-z0-9_-]+\\.[a-z0-9._-]+");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final int MAX_RULE_FILE_BYTES = 4 * 1024 * 1024;

  private final CompileOptions options;
  private final YamlReader yaml = new YamlReader();

  public RuleLoader(CompileOptions options) {
    this.options = options;
  }

  public RuleLoader() {
    this(CompileOptions.defaults());
  }

  /** Whether a file name is a rule file ({@code .yml}/{@code .yaml}, not a {@code .tests.yml}). */
  public static boolean isRuleFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return (n.endsWith(".yml") || n.endsWith(".yaml")) && !n.endsWith(".tests.yml")
        && !n.endsWith(".tests.yaml") && !n.startsWith(".");
  }

  /** Loads every rule file under the given files and folders, in sorted path order. */
  public RuleLoadResult load(List<Path> paths) {
    RuleLoadResult result = RuleLoadResult.empty();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(p)) {
          files = s.filter(Files::isRegularFile).filter(RuleLoader::isRuleFile).sorted().toList();
        } catch (IOException e) {
          result = result.plus(problem(p.toString(), 0, null, "cannot read folder: " + e.getMessage()));
          continue;
        }
        for (Path f : files) {
          result = result.plus(loadFile(f));
        }
      } else if (Files.isRegularFile(p)) {
        result = result.plus(loadFile(p));
      } else {
        result = result.plus(problem(p.toString(), 0, null, "no such file or folder"));
      }
    }
    return result;
  }

  /** Loads one rule file. */
  public RuleLoadResult loadFile(Path file) {
    try {
      if (Files.size(file) > MAX_RULE_FILE_BYTES) {
        return problem(file.toString(), 0, null, "rule file is larger than " + MAX_RULE_FILE_BYTES + " bytes");
      }
      byte[] bytes = Files.readAllBytes(file);
      return loadText(decode(bytes), file.toString(), false);
    } catch (CharacterCodingException e) {
      return problem(file.toString(), 0, null, "rule file is not valid UTF-8");
    } catch (IOException e) {
      return problem(file.toString(), 0, null, "cannot read rule file: " + e.getMessage());
    }
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
  }

  /** Loads Kumo's built-in rule pack from the classpath. */
  public RuleLoadResult loadBuiltin() {
    return loadBuiltin(path -> true);
  }

  /**
   * Loads the rule files of the built-in pack whose path (relative to {@link #BUILTIN_ROOT}, e.g.
   * {@code web/kumo_web_jndi_lookup_in_request.yml}) {@code files} accepts; test files are never loaded.
   */
  public RuleLoadResult loadBuiltin(Predicate<String> files) {
    RuleLoadResult result = RuleLoadResult.empty();
    for (String path : builtinFiles()) {
      if (!path.endsWith(".yml") || path.endsWith(".tests.yml") || !files.test(path)) {
        continue;
      }
      try (InputStream in = RuleLoader.class.getClassLoader().getResourceAsStream(BUILTIN_ROOT + path)) {
        if (in == null) {
          result = result.plus(problem("builtin:" + path, 0, null, "listed in index.txt but missing"));
          continue;
        }
        result = result.plus(loadText(decode(in.readAllBytes()), "builtin:" + path, true));
      } catch (IOException e) {
        result = result.plus(problem("builtin:" + path, 0, null, "cannot read: " + e.getMessage()));
      }
    }
    return result;
  }

  /** The files of the built-in pack (rules and tests), relative to {@link #BUILTIN_ROOT}. */
  public static List<String> builtinFiles() {
    try (InputStream in = RuleLoader.class.getClassLoader().getResourceAsStream(BUILTIN_ROOT + "index.txt")) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Loads every document in a YAML text. */
  public RuleLoadResult loadText(String text, String file, boolean builtin) {
    List<SigmaRule> rules = new ArrayList<>();
    List<LoadProblem> problems = new ArrayList<>();
    try (Reader r = new StringReader(text)) {
      for (YamlReader.Document doc : yaml.readAll(r)) {
        if (doc.error() != null) {
          problems.add(new LoadProblem(file, doc.line(), LoadProblem.Severity.ERROR, null, doc.error()));
          continue;
        }
        for (String w : doc.warnings()) {
          problems.add(new LoadProblem(file, doc.line(), LoadProblem.Severity.WARNING, null, w));
        }
        if (doc.root() instanceof YScalar empty && empty.value() == null) {
          continue; // an empty document, e.g. after a trailing '---'
        }
        if (!(doc.root() instanceof YMap map)) {
          problems.add(new LoadProblem(file, doc.line(), LoadProblem.Severity.ERROR, null,
              "a rule document must be a map, not a " + (doc.root() == null ? "empty document" : doc.root().kind())));
          continue;
        }
        SigmaRule rule = parseDocument(map, file, builtin, problems);
        if (rule != null) {
          rules.add(rule);
        }
      }
    } catch (IOException e) {
      problems.add(new LoadProblem(file, 0, LoadProblem.Severity.ERROR, null, e.getMessage()));
    }
    return new RuleLoadResult(rules, problems);
  }

  private static RuleLoadResult problem(String file, int line, @Nullable String rule, String message) {
    return new RuleLoadResult(List.of(), List.of(new LoadProblem(file, line, LoadProblem.Severity.ERROR, rule, message)));
  }

  private @Nullable SigmaRule parseDocument(YMap doc, String file, boolean builtin, List<LoadProblem> problems) {
    String title = doc.string("title");
    String ref = doc.string("id") != null ? doc.string("id") : title;
    try {
      if (doc.has("action")) {
        throw new RuleSyntaxException("'action' documents (Sigma v1 rule collections) are not supported;"
            + " write each rule as a complete document", doc.lineOf("action"));
      }
      if (title == null || title.isBlank()) {
        throw new RuleSyntaxException("rule has no 'title'", doc.line());
      }
      RuleMeta meta = meta(doc, new RuleOrigin(file, doc.line(), builtin), file, problems);
      if (doc.has("correlation")) {
        return correlation(doc, meta);
      }
      if (doc.has("filter")) {
        return filter(doc, meta);
      }
      if (!doc.has("detection")) {
        throw new RuleSyntaxException("not a Sigma rule: it has no 'detection', 'correlation' or 'filter' section",
            doc.line());
      }
      RuleLogsource logsource = logsource(doc);
      if (!(doc.get("detection") instanceof YMap detection)) {
        throw new RuleSyntaxException("'detection' must be a map", doc.lineOf("detection"));
      }
      Condition condition = new DetectionCompiler(options).compile(detection);
      return new DetectionRule(meta, logsource, detection, condition);
    } catch (RuleSyntaxException e) {
      problems.add(new LoadProblem(file, e.line() > 0 ? e.line() : doc.line(), LoadProblem.Severity.ERROR, ref,
          e.getMessage()));
      return null;
    }
  }

  private RuleMeta meta(YMap doc, RuleOrigin origin, String file, List<LoadProblem> problems) {
    String title = doc.string("title");
    String id = doc.string("id");
    String ref = id != null ? id : title;
    if (title.length() > 256) {
      warn(problems, file, doc.lineOf("title"), ref, "title is longer than 256 characters");
    }
    if (id != null && !UUID.matcher(id).matches()) {
      warn(problems, file, doc.lineOf("id"), ref, "id '" + id + "' is not a UUID");
    }
    Level level = null;
    String levelText = doc.string("level");
    if (levelText != null) {
      level = Level.parse(levelText);
      if (level == null) {
        throw new RuleSyntaxException("unknown level '" + levelText
            + "' (use informational, low, medium, high or critical)", doc.lineOf("level"));
      }
    }
    List<String> tags = doc.strings("tags");
    for (String t : tags) {
      if (!TAG.matcher(t).matches()) {
        warn(problems, file, doc.lineOf("tags"), ref, "tag '" + t + "' does not follow namespace.value");
      }
    }
    for (String key : List.of("date", "modified")) {
      String d = doc.string(key);
      if (d != null && !DATE.matcher(d).matches()) {
        warn(problems, file, doc.lineOf(key), ref, key + " '" + d + "' is not YYYY-MM-DD (the old YYYY/MM/DD form was dropped in Sigma v2)");
      }
    }
    return new RuleMeta(title, id, doc.string("name"), doc.string("status"), doc.string("description"),
        doc.string("author"), doc.string("license"), doc.strings("references"), doc.string("date"),
        doc.string("modified"), level, tags, doc.strings("falsepositives"), doc.strings("fields"), origin);
  }

  private static void warn(List<LoadProblem> problems, String file, int line, @Nullable String rule, String msg) {
    problems.add(new LoadProblem(file, line, LoadProblem.Severity.WARNING, rule, msg));
  }

  private static RuleLogsource logsource(YMap doc) {
    if (!(doc.get("logsource") instanceof YMap ls)) {
      throw new RuleSyntaxException("rule has no 'logsource' map", doc.has("logsource") ? doc.lineOf("logsource") : doc.line());
    }
    Map<String, String> custom = new LinkedHashMap<>();
    for (Map.Entry<String, YNode> e : ls.entries().entrySet()) {
      String k = e.getKey();
      if (!List.of("category", "product", "service", "definition").contains(k) && e.getValue() instanceof YScalar s
          && s.value() != null) {
        custom.put(k, s.text());
      }
    }
    if (ls.string("category") == null && ls.string("product") == null && ls.string("service") == null) {
      throw new RuleSyntaxException("logsource needs at least one of category, product or service", ls.line());
    }
    return new RuleLogsource(ls.string("category"), ls.string("product"), ls.string("service"),
        ls.string("definition"), custom);
  }

  private FilterRule filter(YMap doc, RuleMeta meta) {
    RuleLogsource logsource = logsource(doc);
    if (!(doc.get("filter") instanceof YMap f)) {
      throw new RuleSyntaxException("'filter' must be a map", doc.lineOf("filter"));
    }
    List<String> rules = f.strings("rules");
    if (rules.isEmpty()) {
      throw new RuleSyntaxException("filter names no rules ('rules:' list)", f.line());
    }
    Map<String, YNode> body = new LinkedHashMap<>(f.entries());
    body.remove("rules");
    Map<String, Integer> lines = new HashMap<>();
    for (String k : body.keySet()) {
      lines.put(k, f.lineOf(k));
    }
    YMap detection = new YMap(body, lines, f.line());
    Condition c = new DetectionCompiler(options).compile(detection);
    return new FilterRule(meta, logsource, rules, detection, c);
  }

  private static CorrelationRule correlation(YMap doc, RuleMeta meta) {
    if (!(doc.get("correlation") instanceof YMap c)) {
      throw new RuleSyntaxException("'correlation' must be a map", doc.lineOf("correlation"));
    }
    String typeText = c.string("type");
    CorrelationRule.CorrelationType type = typeText == null ? null : CorrelationRule.CorrelationType.parse(typeText);
    if (type == null) {
      throw new RuleSyntaxException("unknown correlation type '" + typeText
          + "' (use event_count, value_count, temporal, temporal_ordered, value_sum, value_avg or value_percentile)",
          c.lineOf("type"));
    }
    List<String> rules = c.strings("rules");
    if (rules.isEmpty()) {
      throw new RuleSyntaxException("correlation names no rules ('rules:' list)", c.lineOf("rules"));
    }
    List<String> groupBy = c.strings("group-by");
    String span = c.string("timespan");
    if (span == null) {
      throw new RuleSyntaxException("correlation has no 'timespan'", c.line());
    }
    Duration timespan = timespan(span, c.lineOf("timespan"));
    List<CorrelationRule.Threshold> thresholds = new ArrayList<>();
    String valueField = null;
    Double percentile = null;
    YNode condNode = c.get("condition");
    if (condNode instanceof YMap cond) {
      for (Map.Entry<String, YNode> e : cond.entries().entrySet()) {
        String k = e.getKey();
        if (k.equals("field")) {
          List<String> fields = cond.strings("field");
          if (fields.size() != 1) {
            throw new RuleSyntaxException("condition.field must name exactly one field", cond.lineOf(k));
          }
          valueField = fields.get(0);
          continue;
        }
        if (k.equals("percentile")) {
          percentile = number(e.getValue(), cond.lineOf(k));
          continue;
        }
        CorrelationRule.Threshold.Op op = CorrelationRule.Threshold.Op.parse(k);
        if (op == null) {
          throw new RuleSyntaxException("unknown condition operator '" + k + "' (use gt, gte, lt, lte, eq or neq)",
              cond.lineOf(k));
        }
        thresholds.add(new CorrelationRule.Threshold(op, number(e.getValue(), cond.lineOf(k))));
      }
    } else if (condNode != null) {
      throw new RuleSyntaxException("correlation 'condition' must be a map such as {gte: 10}", c.lineOf("condition"));
    }
    if (thresholds.isEmpty()) {
      if (type.isTemporal()) {
        thresholds.add(new CorrelationRule.Threshold(CorrelationRule.Threshold.Op.GTE, rules.size()));
      } else {
        throw new RuleSyntaxException("correlation needs a condition such as {gte: 10}", c.line());
      }
    }
    boolean needsField = type == CorrelationRule.CorrelationType.VALUE_COUNT || type == CorrelationRule.CorrelationType.VALUE_SUM
        || type == CorrelationRule.CorrelationType.VALUE_AVG || type == CorrelationRule.CorrelationType.VALUE_PERCENTILE;
    if (needsField && valueField == null) {
      throw new RuleSyntaxException(type.id() + " needs condition.field", c.lineOf("condition"));
    }
    if (type == CorrelationRule.CorrelationType.VALUE_PERCENTILE && percentile == null) {
      throw new RuleSyntaxException("value_percentile needs condition.percentile", c.lineOf("condition"));
    }
    Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
    if (c.get("aliases") instanceof YMap am) {
      for (Map.Entry<String, YNode> e : am.entries().entrySet()) {
        if (!(e.getValue() instanceof YMap mapping)) {
          throw new RuleSyntaxException("alias '" + e.getKey() + "' must map rule names to fields", am.lineOf(e.getKey()));
        }
        Map<String, String> m = new LinkedHashMap<>();
        mapping.entries().forEach((rule, field) -> {
          if (field instanceof YScalar s && s.value() != null) {
            m.put(rule, s.text());
          }
        });
        aliases.put(e.getKey(), m);
      }
    }
    boolean generate = false;
    YNode gen = doc.has("generate") ? doc.get("generate") : c.get("generate");
    if (gen instanceof YScalar g && g.value() instanceof Boolean b) {
      generate = b;
    }
    return new CorrelationRule(meta, type, rules, groupBy, timespan, thresholds, valueField, percentile, aliases,
        generate);
  }

  private static double number(YNode n, int line) {
    if (n instanceof YScalar s && s.value() instanceof Number num) {
      return num.doubleValue();
    }
    throw new RuleSyntaxException("expected a number", line);
  }

  /** Parses a Sigma timespan such as {@code 90m}; units s m h d, and pySigma's w M y. */
  static Duration timespan(String text, int line) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new RuleSyntaxException("timespan '" + text + "' is not <number><unit> with unit s, m, h or d", line);
    }
  }


  /** Placeholders: reads a YAML map of name to list of values. */
  public static Map<String, List<String>> readPlaceholders(Path file) throws IOException {
    List<YamlReader.Document> docs = new YamlReader().readAll(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (YamlReader.Document d : docs) {
      if (d.error() != null) {
        throw new IOException(file + ":" + d.line() + ": " + d.error());
      }
      if (d.root() instanceof YMap m) {
        for (String k : m.entries().keySet()) {
          out.put(k, m.strings(k));
        }
      } else if (d.root() instanceof YList) {
        throw new IOException(file + ": placeholders must be a map of name: [values]");
      }
    }
    return out;
  }
}
