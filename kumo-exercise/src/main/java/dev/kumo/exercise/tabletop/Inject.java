package dev.kumo.exercise.tabletop;

import java.time.Duration;
import java.util.List;

/**
 * One timed piece of the story: what the team learns, when, and what it should decide.
 *
 * @param id unique within the tabletop
 * @param at offset from the start of the exercise (see {@link Offsets})
 * @param title short headline
 * @param text what the team learns
 * @param techniques ATT&amp;CK technique ids the inject shows, possibly empty
 * @param decisions decisions expected at this inject, possibly empty
 * @param distractors wrong actions offered as choices, possibly empty
 */
public record Inject(String id, Duration at, String title, String text, List<String> techniques,
    List<Decision> decisions, List<Distractor> distractors) {
  public Inject {
    techniques = List.copyOf(techniques);
    decisions = List.copyOf(decisions);
    distractors = List.copyOf(distractors);
  }

  /** The offset as written in YAML, e.g. {@code +1h30m}. */
  public String atText() {
    return Offsets.format(at);
  }
}
