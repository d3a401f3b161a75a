package dev.kumo.intel;

import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An indicator that matched a value of an event.
 *
 * @param type the indicator's type
 * @param indicator the indicator's value (a CIDR or parent domain may differ from what was seen)
 * @param observed the event's value that matched
 * @param feed where the indicator came from
 * @param id the indicator's id in its feed, or null
 * @param confidence 0–100, or null
 * @param context what it is about ({@code threat-actor: …}, {@code malware: …})
 */
public record IntelHit(IndicatorType type, String indicator, String observed, String feed, @Nullable String id,
    @Nullable Integer confidence, List<String> context) implements Serializable, Comparable<IntelHit> {

  public IntelHit {
    context = List.copyOf(context);
  }

  static IntelHit of(Indicator i, String observed) {
    return new IntelHit(i.type(), i.value(), observed, i.feed(), i.id(), i.confidence(), i.context());
  }

  /** One line: {@code ip 45.9.148.108 (feed crypto_mining, confidence 80; malware: xmrig)}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(type.id()).append(' ').append(indicator);
    if (!indicator.equals(observed)) {
      sb.append(" [").append(observed).append(']');
    }
    sb.append(" (feed ").append(feed);
    if (confidence != null) {
      sb.append(", confidence ").append(confidence);
    }
    if (!context.isEmpty()) {
      sb.append("; ").append(String.join("; ", context));
    }
    return sb.append(')').toString();
  }

  @Override
  public int compareTo(IntelHit o) {
    int c = type.compareTo(o.type);
    if (c == 0) {
      c = indicator.compareTo(o.indicator);
    }
    if (c == 0) {
      c = feed.compareTo(o.feed);
    }
    if (c == 0) {
      c = observed.compareTo(o.observed);
    }
    return c;
  }
}
