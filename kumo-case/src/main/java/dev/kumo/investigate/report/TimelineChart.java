package dev.kumo.investigate.report;

import dev.kumo.sigma.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The timeline as inline SVG drawn here: events per bucket above, findings per bucket stacked by
 * level below, each with its own y axis; buckets are placed by time. Only numbers and times go into
 * the SVG.
 */
final class TimelineChart {
  private static final int W = 960;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int PANEL = 90;
  private static final int EV_TOP = 20;
  private static final int FI_TOP = EV_TOP + PANEL + 30;
  private static final int AXIS = FI_TOP + PANEL;
  private static final int H = AXIS + 34;
  private static final int TICKS = 6;
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private TimelineChart() {}

  static void write(List<TimelineBucket> buckets, HtmlOut o) {
    if (buckets.isEmpty()) {
      o.raw("<p class=\"empty\">No events in the case.</p>\n");
      return;
    }
    Instant t0 = buckets.get(0).start();
    Duration width = width(buckets);
    Instant end = buckets.get(buckets.size() - 1).start().plus(width);
    double span = Duration.between(t0, end).toMillis();
    double plotW = W - LEFT - RIGHT;
    double barW = Math.max(1, plotW * width.toMillis() / span - (plotW * width.toMillis() / span > 4 ? 1 : 0));
    long maxEvents = nice(buckets.stream().mapToLong(TimelineBucket::events).max().orElse(0));
    long maxFindings = nice(buckets.stream().mapToLong(TimelineBucket::findings).max().orElse(0));

    o.raw("<figure class=\"chart\"><svg class=\"timeline\" viewBox=\"0 0 ").num(W).raw(" ").num(H)
        .raw("\" width=\"100%\" role=\"img\" aria-labelledby=\"timeline-title\">")
        .raw("<title id=\"timeline-title\">Events and findings per ").raw(width(width))
        .raw(", UTC</title>\n");
    axis(o, EV_TOP, maxEvents, "events");
    axis(o, FI_TOP, maxFindings, "findings");
    for (TimelineBucket b : buckets) {
      double x = LEFT + plotW * Duration.between(t0, b.start()).toMillis() / span;
      String when = HtmlOut.timeText(b.start());
      if (b.events() > 0) {
        double h = PANEL * (double) b.events() / maxEvents;
        rect(o, "ev", x, EV_TOP + PANEL - h, barW, h).raw("<title>").raw(when).raw(": ").num(b.events())
            .raw(" events</title></rect>\n");
      }
      double y = FI_TOP + PANEL;
      for (Level l : Level.values()) {
        long c = b.findingsByLevel().getOrDefault(l, 0L);
        if (c > 0) {
          double h = PANEL * (double) c / maxFindings;
          y -= h;
          rect(o, "lv-" + l.id(), x, y, barW, h).raw("<title>").raw(when).raw(": ").num(c).raw(" ").raw(l.id())
              .raw(c == 1 ? " finding" : " findings").raw("</title></rect>\n");
        }
      }
    }
    o.raw("<line class=\"axis\" x1=\"").num(LEFT).raw("\" y1=\"").num(AXIS).raw("\" x2=\"").num(W - RIGHT)
        .raw("\" y2=\"").num(AXIS).raw("\"/>\n");
    for (int i = 0; i <= TICKS; i++) {
      double x = LEFT + plotW * i / TICKS;
      Instant t = t0.plusMillis(Math.round(span * i / TICKS));
      String anchor = i == 0 ? "start" : i == TICKS ? "end" : "middle";
      o.raw("<line class=\"tick\" x1=\"").raw(fmt(x)).raw("\" y1=\"").num(AXIS).raw("\" x2=\"").raw(fmt(x))
          .raw("\" y2=\"").num(AXIS + 5).raw("\"/><text class=\"label\" x=\"").raw(fmt(x)).raw("\" y=\"")
          .num(AXIS + 20).raw("\" text-anchor=\"").raw(anchor).raw("\">").raw(DAY_TIME.format(t)).raw("</text>\n");
    }
    o.raw("</svg>\n<figcaption><span class=\"key\"><span class=\"swatch ev\"></span>events</span>");
    for (int i = Level.values().length - 1; i >= 0; i--) {
      Level l = Level.values()[i];
      o.raw("<span class=\"key\"><span class=\"swatch lv-").raw(l.id()).raw("\"></span>").raw(l.id()).raw("</span>");
    }
    o.raw(" <span class=\"muted\">").raw(HtmlOut.timeText(t0)).raw(" &ndash; ").raw(HtmlOut.timeText(end))
        .raw(", one bar per ").raw(width(width)).raw("</span></figcaption></figure>\n");
  }

  private static void axis(HtmlOut o, int top, long max, String what) {
    o.raw("<text class=\"label\" x=\"").num(LEFT).raw("\" y=\"").num(top - 6).raw("\">").raw(what)
        .raw(" per bucket</text>\n");
    for (int i = 0; i <= 2; i++) {
      int y = top + PANEL - PANEL * i / 2;
      o.raw("<line class=\"").raw(i == 0 ? "axis" : "grid").raw("\" x1=\"").num(LEFT).raw("\" y1=\"").num(y)
          .raw("\" x2=\"").num(W - RIGHT).raw("\" y2=\"").num(y).raw("\"/><text class=\"label\" x=\"")
          .num(LEFT - 6).raw("\" y=\"").num(y + 4).raw("\" text-anchor=\"end\">").num(max * i / 2)
          .raw("</text>\n");
    }
  }

  private static HtmlOut rect(HtmlOut o, String cls, double x, double y, double w, double h) {
    return o.raw("<rect class=\"").raw(cls).raw("\" x=\"").raw(fmt(x)).raw("\" y=\"").raw(fmt(y))
        .raw("\" width=\"").raw(fmt(w)).raw("\" height=\"").raw(fmt(h)).raw("\">");
  }

  /** The buckets' width: the smallest gap between starts (one hour for a single bucket). */
  static Duration width(List<TimelineBucket> buckets) {
    @Nullable Duration min = null;
    for (int i = 1; i < buckets.size(); i++) {
      Duration gap = Duration.between(buckets.get(i - 1).start(), buckets.get(i).start());
      if (!gap.isZero() && (min == null || gap.compareTo(min) < 0)) {
        min = gap;
      }
    }
    return min == null ? Duration.ofHours(1) : min;
  }

  /** An even axis maximum at or above {@code n}: up to 10 the next even number, then 1, 2 or 5 times a power of ten. */
  static long nice(long n) {
    if (n <= 10) {
      return Math.max(2, n + (n & 1));
    }
    long p = 10;
    while (true) {
      for (long m : new long[] {1, 2, 5}) {
        if (m * p >= n) {
          return m * p;
        }
      }
      p *= 10;
    }
  }

  private static String width(Duration d) {
    long s = d.getSeconds();
    if (s % 86400 == 0) {
      return s == 86400 ? "day" : s / 86400 + " days";
    }
    if (s % 3600 == 0) {
      return s == 3600 ? "hour" : s / 3600 + " hours";
    }
    if (s % 60 == 0) {
      return s == 60 ? "minute" : s / 60 + " minutes";
    }
    return s + " seconds";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
