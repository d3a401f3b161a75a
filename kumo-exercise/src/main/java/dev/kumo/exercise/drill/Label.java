package dev.kumo.exercise.drill;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One labelled event of a {@code kumo.labels/1} file: which scenario step produced it.
 *
 * @param eventId the event's id (Kumo's {@code NormalizedEvent.id}, e.g. CloudTrail {@code eventID}), or null
 * @param file the log file relative to the logs folder ({@code /} separators), used with {@code line}
 *     when there is no event id
 * @param line the 1-based line where the event's record starts, or 0 when not given
 * @param source the log source id, e.g. {@code aws.cloudtrail}
 * @param time when the event happened (event time)
 * @param tactic the ATT&amp;CK tactic short name as labelled (may be {@code defense-evasion}), or null
 * @param labelLine the line of the labels file this label came from
 */
public record Label(@Nullable String eventId, @Nullable String file, long line, String source, Instant time,
    String scenario, @Nullable String scenarioTitle, String step, @Nullable String stepTitle, String technique,
    @Nullable String tactic, @Nullable String threat, long labelLine) {

  /** The schema every label line names. */
  public static final String SCHEMA = "kumo.labels/1";

  /** The (file, line) location of the labelled event, or null when the label names it by id only. */
  public @Nullable Location location() {
    return file == null || line <= 0 ? null : new Location(file, line);
  }

  /** A place in the logs: file relative to the logs folder with {@code /} separators, and 1-based line. */
  public record Location(String file, long line) implements Comparable<Location> {
    @Override
    public int compareTo(Location o) {
      int c = file.compareTo(o.file);
      return c != 0 ? c : Long.compare(line, o.line);
    }

    @Override
    public String toString() {
      return file + ":" + line;
    }
  }
}
