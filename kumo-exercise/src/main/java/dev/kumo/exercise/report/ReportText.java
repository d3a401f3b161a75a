package dev.kumo.exercise.report;

import dev.kumo.exercise.drill.ExerciseResult;
import dev.kumo.exercise.drill.FiredRule;
import dev.kumo.exercise.drill.StepResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Escaping and formatting shared by the reports. Log and label text is attacker-controlled. */
public final class ReportText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ReportText() {}

  /**
   * For terminals: control characters (C0, DEL, C1) and bidirectional or invisible formatting
   * characters become visible escapes such as {@code \x1b}, so log text cannot drive the terminal.
   */
  public static String terminal(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (unsafe(c)) {
        if (c < 0x100) {
          sb.append("\\x").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
        } else {
          sb.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
              .append(HEX[c & 0xF]);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** For HTML text and attribute values. Control characters are made visible first. */
  public static String html(String s) {
    return entities(terminal(s));
  }

  /** {@code & < > " '} as HTML entities, the rest as it is (the caller deals with control characters). */
  public static String entities(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * For a Markdown table cell: HTML-escaped (Markdown renders inline HTML), with the characters that
   * break cells or start formatting escaped.
   */
  public static String markdown(String s) {
    String t = html(s);
    StringBuilder sb = new StringBuilder(t.length() + 8);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if ("|\\`*_[]()#!~".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** Control characters (C0, DEL, C1) and bidirectional or invisible formatting characters. */
  public static boolean unsafe(char c) {
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200b || c == 0xfeff
        || c == 0x2028 || c == 0x2029;
  }

  /** E.g. {@code 0s}, {@code 42s}, {@code 5m 03s}, {@code 2h 05m}, {@code 3d 04h}; {@code -} for null. */
  public static String duration(@Nullable Duration d) {
    if (d == null) {
      return "-";
    }
    long s = d.getSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    if (s < 86400) {
      return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }
    return String.format(Locale.ROOT, "%dd %02dh", s / 86400, (s % 86400) / 3600);
  }

  static String percent(double p) {
    return String.format(Locale.ROOT, "%.0f%%", p);
  }

  /** Rule ids of a step, most findings first, e.g. {@code rule-a (3), rule-b (1)}. */
  static String rules(StepResult s, int max) {
    List<String> out = new ArrayList<>();
    for (FiredRule r : s.rules().subList(0, Math.min(max, s.rules().size()))) {
      out.add(r.title() + " (" + r.findings() + ")");
    }
    if (s.rules().size() > max) {
      out.add("+" + (s.rules().size() - max) + " more");
    }
    return String.join(", ", out);
  }

  /** One line: steps detected, claimed coverage, false positives. */
  static String headline(ExerciseResult r) {
    return r.detected() + " of " + r.steps().size() + " steps detected (" + percent(r.detectionPercent())
        + "); claimed coverage " + r.claimed().stream().filter(StepResult::detected).count() + "/"
        + r.claimed().size() + " (" + percent(r.claimedCoveragePercent()) + "); " + r.falsePositives()
        + " false positive(s) on unlabelled events";
  }
}
