package dev.kumo.exercise.tabletop;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A decision the team is expected to make at an inject.
 *
 * @param id unique within the tabletop
 * @param text what should be decided, e.g. "Snapshot every EBS volume before anything is stopped"
 * @param owner the role expected to own it
 * @param weight points it is worth, always positive
 * @param playbook link to the playbook step covering it, e.g. {@code docs/playbooks/ransomware.md#snapshot-volumes}
 * @param keywords phrases that recognise it in free-text answers (matched case-insensitively as substrings)
 * @param before id of another decision that must be made before this one, or null
 */
public record Decision(String id, String text, String owner, int weight, String playbook, List<String> keywords,
    @Nullable String before) {
  public Decision {
    keywords = List.copyOf(keywords);
  }

  /** Whether a free-text answer contains one of the {@link #keywords()}, ignoring case. */
  public boolean matches(String freeText) {
    return Keywords.matchAny(keywords, freeText);
  }

  /** Keyword matching shared by decisions and distractors. */
  static final class Keywords {
    private Keywords() {}

    static boolean matchAny(List<String> keywords, String text) {
      String t = text.toLowerCase(Locale.ROOT);
      for (String k : keywords) {
        if (!k.isBlank() && t.contains(k.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
      return false;
    }
  }
}
