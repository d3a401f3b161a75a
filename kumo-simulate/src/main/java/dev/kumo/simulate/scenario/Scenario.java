package dev.kumo.simulate.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An attack scenario: who attacks what, in timed steps, each tagged with its ATT&CK technique and
 * tactic. Data, loaded from YAML by {@link ScenarioReader}; played into a simulation by
 * {@link ScenarioPlayer}. Immutable.
 *
 * @param threat the report's threat category ({@code ransomware}, {@code cryptomining} ...)
 * @param start when the first step happens, from the start of the simulated period
 * @param targetAccount the kind of account attacked ({@code production}, {@code staging} ...)
 * @param targetRegion the region of the estate attacked; null for the account's home region
 * @param actors who acts, by name
 * @param file where the scenario was read from (for messages)
 */
public record Scenario(String id, String title, String threat, String description, Duration start,
    String targetAccount, String targetRegion, Map<String, ScenarioActor> actors, List<Step> steps, String file) {

  public Scenario {
    actors = Map.copyOf(actors);
    steps = List.copyOf(steps);
  }

  /** The same scenario starting {@code start} after the beginning of the simulated period. */
  public Scenario withStart(Duration start) {
    return new Scenario(id, title, threat, description, start, targetAccount, targetRegion, actors, steps, file);
  }

  /** The earliest step of {@code actor} (the first in the file among equally early ones), or null if it never acts. */
  public @Nullable Step firstStepOf(String actor) {
    return firstStep(steps, actor);
  }

  static @Nullable Step firstStep(List<Step> steps, String actor) {
    Step first = null;
    for (Step s : steps) {
      if (s.actor() != null && s.actor().equals(actor) && (first == null || s.at().compareTo(first.at()) < 0)) {
        first = s;
      }
    }
    return first;
  }

  /** When the last action of the scenario happens, from its start. */
  public Duration length() {
    Duration max = Duration.ZERO;
    for (Step s : steps) {
      Duration end = s.at().plus(s.span());
      if (end.compareTo(max) > 0) {
        max = end;
      }
    }
    return max;
  }

  /**
   * One step of a scenario: what the attacker does at {@code at} after the scenario starts.
   *
   * @param tactic the ATT&CK tactic's short name ({@code impact}, {@code defense-impairment} ...)
   * @param actions the log records the step leaves, in the order given
   */
  public record Step(String id, String title, String technique, String tactic, Duration at, String actor,
      List<ScenarioAction> actions) {

    public Step {
      actions = List.copyOf(actions);
    }

    /** How long the step's actions last. */
    public Duration span() {
      Duration max = Duration.ZERO;
      for (ScenarioAction a : actions) {
        Duration d = a.span();
        if (d.compareTo(max) > 0) {
          max = d;
        }
      }
      return max;
    }
  }
}
