package dev.kumo.flink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message of the control topic, schema {@value #SCHEMA}: a new rule set to run from now on.
 *
 * <pre>{"schema": "kumo.rules/1", "version": "2026-11-26.1", "builtin": true,
 *  "rules": {"my-rules.yml": "title: ...\n..."}}</pre>
 *
 * {@code rules} maps file names to Sigma YAML (several documents per file allowed); with
 * {@code builtin} (default true) Kumo's built-in pack is loaded too, as with {@code kumo hunt --rules}.
 * {@code intel} (optional) maps file names to threat intel in any format {@code kumo hunt --intel}
 * reads; it replaces the intel loaded at start.
 *
 * @param version the version every finding of these rules carries ({@code rules_version})
 */
public record RulesUpdate(String version, boolean builtin, Map<String, String> rules, Map<String, String> intel) {
  public static final String SCHEMA = "kumo.rules/1";
  private static final JsonFactory JSON = new JsonFactory();
  /** Longest control message accepted. */
  public static final int MAX_BYTES = 16 << 20;

  public RulesUpdate {
    rules = Map.copyOf(rules);
    intel = Map.copyOf(intel);
  }

  /**
   * Parses a control message.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static RulesUpdate parse(String text) {
    if (text.length() > MAX_BYTES) {
      throw new IllegalArgumentException("control message longer than " + MAX_BYTES + " characters");
    }
    String schema = null;
    String version = null;
    boolean builtin = true;
    Map<String, String> rules = new LinkedHashMap<>();
    Map<String, String> intel = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("a control message is a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "schema" -> schema = text(p, v, name);
          case "version" -> version = text(p, v, name);
          case "builtin" -> {
            if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
              throw new IllegalArgumentException("'builtin' must be true or false");
            }
            builtin = v == JsonToken.VALUE_TRUE;
          }
          case "rules" -> files(p, v, name, rules);
          case "intel" -> files(p, v, name, intel);
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage());
    }
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException("schema must be " + SCHEMA + ", got " + schema);
    }
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("'version' is missing");
    }
    for (String file : rules.keySet()) {
      if (!file.matches("[A-Za-z0-9._-]{1,100}\\.ya?ml")) {
        throw new IllegalArgumentException("rule file name '" + file + "' must be a plain name ending .yml or .yaml");
      }
    }
    for (String file : intel.keySet()) {
      if (!file.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
        throw new IllegalArgumentException("intel file name '" + file + "' must be a plain file name");
      }
    }
    return new RulesUpdate(version, builtin, rules, intel);
  }

  private static void files(JsonParser p, JsonToken v, String name, Map<String, String> into) throws IOException {
    if (v != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException("'" + name + "' must map file names to their text");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String file = p.currentName();
      into.put(file, text(p, p.nextToken(), name + "." + file));
    }
  }

  private static String text(JsonParser p, JsonToken v, String name) throws IOException {
    if (v != JsonToken.VALUE_STRING) {
      throw new IllegalArgumentException("'" + name + "' must be a string");
    }
    return p.getText();
  }
}
