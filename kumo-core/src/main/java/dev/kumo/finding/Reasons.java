package dev.kumo.finding;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the one-line reasons findings carry. Reasons quote log values verbatim (bounded in
 * length); writers escape them for their medium.
 */
public final class Reasons {
  /** Longest quoted value; longer ones are cut with an ellipsis. */
  public static final int MAX_VALUE = 80;

  private Reasons() {}

  /**
   * What one event did: {@code DeleteTrail (cloudtrail.amazonaws.com) by user/alice from 203.0.113.5},
   * then any quoted {@code name=value} pairs whose value the sentence does not already say.
   */
  public static String event(EventSummary e, Map<String, String> quoted) {
    StringBuilder sb = new StringBuilder();
    sb.append(e.operation() == null ? "event" : cut(e.operation()));
    if (e.service() != null) {
      sb.append(" (").append(cut(e.service())).append(')');
    }
    if (e.errorCode() != null) {
      sb.append(" failed with ").append(cut(e.errorCode()));
    }
    if (e.principal() != null) {
      sb.append(" by ").append(cut(shortPrincipal(e.principal())));
    }
    if (e.sourceIp() != null) {
      sb.append(" from ").append(cut(e.sourceIp()));
    }
    if (e.destination() != null) {
      sb.append(" to ").append(cut(e.destination()));
    }
    String sep = ": ";
    for (Map.Entry<String, String> q : quoted.entrySet()) {
      String v = q.getValue();
      if (v.equals(e.operation()) || v.equals(e.service()) || v.equals(e.principal()) || v.equals(e.sourceIp())
          || v.equals(e.errorCode()) || v.equals(e.destination())) {
        continue;
      }
      sb.append(sep).append(lastSegment(q.getKey())).append('=').append(cut(q.getValue()));
      sep = ", ";
    }
    return sb.toString();
  }

  /** What a correlation counted: {@code 57 events (event_count) for userIdentity.arn=… within 4m 32s}. */
  public static String correlation(CorrelationInfo c, EventSummary last) {
    StringBuilder sb = new StringBuilder();
    sb.append(c.eventCount()).append(c.eventCount() == 1 ? " event" : " events").append(" (").append(c.type());
    if (!c.type().equals("event_count") && !c.type().startsWith("temporal")) {
      sb.append(' ').append(number(c.value()));
    }
    sb.append(')');
    String sep = " for ";
    for (Map.Entry<String, String> g : c.group().entrySet()) {
      sb.append(sep).append(g.getKey()).append('=').append(g.getValue() == null ? "(missing)" : cut(g.getValue()));
      sep = ", ";
    }
    sb.append(" within ").append(duration(Duration.between(c.firstTime(), last.time())));
    return sb.toString();
  }

  /** {@code arn:aws:iam::123456789012:user/alice} → {@code user/alice}; other labels unchanged. */
  public static String shortPrincipal(String principal) {
    if (principal.startsWith("arn:")) {
      String[] parts = principal.split(":", 6);
      if (parts.length == 6 && !parts[5].isEmpty()) {
        return parts[5];
      }
    }
    return principal;
  }

  /** A value shortened to {@link #MAX_VALUE} characters. */
  public static String cut(String value) {
    return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "\u2026";
  }

  /** A duration as {@code 4m 32s}, {@code 2h 5m}, {@code 3d 4h} or {@code 0s}. */
  public static String duration(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m" + (s % 60 == 0 ? "" : " " + s % 60 + "s");
    }
    if (s < 86_400) {
      return s / 3600 + "h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + "m");
    }
    return s / 86_400 + "d" + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400 / 3600 + "h");
  }

  /** A number without a trailing {@code .0}, with at most two decimals. */
  public static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(java.util.Locale.ROOT, "%.2f", v);
  }

  /** The last meaningful segment of a dotted path ({@code a.FlowLogId.content} → {@code FlowLogId}). */
  private static String lastSegment(String path) {
    String[] parts = path.split("\\.");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (!parts[i].isEmpty() && !WRAPPERS.contains(parts[i])) {
        return parts[i];
      }
    }
    return path;
  }

  /** Wrapper keys that say nothing about the value (CloudTrail's EC2 request shapes). */
  private static final java.util.Set<String> WRAPPERS = java.util.Set.of("content", "items", "item", "value", "tag");

  /** Joins non-null parts with a separator (for detector reasons). */
  public static String join(String separator, List<@Nullable String> parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isEmpty()) {
        if (!sb.isEmpty()) {
          sb.append(separator);
        }
        sb.append(p);
      }
    }
    return sb.toString();
  }
}
