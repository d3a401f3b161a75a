package dev.kumo.cli.output;

import dev.kumo.detector.intel.IntelMatchDetector;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.finding.Reasons;
import java.io.IOException;
import java.io.Writer;

/**
 * The findings table for people: time, level, rule, ATT&CK technique, account, region, principal,
 * source IP and the finding's reason. Log content is sanitized for the terminal; when {@code width > 0} long cells
 * are shortened to fit.
 */
public final class TableFindingWriter implements FindingWriter {
  private static final int TIME = 20;
  private static final int LEVEL = 4;
  private static final int TECH = 9;
  private static final int ACCOUNT = 12;
  private static final int REGION = 14;
  private static final int IP = 15;

  private final Writer out;
  private final Style style;
  private final int ruleWidth;
  private final int principalWidth;
  private final int eventWidth;
  private final boolean fit;
  private boolean header;
  private long rows;

  /**
   * @param width terminal width to fit, or 0 for no truncation (files)
   */
  public TableFindingWriter(Writer out, Style style, int width) {
    this.out = out;
    this.style = style;
    this.fit = width > 0;
    int fixed = TIME + LEVEL + TECH + ACCOUNT + REGION + IP + 2 * 8;
    int rest = Math.max(60, width - fixed);
    this.ruleWidth = fit ? rest * 45 / 100 : 50;
    this.principalWidth = fit ? rest * 30 / 100 : 40;
    this.eventWidth = fit ? rest - ruleWidth - principalWidth : 0;
  }

  @Override
  public void write(Finding f) throws IOException {
    if (!header) {
      writeHeader();
    }
    EventSummary e = f.event();
    String level = switch (f.level()) {
      case CRITICAL -> "crit";
      case HIGH -> "high";
      case MEDIUM -> "med";
      case LOW -> "low";
      case INFORMATIONAL -> "info";
    };
    StringBuilder line = new StringBuilder();
    line.append(pad(f.time().toString(), TIME)).append("  ");
    line.append(style.level(f.level(), pad(level, LEVEL))).append("  ");
    line.append(cell(f.ruleTitle(), ruleWidth)).append("  ");
    line.append(pad(f.primaryTechnique(), TECH)).append("  ");
    line.append(cell(e.account(), ACCOUNT)).append("  ");
    line.append(cell(e.region(), REGION)).append("  ");
    line.append(cell(e.principal() == null ? null : Reasons.shortPrincipal(e.principal()), principalWidth)).append("  ");
    line.append(cell(e.sourceIp(), IP)).append("  ");
    String reason = f.suppressedBy() == null ? f.reason() : "[suppressed by " + f.suppressedBy() + "] " + f.reason();
    if (!e.intel().isEmpty() && !IntelMatchDetector.NAME.equals(f.ruleName())) {
      reason += " · intel: " + e.intel().get(0).describe() + (e.intel().size() > 1 ? " +" + (e.intel().size() - 1) : "");
    }
    line.append(cell(reason, eventWidth));
    out.write(stripTrailing(line));
    out.write('\n');
    rows++;
  }

  private void writeHeader() throws IOException {
    header = true;
    StringBuilder h = new StringBuilder();
    h.append(pad("Time (UTC)", TIME)).append("  ").append(pad("Lvl", LEVEL)).append("  ")
        .append(pad("Rule", ruleWidth)).append("  ").append(pad("ATT&CK", TECH)).append("  ")
        .append(pad("Account", ACCOUNT)).append("  ").append(pad("Region", REGION)).append("  ")
        .append(pad("Principal", principalWidth)).append("  ").append(pad("Source IP", IP)).append("  ")
        .append("Reason");
    out.write(style.bold(stripTrailing(h)));
    out.write('\n');
  }

  private String cell(String value, int width) {
    String v = value == null ? "" : Sanitize.terminal(value);
    return pad(v.isEmpty() ? "-" : v, width);
  }

  /** Pads to {@code width}; shortens with an ellipsis only when fitting a terminal. */
  private String pad(String s, int width) {
    if (width <= 0) {
      return s;
    }
    if (s.length() > width) {
      if (!fit) {
        return s;
      }
      return s.substring(0, Math.max(0, width - 1)) + "\u2026";
    }
    return s + " ".repeat(width - s.length());
  }

  private static String stripTrailing(StringBuilder sb) {
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    return sb.substring(0, end);
  }

  @Override
  public void finish() throws IOException {
    if (rows == 0) {
      out.write("No findings.\n");
    }
    out.flush();
  }
}
