package dev.kumo.incident;

import dev.kumo.finding.Finding;
import java.io.Serializable;
import java.util.Map;

/**
 * What identifies a finding in a case: its rule, its event and (for correlations) its group,
 * written as sorted {@code key=value} pairs joined by U+001F ("" for plain findings).
 */
public record FindingKey(String ruleId, String eventId, String group) implements Serializable {
  private static final char SEP = '\u001f';

  /** The key of {@code f}. */
  public static FindingKey of(Finding f) {
    return new FindingKey(f.ruleId(), f.event().id(), f.correlation() == null ? "" : group(f.correlation().group()));
  }

  /** A correlation group as stored: {@code key=value} pairs in the group's order, joined by U+001F. */
  public static String group(Map<String, String> group) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> en : group.entrySet()) {
      if (!sb.isEmpty()) {
        sb.append(SEP);
      }
      sb.append(en.getKey()).append('=').append(en.getValue());
    }
    return sb.toString();
  }
}
