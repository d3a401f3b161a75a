package dev.kumo.detect;

import dev.kumo.sigma.RuleLogsource;
import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YScalar;
import dev.kumo.sigma.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the field-mapping data files shipped in the jar. */
public final class SourceMappings {
  private static final String ROOT = "/dev/kumo/mappings/";

  private SourceMappings() {}

  /** Every bundled mapping, in index order. */
  public static List<SourceMapping> bundled() {
    List<SourceMapping> out = new ArrayList<>();
    for (String name : lines(ROOT + "index.txt")) {
      try (InputStream in = SourceMappings.class.getResourceAsStream(ROOT + name)) {
        if (in == null) {
          throw new IllegalStateException("mapping " + name + " is listed but missing");
        }
        out.add(parse(new InputStreamReader(in, StandardCharsets.UTF_8), name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  static SourceMapping parse(java.io.Reader reader, String name) {
    List<YamlReader.Document> docs = new YamlReader().readAll(reader);
    if (docs.size() != 1 || !(docs.get(0).root() instanceof YMap m)) {
      throw new IllegalStateException("mapping " + name + " must be one YAML map");
    }
    List<RuleLogsource> logsources = new ArrayList<>();
    if (m.get("logsources") instanceof YList l) {
      for (YNode n : l.items()) {
        YMap ls = (YMap) n;
        logsources.add(new RuleLogsource(ls.string("category"), ls.string("product"), ls.string("service"), null,
            Map.of()));
      }
    }
    boolean ignoreCase = m.get("case-insensitive") instanceof YScalar ci && Boolean.TRUE.equals(ci.value());
    return new SourceMapping(m.string("source"), logsources, m.strings("index"), stringMap(m.get("fields")),
        ignoreCase, m.strings("known-fields"), stringMap(m.get("never-present")));
  }

  private static Map<String, String> stringMap(YNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n instanceof YMap m) {
      m.entries().forEach((k, v) -> {
        if (v instanceof YScalar s && s.value() != null) {
          out.put(k, s.text());
        }
      });
    }
    return out;
  }

  private static List<String> lines(String resource) {
    try (InputStream in = SourceMappings.class.getResourceAsStream(resource)) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
          .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
