package dev.kumo.hunt;

import dev.kumo.finding.Finding;
import dev.kumo.json.JsonObject;
import dev.kumo.sigma.Level;
import dev.kumo.tuning.MuteEntry;
import dev.kumo.tuning.Mutelist;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The gates a candidate finding passes on its way out of a hunt or a stream: findings of dry-run
 * rules are counted only, findings below the minimum level are counted only, suppressed findings
 * are counted (and kept, marked, when suppressed findings are shown); the rest are kept. Stateless
 * apart from the counts it adds to; serializable, so a streaming job can ship it to its workers.
 */
public final class FindingGate implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Level minLevel;
  private final Mutelist mutelist;
  private final boolean showSuppressed;

  /** The gates of {@code options}, with the mutelist entries in force on {@code day} (UTC). */
  public FindingGate(HuntOptions options, LocalDate day) {
    this.minLevel = options.minLevel();
    this.mutelist = options.mutelist().activeOn(day);
    this.showSuppressed = options.showSuppressed();
  }

  /**
   * Passes {@code f} through the gates into {@code sink}, counting in {@code stats}.
   *
   * @param raw the event's raw record for single-event rule findings (mutelist entries may match
   *     it), else null
   * @return whether the finding was kept as a reported finding
   */
  public boolean offer(Finding f, boolean dryRun, FindingStats stats, Consumer<Finding> sink, @Nullable JsonObject raw) {
    if (dryRun) {
      stats.dryRun(f);
      return false;
    }
    if (!f.level().atLeast(minLevel)) {
      stats.belowMinLevel();
      return false;
    }
    MuteEntry mute = mutelist.match(f, raw);
    if (mute != null) {
      stats.suppressed(mute.name());
      if (showSuppressed) {
        sink.accept(f.suppressed(mute.name()));
      }
      return false;
    }
    stats.add(f);
    sink.accept(f);
    return true;
  }
}
