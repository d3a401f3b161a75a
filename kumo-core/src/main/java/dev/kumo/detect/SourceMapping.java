package dev.kumo.detect;

import dev.kumo.json.FieldPath;
import dev.kumo.sigma.RuleLogsource;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How Sigma rules see one log source: which logsources route to it, which fields index its rules,
 * how Sigma field names map to record paths, and which paths its records can hold. Loaded from
 * {@code dev/kumo/mappings/<source>.yml}.
 *
 * @param ignoreCase whether field names match record keys regardless of case
 * @param knownFields the record paths this source can have; {@code x.*} means anything under x
 * @param neverPresent fields some rules use that the source never has, with the reason
 */
public record SourceMapping(String sourceId, List<RuleLogsource> logsources, List<String> index,
    Map<String, String> fields, boolean ignoreCase, List<String> knownFields, Map<String, String> neverPresent)
    implements Serializable {

  public SourceMapping {
    logsources = List.copyOf(logsources);
    index = List.copyOf(index);
    fields = Map.copyOf(fields);
    knownFields = List.copyOf(knownFields);
    neverPresent = Map.copyOf(neverPresent);
  }

  /** Whether a rule with this logsource applies to the source. */
  public boolean applies(RuleLogsource rule) {
    for (RuleLogsource l : logsources) {
      if (rule.isSatisfiedBy(l)) {
        return true;
      }
    }
    return false;
  }

  /** The record path name for a Sigma field name. */
  public String map(String sigmaField) {
    return fields.getOrDefault(sigmaField, sigmaField);
  }

  /** The compiled path for a Sigma field name. */
  public FieldPath path(String sigmaField) {
    return FieldPath.of(map(sigmaField), ignoreCase);
  }

  /** Whether records of this source can hold {@code path} (per {@link #knownFields}). */
  public boolean isKnown(String path) {
    String p = ignoreCase ? path.toLowerCase(Locale.ROOT) : path;
    for (String pattern : knownFields) {
      String k = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
      if (k.equals("*") || k.equals(p)) {
        return true;
      }
      if (k.endsWith(".*")) {
        String prefix = k.substring(0, k.length() - 2);
        if (p.equals(prefix) || p.startsWith(prefix + ".")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The reason a field never occurs in this source, or null. */
  public String neverPresentReason(String sigmaFieldOrPath) {
    for (Map.Entry<String, String> e : neverPresent.entrySet()) {
      if (ignoreCase ? e.getKey().equalsIgnoreCase(sigmaFieldOrPath) : e.getKey().equals(sigmaFieldOrPath)) {
        return e.getValue();
      }
    }
    return null;
  }
}
