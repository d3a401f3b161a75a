package dev.kumo.exercise.tabletop;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The scored result of one run: built by {@link Scorer}, rendered by the reports. Immutable.
 *
 * @param decisions one result per expected decision, in tabletop order
 * @param harmful distractors the team chose
 * @param unrecognised free-text actions that matched no decision or distractor
 * @param injects points per inject
 * @param roles points per owning role
 * @param missingOwners roles owning expected decisions of an inject with nobody assigned
 * @param points total points (distractors subtract; may be negative)
 * @param max the maximum: the sum of every decision's weight
 */
public record ScoreCard(Tabletop tabletop, Answers answers, List<DecisionResult> decisions,
    List<DistractorResult> harmful, List<String> unrecognised, List<Total> injects, List<Total> roles,
    List<MissingOwner> missingOwners, double points, int max) {
  public ScoreCard {
    decisions = List.copyOf(decisions);
    harmful = List.copyOf(harmful);
    unrecognised = List.copyOf(unrecognised);
    injects = List.copyOf(injects);
    roles = List.copyOf(roles);
    missingOwners = List.copyOf(missingOwners);
  }

  /** The score as a percentage of the maximum, between 0 and 100. */
  public double percent() {
    return Total.percent(points, max);
  }

  /** Decisions made by the right owner in the right order. */
  public List<DecisionResult> wentWell() {
    return decisions.stream().filter(DecisionResult::fullCredit).toList();
  }

  /** Decisions not made at all. */
  public List<DecisionResult> missed() {
    return decisions.stream().filter(d -> !d.made()).toList();
  }

  /** Decisions made, but by a wrong or unassigned owner, or out of order. */
  public List<DecisionResult> partial() {
    return decisions.stream().filter(d -> d.made() && !d.fullCredit()).toList();
  }

  /** Whether a decision's owner was assigned. */
  public enum OwnerStatus {
    /** the expected role took it, or was assigned for the inject */
    RIGHT,
    /** another role took it */
    WRONG,
    /** nobody with the expected role was assigned */
    MISSING
  }

  /**
   * How one expected decision went.
   *
   * @param injectId the inject that expects it
   * @param made whether the team made it
   * @param takenBy the role the team said took it, or null
   * @param owner whether the owner was right (meaningless when not made)
   * @param inOrder false when its {@code before} decision was not made before it
   * @param points earned: weight, halved for a wrong or missing owner, halved again when out of order
   * @param at when it was recorded, or null
   * @param answer the team's words or id that matched it, or null
   */
  public record DecisionResult(Decision decision, String injectId, boolean made, @Nullable String takenBy,
      OwnerStatus owner, boolean inOrder, double points, @Nullable Instant at, @Nullable String answer) {
    /** Made, by the right owner, in order. */
    public boolean fullCredit() {
      return made && owner == OwnerStatus.RIGHT && inOrder;
    }
  }

  /** A harmful action chosen; {@code points} is its (negative) weight. */
  public record DistractorResult(Distractor distractor, String injectId, @Nullable String takenBy, double points,
      String answer) {}

  /** Points against the maximum for an inject or a role. */
  public record Total(String name, double points, int max) {
    public double percent() {
      return percent(points, max);
    }

    static double percent(double points, int max) {
      return max <= 0 ? 0 : Math.max(0, Math.min(100, 100.0 * points / max));
    }
  }

  /** A role that owns decisions at an inject where nobody held it. */
  public record MissingOwner(String injectId, String role, List<String> decisionIds) {
    public MissingOwner {
      decisionIds = List.copyOf(decisionIds);
    }
  }
}
