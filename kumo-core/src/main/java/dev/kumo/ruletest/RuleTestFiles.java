package dev.kumo.ruletest;

import dev.kumo.json.JsonObject;
import dev.kumo.sigma.RuleLoader;
import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YScalar;
import dev.kumo.sigma.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds and parses rule test files. */
public final class RuleTestFiles {
  private RuleTestFiles() {}

  /** A test file that could not be parsed. */
  public static final class TestFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TestFileException(String message) {
      super(message, null, false, false);
    }
  }

  public static boolean isTestFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".tests.yml") || n.endsWith(".tests.yaml");
  }

  /** Every test file under the given folders (or the files themselves), sorted. */
  public static List<Path> find(List<Path> paths) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile).filter(RuleTestFiles::isTestFile).sorted().forEach(out::add);
        }
      } else if (isTestFile(p)) {
        out.add(p);
      }
    }
    return out;
  }

  public static RuleTestFile parse(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /** The test files of the built-in pack. */
  public static List<RuleTestFile> builtin() throws IOException {
    List<RuleTestFile> out = new ArrayList<>();
    for (String path : RuleLoader.builtinFiles()) {
      if (!path.endsWith(".tests.yml")) {
        continue;
      }
      try (InputStream in = RuleTestFiles.class.getClassLoader().getResourceAsStream(RuleLoader.BUILTIN_ROOT + path)) {
        if (in == null) {
          throw new IOException("built-in test file " + path + " is listed but missing");
        }
        out.add(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "builtin:" + path));
      }
    }
    return out;
  }

  public static RuleTestFile parse(String text, String file) {
    List<YamlReader.Document> docs = new YamlReader().readAll(new StringReader(text));
    if (docs.size() != 1) {
      throw new TestFileException(file + ": a test file must hold exactly one YAML document");
    }
    YamlReader.Document d = docs.get(0);
    if (d.error() != null) {
      throw new TestFileException(file + ":" + d.line() + ": " + d.error());
    }
    if (!(d.root() instanceof YMap m)) {
      throw new TestFileException(file + ": a test file must be a map with 'rule' and 'cases'");
    }
    String rule = m.string("rule");
    if (rule == null) {
      throw new TestFileException(file + ":" + m.line() + ": missing 'rule' (the rule's id, name or file name)");
    }
    if (!(m.get("cases") instanceof YList list) || list.items().isEmpty()) {
      throw new TestFileException(file + ":" + m.lineOf("cases") + ": 'cases' must be a non-empty list");
    }
    List<RuleTestFile.Case> cases = new ArrayList<>();
    for (YNode n : list.items()) {
      if (!(n instanceof YMap c)) {
        throw new TestFileException(file + ":" + n.line() + ": each case must be a map");
      }
      String name = c.string("name");
      if (name == null) {
        throw new TestFileException(file + ":" + c.line() + ": case has no 'name'");
      }
      if (!(c.get("match") instanceof YScalar ms) || !(ms.value() instanceof Boolean match)) {
        throw new TestFileException(file + ":" + c.line() + ": case '" + name + "' needs 'match: true' or 'match: false'");
      }
      List<JsonObject> events = new ArrayList<>();
      if (c.get("event") instanceof YMap ev) {
        events.add((JsonObject) YamlJson.toJson(ev));
      } else if (c.get("events") instanceof YList evs) {
        for (YNode e : evs.items()) {
          if (!(e instanceof YMap em)) {
            throw new TestFileException(file + ":" + e.line() + ": events must be maps");
          }
          events.add((JsonObject) YamlJson.toJson(em));
        }
      } else {
        throw new TestFileException(file + ":" + c.line() + ": case '" + name + "' needs 'event' (a map) or 'events' (a list)");
      }
      cases.add(new RuleTestFile.Case(name, match, events, c.line()));
    }
    return new RuleTestFile(file, rule, cases);
  }
}
