package dev.kumo.exercise.drill;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One step of a scenario, as its labels describe it.
 *
 * @param technique the ATT&amp;CK technique id of the step (from its first label)
 * @param tactic the tactic as labelled, or null
 * @param source the log source id its events come from
 * @param eventIds the labelled event ids (labels that named one), sorted
 * @param locations the labelled (file, line) locations (labels that named no event id), sorted
 * @param firstTime the earliest labelled event time
 * @param labels how many labels the step has
 */
public record Step(String scenario, @Nullable String scenarioTitle, String id, @Nullable String title,
    String technique, @Nullable String tactic, String source, @Nullable String threat, List<String> eventIds,
    List<Label.Location> locations, Instant firstTime, int labels) {

  public Step {
    eventIds = List.copyOf(eventIds);
    locations = List.copyOf(locations);
  }

  /** {@code scenario/step}: unique within a labels file. */
  public String key() {
    return scenario + "/" + id;
  }

  /** The step's title when labelled, else its id. */
  public String displayTitle() {
    return title == null ? id : title;
  }

  /** Labelled ids as a set. */
  public Set<String> eventIdSet() {
    return Set.copyOf(eventIds);
  }
}
