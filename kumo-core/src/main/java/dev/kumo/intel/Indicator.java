package dev.kumo.intel;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One indicator of compromise from a feed. Immutable.
 *
 * @param type what the value is
 * @param value the canonical value (see {@link IndicatorType}; {@link Indicators#canonical} makes it)
 * @param feed the feed it came from (a file name, a MISP event, a TAXII collection)
 * @param id the indicator's id in its feed (STIX {@code indicator--…}, MISP attribute uuid), or null
 * @param confidence 0–100, or null when the feed does not say
 * @param validFrom from when the feed considers it valid, or null (shown, not enforced: intel learned
 *     today applies to last month's logs)
 * @param validUntil after this time it no longer matches events, or null
 * @param labels the feed's labels and tags (e.g. {@code malicious-activity}, {@code tlp:amber})
 * @param killChain kill-chain phases, as {@code chain:phase}
 * @param context what it is about, as {@code kind: name} ({@code threat-actor: APT1},
 *     {@code malware: Poison Ivy}, {@code campaign: …}, {@code attack-pattern: T1071 …})
 * @param description the feed's text, or null
 */
public record Indicator(IndicatorType type, String value, String feed, @Nullable String id,
    @Nullable Integer confidence, @Nullable Instant validFrom, @Nullable Instant validUntil, List<String> labels,
    List<String> killChain, List<String> context, @Nullable String description) implements Serializable {

  public Indicator {
    labels = List.copyOf(labels);
    killChain = List.copyOf(killChain);
    context = List.copyOf(context);
  }

  /** A bare indicator: only type, value and feed. */
  public static Indicator of(IndicatorType type, String value, String feed) {
    return new Indicator(type, value, feed, null, null, null, null, List.of(), List.of(), List.of(), null);
  }

  /** This indicator as part of another feed (an import under another name). */
  public Indicator withFeed(String otherFeed) {
    return otherFeed.equals(feed) ? this
        : new Indicator(type, value, otherFeed, id, confidence, validFrom, validUntil, labels, killChain, context,
            description);
  }

  /** Whether it still matches an event at {@code t} (it has no end, or ends after {@code t}). */
  public boolean validAt(Instant t) {
    return validUntil == null || t.isBefore(validUntil);
  }
}
