package dev.kumo.exercise.tabletop;

import java.util.List;

/**
 * A wrong or harmful action offered as a choice, e.g. "terminate the instance now".
 *
 * @param id unique within the tabletop
 * @param text the action as offered
 * @param weight points it costs, always negative
 * @param why why it is wrong, shown in the after-action report
 * @param keywords phrases that recognise it in free-text answers that match no decision
 */
public record Distractor(String id, String text, int weight, String why, List<String> keywords) {
  public Distractor {
    keywords = List.copyOf(keywords);
  }

  /** Whether a free-text answer contains one of the {@link #keywords()}, ignoring case. */
  public boolean matches(String freeText) {
    return Decision.Keywords.matchAny(keywords, freeText);
  }
}
