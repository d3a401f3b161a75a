package dev.kumo.detect;

import dev.kumo.sigma.RuleLogsource;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * How Sigma rules see one log source: which logsources route to it, which fields index its rules,
 * and how Sigma field names map to record paths. Loaded from {@code dev/kumo/mappings/<source>.yml}.
 *
 * @param neverPresent fields rules use that the source never has, with the reason
 */
public record SourceMapping(String sourceId, List<RuleLogsource> logsources, List<String> index,
    Map<String, String> fields, Map<String, String> neverPresent) implements Serializable {

  public SourceMapping {
    logsources = List.copyOf(logsources);
    index = List.copyOf(index);
    fields = Map.copyOf(fields);
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

  /** The record path for a Sigma field name. */
  public String map(String sigmaField) {
    return fields.getOrDefault(sigmaField, sigmaField);
  }
}
