package dev.kumo.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.hunt.HuntSummary;
import dev.kumo.hunt.RuleCount;
import dev.kumo.hunt.TopCounter;
import dev.kumo.ingest.IngestProblem;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.sigma.Level;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hunt summary as JSON for automation (schema {@link HuntSummary#SCHEMA}): events per source,
 * skipped records per reason with examples, findings per level and per rule. Keys are sorted and
 * run-dependent values (timings) sit under {@code run}, so summaries of two runs diff cleanly.
 */
public final class SummaryJsonWriter {
  private SummaryJsonWriter() {}

  public static void write(HuntSummary s, RulesInfo rules, Writer out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeStringField("schema", HuntSummary.SCHEMA);
    g.writeObjectFieldStart("run");
    g.writeStringField("started", s.generatedAt().toString());
    g.writeNumberField("elapsed_ms", s.elapsed().toMillis());
    g.writeNumberField("threads", s.threads());
    g.writeBooleanField("aborted", s.aborted());
    g.writeStringField("abort_reason", s.abortReason());
    g.writeEndObject();

    g.writeObjectFieldStart("input");
    g.writeNumberField("files", s.files());
    g.writeNumberField("bytes", s.bytes());
    g.writeNumberField("events", s.events());
    g.writeObjectFieldStart("events_by_source");
    for (Map.Entry<String, Long> e : new TreeMap<>(s.eventsBySource()).entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("events_outside_time_range", s.eventsOutsideRange());
    g.writeStringField("first_event_time", s.firstEvent() == null ? null : s.firstEvent().toString());
    g.writeStringField("last_event_time", s.lastEvent() == null ? null : s.lastEvent().toString());
    g.writeNumberField("digest_files_skipped", s.digestFiles());
    g.writeEndObject();

    g.writeObjectFieldStart("skipped");
    g.writeNumberField("total", s.problems());
    g.writeObjectFieldStart("by_reason");
    for (ProblemKind k : ProblemKind.values()) {
      Long n = s.problemCounts().get(k);
      if (n != null) {
        g.writeNumberField(k.id(), n);
      }
    }
    g.writeEndObject();
    g.writeArrayFieldStart("examples");
    for (IngestProblem p : s.problemExamples()) {
      g.writeStartObject();
      g.writeStringField("reason", p.kind().id());
      g.writeStringField("file", p.file());
      g.writeNumberField("line", p.line());
      g.writeNumberField("record", p.record());
      g.writeStringField("message", p.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();

    g.writeObjectFieldStart("rules");
    g.writeNumberField("loaded", rules.total());
    g.writeNumberField("builtin", rules.builtin());
    g.writeNumberField("user", rules.user());
    g.writeNumberField("correlations", rules.correlations());
    g.writeNumberField("for_unread_log_sources", rules.unrouted());
    g.writeNumberField("load_errors", rules.loadErrors());
    g.writeNumberField("detectors", rules.detectors());
    g.writeObjectFieldStart("by_source");
    for (Map.Entry<String, Integer> e : new TreeMap<>(rules.bySource()).entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();

    g.writeObjectFieldStart("findings");
    g.writeNumberField("total", s.findings());
    g.writeNumberField("events_with_findings", s.eventsWithFindings());
    g.writeNumberField("data_reduction_percent", Math.round(s.dataReductionPercent() * 100) / 100.0);
    g.writeNumberField("below_min_level", s.findingsBelowMinLevel());
    g.writeObjectFieldStart("by_level");
    for (int i = Level.values().length - 1; i >= 0; i--) {
      g.writeNumberField(Level.values()[i].id(), s.findings(Level.values()[i]));
    }
    g.writeEndObject();
    ruleCounts(g, "by_rule", s.rules());
    g.writeNumberField("suppressed", s.findingsSuppressed());
    g.writeObjectFieldStart("suppressed_by_entry");
    for (Map.Entry<String, Long> e : new TreeMap<>(s.suppressedByEntry()).entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    ruleCounts(g, "dry_run_by_rule", s.dryRunRules());
    top(g, "top_principals", s.topPrincipals());
    top(g, "top_access_keys", s.topAccessKeys());
    top(g, "top_source_ips", s.topSourceIps());
    g.writeEndObject();

    g.writeObjectFieldStart("correlation");
    g.writeNumberField("groups_evicted", s.correlationGroupsEvicted());
    g.writeNumberField("events_dropped", s.correlationEventsDropped());
    g.writeEndObject();
    g.writeArrayFieldStart("warnings");
    for (String w : s.warnings()) {
      g.writeString(w);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("detectors");
    g.writeNumberField("observations", s.detectorObservations());
    g.writeNumberField("state_entries_evicted", s.detectorStateEvicted());
    g.writeEndObject();
    g.writeEndObject();
    g.flush();
    out.write('\n');
    out.flush();
  }

  private static void ruleCounts(JsonGenerator g, String name, List<RuleCount> counts) throws IOException {
    g.writeArrayFieldStart(name);
    for (RuleCount r : counts) {
      g.writeStartObject();
      g.writeStringField("rule_id", r.ruleId());
      g.writeStringField("title", r.title());
      g.writeStringField("level", r.level().id());
      g.writeStringField("author", r.author());
      g.writeStringField("source", r.source());
      g.writeNumberField("count", r.count());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void top(JsonGenerator g, String name, List<TopCounter.Entry> entries) throws IOException {
    g.writeArrayFieldStart(name);
    for (TopCounter.Entry e : entries) {
      g.writeStartObject();
      g.writeStringField("value", e.value());
      g.writeNumberField("count", e.count());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
