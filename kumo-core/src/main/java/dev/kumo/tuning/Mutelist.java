package dev.kumo.tuning;

import dev.kumo.finding.Finding;
import dev.kumo.json.JsonObject;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Suppression entries, applied in order (the first matching entry names the suppression). Immutable. */
public final class Mutelist implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Mutelist EMPTY = new Mutelist(List.of());

  private final List<MuteEntry> entries;

  public Mutelist(List<MuteEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  public List<MuteEntry> entries() {
    return entries;
  }

  /** The entries in force on {@code day}: expired ones are dropped (see {@link #expired}). */
  public Mutelist activeOn(LocalDate day) {
    return new Mutelist(entries.stream().filter(e -> e.activeOn(day)).toList());
  }

  /** Entries whose expiry date has passed on {@code day}: they no longer apply and should be renewed or removed. */
  public List<MuteEntry> expired(LocalDate day) {
    return entries.stream().filter(e -> !e.activeOn(day)).toList();
  }

  /**
   * The first entry that suppresses the finding, or null.
   *
   * @param raw the event's raw record for single-event rule findings, else null
   */
  public @Nullable MuteEntry match(Finding f, @Nullable JsonObject raw) {
    for (MuteEntry e : entries) {
      if (e.matches(f, raw)) {
        return e;
      }
    }
    return null;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }
}
