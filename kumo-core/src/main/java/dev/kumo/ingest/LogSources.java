package dev.kumo.ingest;

import dev.kumo.ingest.cloudtrail.CloudTrailSource;
import dev.kumo.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** The registry of log sources, in detection order (most specific first). Immutable. */
public final class LogSources {
  private final List<LogSource> sources;

  public LogSources(List<LogSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /** Every source Kumo ships, most specific first. */
  public static LogSources defaults() {
    return new LogSources(List.of(
        new CloudTrailSource(),
        // Microsoft cloud: Entra ID, Azure, AKS, Defender, Microsoft 365 (Activity Log last: the widest envelope)
        new dev.kumo.ingest.azure.AksAuditSource(),
        new dev.kumo.ingest.azure.EntraSignInSource(),
        new dev.kumo.ingest.azure.EntraRiskDetectionSource(),
        new dev.kumo.ingest.azure.EntraPimAlertSource(),
        new dev.kumo.ingest.azure.EntraAuditSource(),
        new dev.kumo.ingest.azure.DefenderAlertSource(),
        new dev.kumo.ingest.m365.M365AuditSource(),
        new dev.kumo.ingest.azure.AzureActivitySource()));
  }

  public List<LogSource> all() {
    return sources;
  }

  public Optional<LogSource> byId(String id) {
    return sources.stream().filter(s -> s.id().equalsIgnoreCase(id)).findFirst();
  }

  /**
   * The source of a JSON record: by its Panther log type when it carries one, else the first JSON
   * source that recognizes it.
   */
  public Optional<LogSource> detect(JsonObject record) {
    if (record.get("p_log_type") instanceof String pantherType) {
      for (LogSource s : sources) {
        if (s.pantherLogTypes().contains(pantherType)) {
          return Optional.of(s);
        }
      }
    }
    for (LogSource s : sources) {
      if (s instanceof JsonLogSource j && j.recognizes(record)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The first text source whose sniffing accepts these lines, with its parser. */
  public Optional<Detected> detectText(List<String> firstLines) {
    for (LogSource s : sources) {
      if (s instanceof TextLogSource t) {
        Optional<TextLogSource.LineParser> p = t.sniff(firstLines);
        if (p.isPresent()) {
          return Optional.of(new Detected(t, p.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** A text source and the parser it chose for a file. */
  public record Detected(TextLogSource source, TextLogSource.LineParser parser) {}
}
