package dev.kumo.cli.output;

import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV with a header row, the same fields as the JSON Lines output (lists joined with {@code |}).
 * Every cell goes through {@link Sanitize#csv}, so no log value can become a spreadsheet formula.
 */
public final class CsvFindingWriter implements FindingWriter {
  /** The header; part of the versioned output schema. */
  public static final List<String> COLUMNS = List.of("time", "level", "rule_id", "rule_title", "rule_author",
      "rule_source", "attack_techniques", "attack_tactics", "threats", "reason", "evidence", "suppressed_by", "event_id", "log_source", "account",
      "region", "principal", "principal_type", "access_key_id", "source_ip", "destination", "user_agent", "event_source",
      "event_name", "error_code", "resources", "file", "line", "correlation_type", "correlation_group", "correlation_event_count");

  private final Writer out;
  private boolean header;

  public CsvFindingWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void write(Finding f) throws IOException {
    if (!header) {
      out.write(String.join(",", COLUMNS));
      out.write("\r\n");
      header = true;
    }
    EventSummary e = f.event();
    var c = f.correlation();
    String group = c == null ? "" : String.join("|", c.group().entrySet().stream()
        .map(en -> en.getKey() + "=" + en.getValue()).toList());
    row(f.time().toString(), f.level().id(), f.ruleId(), f.ruleTitle(), f.author(), f.ruleSource(),
        String.join("|", f.techniques()), String.join("|", f.tacticNames()), String.join("|", f.threats()), f.reason(),
        String.join("|", f.evidence()), f.suppressedBy(), e.id(),
        e.source(), e.account(), e.region(), e.principal(), e.principalType(), e.accessKeyId(), e.sourceIp(),
        e.destination(), e.userAgent(), e.service(), e.operation(), e.errorCode(),
        String.join("|", e.resources()), e.file(), String.valueOf(e.line()),
        c == null ? "" : c.type(), group, c == null ? "" : String.valueOf(c.eventCount()));
  }

  private void row(String... cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cells[i] == null ? "" : Sanitize.csv(cells[i]));
    }
    out.write("\r\n");
  }

  @Override
  public void finish() throws IOException {
    if (!header) {
      out.write(String.join(",", COLUMNS));
      out.write("\r\n");
    }
    out.flush();
  }
}
