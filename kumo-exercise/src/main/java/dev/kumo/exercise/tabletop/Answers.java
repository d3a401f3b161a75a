package dev.kumo.exercise.tabletop;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a team answered in one run of a tabletop: read from an answers file ({@link AnswersReader}) or recorded by
 * an {@link InteractiveSession}, and written back with {@link AnswersWriter}.
 *
 * @param tabletop the id of the tabletop answered
 * @param team who took part
 * @param injects the response to each inject, by inject id, in the order given; injects left out were not answered
 */
public record Answers(String tabletop, List<Member> team, Map<String, Response> injects) {
  public Answers {
    team = List.copyOf(team);
    injects = Collections.unmodifiableMap(new LinkedHashMap<>(injects));
  }

  /** A person present and the role they played. */
  public record Member(String name, String role) {}

  /**
   * The team's response to one inject.
   *
   * @param at when the inject was shown, or null
   * @param owners roles present or assigned for this inject
   * @param actions what the team chose or wrote, in order
   */
  public record Response(@Nullable Instant at, List<String> owners, List<Action> actions) {
    public Response {
      owners = List.copyOf(owners);
      actions = List.copyOf(actions);
    }
  }

  /**
   * One action: a decision or distractor id, or free text matched by keywords.
   *
   * @param text the id or the free text
   * @param owner the role that takes it, or null when not said
   * @param at when it was recorded, or null
   */
  public record Action(String text, @Nullable String owner, @Nullable Instant at) {}
}
