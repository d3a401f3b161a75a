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

  /** Every source Kumo ships. */
  public static LogSources defaults() {
    return new LogSources(List.of(new CloudTrailSource()));
  }

  public List<LogSource> all() {
    return sources;
  }

  public Optional<LogSource> byId(String id) {
    return sources.stream().filter(s -> s.id().equalsIgnoreCase(id)).findFirst();
  }

  /** The first source that recognizes {@code record}. */
  public Optional<LogSource> detect(JsonObject record) {
    for (LogSource s : sources) {
      if (s.recognizes(record)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
