package dev.kumo.sigma.yaml;

import java.io.Reader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML 1.1 (as PyYAML and pySigma do) into {@link YNode} trees with line numbers.
 *
 * <p>Safe by construction: no Java types are instantiated, aliases are limited, and documents
 * deeper than {@link #MAX_DEPTH} or larger than {@code maxCodePoints} are rejected.
 */
public final class YamlReader {
  /** Deepest nesting accepted in a rule document. */
  public static final int MAX_DEPTH = 64;

  private final int maxCodePoints;

  public YamlReader(int maxCodePoints) {
    this.maxCodePoints = maxCodePoints;
  }

  public YamlReader() {
    this(4 * 1024 * 1024);
  }

  /** One parsed document, or the error that stopped it. */
  public record Document(@org.jspecify.annotations.Nullable YNode root, int line,
      @org.jspecify.annotations.Nullable String error, List<String> warnings) {}

  /**
   * Parses every document in the stream. A syntax error ends the stream: the documents before it
   * are returned, followed by one {@link Document} carrying the error and its line.
   */
  public List<Document> readAll(Reader reader) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(maxCodePoints);
    options.setNestingDepthLimit(MAX_DEPTH);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    List<Document> docs = new ArrayList<>();
    try {
      for (Node node : yaml.composeAll(reader)) {
        List<String> warnings = new ArrayList<>();
        if (node == null) {
          continue;
        }
        YNode root = convert(node, 0, warnings);
        docs.add(new Document(root, line(node), null, warnings));
      }
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      docs.add(new Document(null, line, "YAML syntax error: " + oneLine(e.getProblem()), List.of()));
    } catch (YAMLException | YamlStructureException e) {
      int line = e instanceof YamlStructureException s ? s.line : 0;
      docs.add(new Document(null, line, "YAML error: " + oneLine(e.getMessage()), List.of()));
    }
    return docs;
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "unknown problem";
    }
    return s.replace('\n', ' ').trim();
  }

  private static int line(Node n) {
    return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
  }

  private static YNode convert(Node node, int depth, List<String> warnings) {
    if (depth > MAX_DEPTH) {
      throw new YamlStructureException("document nested deeper than " + MAX_DEPTH, line(node));
    }
    if (node instanceof MappingNode m) {
      Map<String, YNode> entries = new LinkedHashMap<>();
      Map<String, Integer> lines = new HashMap<>();
      for (NodeTuple t : m.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) {
          throw new YamlStructureException("map keys must be plain values", line(t.getKeyNode()));
        }
        String key = k.getValue();
        if (entries.containsKey(key)) {
          warnings.add("line " + line(k) + ": duplicate key '" + key + "'; the last one wins");
        }
        entries.put(key, convert(t.getValueNode(), depth + 1, warnings));
        lines.put(key, line(k));
      }
      return new YMap(entries, lines, line(node));
    }
    if (node instanceof SequenceNode s) {
      List<YNode> items = new ArrayList<>(s.getValue().size());
      for (Node item : s.getValue()) {
        items.add(convert(item, depth + 1, warnings));
      }
      return new YList(items, line(node));
    }
    ScalarNode s = (ScalarNode) node;
    return new YScalar(scalarValue(s), s.getValue(), line(node));
  }

  private static Object scalarValue(ScalarNode s) {
    String raw = s.getValue();
    Tag tag = s.getTag();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      String v = raw.toLowerCase(Locale.ROOT);
      return v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y");
    }
    if (Tag.INT.equals(tag)) {
      String v = raw.replace("_", "");
      try {
        if (v.startsWith("0x") || v.startsWith("-0x")) {
          return parseInteger(v.replace("0x", ""), 16);
        }
        if (v.startsWith("0b")) {
          return parseInteger(v.substring(2), 2);
        }
        if (v.length() > 1 && v.startsWith("0") && !v.contains(":")) {
          return parseInteger(v.substring(1), 8);
        }
        return parseInteger(v, 10);
      } catch (NumberFormatException e) {
        return raw;
      }
    }
    if (Tag.FLOAT.equals(tag)) {
      try {
        return Double.parseDouble(raw.replace("_", ""));
      } catch (NumberFormatException e) {
        return raw;
      }
    }
    return raw;
  }

  private static Object parseInteger(String v, int radix) {
    BigInteger b = new BigInteger(v, radix);
    return b.bitLength() < 64 ? (Object) b.longValue() : b;
  }

  private static final class YamlStructureException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;

    YamlStructureException(String message, int line) {
      super(message, null, false, false);
      this.line = line;
    }
  }
}
