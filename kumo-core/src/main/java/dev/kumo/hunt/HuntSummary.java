package dev.kumo.hunt;

import dev.kumo.ingest.IngestProblem;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.sigma.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything a hunt counted. Written as JSON by {@code --summary} (schema {@link #SCHEMA}).
 *
 * @param bytes bytes read from disk (compressed size for compressed files)
 * @param jsonBytes bytes of log text after decompression
 * @param eventsWithFindings events that produced at least one kept finding
 * @param dryRunRules experimental rules and detectors, with the findings they would have reported
 * @param findingsSuppressed findings a mutelist entry suppressed (counted, not reported)
 * @param suppressedByEntry suppressed findings per mutelist entry name
 * @param detectorObservations observations the Java detectors processed
 * @param detectorStateEvicted entries detectors dropped to stay within their memory limits
 * @param warnings things the user should fix (e.g. expired mutelist entries)
 * @param abortReason set when {@code --strict} stopped the hunt
 */
public record HuntSummary(
    Instant generatedAt,
    Duration elapsed,
    int threads,
    int rulesLoaded,
    long files,
    long bytes,
    long jsonBytes,
    long events,
    Map<String, Long> eventsBySource,
    long eventsOutsideRange,
    @Nullable Instant firstEvent,
    @Nullable Instant lastEvent,
    long eventsWithFindings,
    long findings,
    Map<Level, Long> findingsByLevel,
    long findingsBelowMinLevel,
    List<RuleCount> rules,
    List<TopCounter.Entry> topPrincipals,
    List<TopCounter.Entry> topAccessKeys,
    List<TopCounter.Entry> topSourceIps,
    long problems,
    Map<ProblemKind, Long> problemCounts,
    List<IngestProblem> problemExamples,
    long digestFiles,
    long correlationGroupsEvicted,
    long correlationEventsDropped,
    List<RuleCount> dryRunRules,
    long findingsSuppressed,
    Map<String, Long> suppressedByEntry,
    long detectorObservations,
    long detectorStateEvicted,
    List<String> warnings,
    @Nullable String abortReason) {

  public static final String SCHEMA = "kumo.summary/1.1";

  public HuntSummary {
    eventsBySource = Map.copyOf(eventsBySource);
    findingsByLevel = Map.copyOf(findingsByLevel);
    rules = List.copyOf(rules);
    topPrincipals = List.copyOf(topPrincipals);
    topAccessKeys = List.copyOf(topAccessKeys);
    topSourceIps = List.copyOf(topSourceIps);
    problemCounts = Map.copyOf(problemCounts);
    problemExamples = List.copyOf(problemExamples);
    dryRunRules = List.copyOf(dryRunRules);
    suppressedByEntry = Map.copyOf(suppressedByEntry);
    warnings = List.copyOf(warnings);
  }

  /** Share of events that produced no finding, in percent (Hayabusa's "data reduction"). */
  public double dataReductionPercent() {
    return events == 0 ? 0 : 100.0 * (events - eventsWithFindings) / events;
  }

  public long findings(Level level) {
    return findingsByLevel.getOrDefault(level, 0L);
  }

  public boolean aborted() {
    return abortReason != null;
  }
}
