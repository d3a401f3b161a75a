package dev.kumo.serve.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.deadspot.Reason;
import dev.kumo.posture.rank.Visibility;
import dev.kumo.serve.reports.DeadSpotEntry;
import dev.kumo.serve.reports.DeadSpotFilter;
import dev.kumo.serve.reports.DeadSpotsReport;
import dev.kumo.serve.reports.DeadSpotsSummary;
import dev.kumo.serve.reports.FailingResult;
import dev.kumo.serve.reports.Page;
import dev.kumo.serve.reports.PostureEntry;
import dev.kumo.serve.reports.PostureFilter;
import dev.kumo.serve.reports.PostureReport;
import dev.kumo.serve.reports.PostureSummary;
import dev.kumo.serve.reports.ReportFile;
import dev.kumo.serve.reports.ReportResource;
import dev.kumo.serve.reports.Reports;
import dev.kumo.serve.reports.TelemetryView;
import dev.kumo.sigma.Level;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/posture} and {@code GET /api/v1/dead-spots}: the report files as the console pages show them,
 * filtered and paged the same way. An unconfigured report answers 404; a report of which no version could be read
 * yet answers 503. Described in {@code openapi.json}.
 */
final class PostureApi {
  private final Reports reports;

  PostureApi(Reports reports) {
    this.reports = reports;
  }

  void register(WebServer.Routes r) {
    r.guarded(HandlerType.GET, ApiRoutes.PREFIX + "/posture", Role.VIEWER, this::posture);
    r.guarded(HandlerType.GET, ApiRoutes.PREFIX + "/dead-spots", Role.VIEWER, this::deadSpots);
  }

  private void posture(Context ctx) {
    PostureFilter filter = PosturePages.postureFilter(ctx);
    ReportFile.Snapshot<PostureReport> s = snapshot(reports.posture(), "posture");
    PostureReport report = readable(s);
    PostureSummary sum = PostureSummary.of(report);
    Page<PostureEntry> page = Page.of(report.results(), filter::matches, filter.limit(), filter.offset());
    json(ctx, Json.object(g -> {
      state(g, s, report.problems());
      g.writeObjectFieldStart("summary");
      g.writeObjectFieldStart("by_status");
      for (Status st : Status.values()) {
        g.writeNumberField(st.id(), sum.byStatus().getOrDefault(st, 0L));
      }
      g.writeEndObject();
      g.writeObjectFieldStart("failed_by_severity");
      for (Level l : Level.values()) {
        g.writeNumberField(l.id(), sum.failedBySeverity().getOrDefault(l, 0L));
      }
      g.writeEndObject();
      g.writeObjectFieldStart("failed_by_visibility");
      for (Visibility v : Visibility.values()) {
        g.writeNumberField(v.id(), sum.failedByVisibility().getOrDefault(v, 0L));
      }
      g.writeEndObject();
      counts(g, "failed_by_provider", sum.failedByProvider());
      g.writeEndObject();
      paging(g, page, filter.limit());
      g.writeArrayFieldStart("results");
      for (PostureEntry e : page.items()) {
        entry(g, e);
      }
      g.writeEndArray();
    }));
  }

  private void deadSpots(Context ctx) {
    DeadSpotFilter filter = PosturePages.deadSpotFilter(ctx);
    ReportFile.Snapshot<DeadSpotsReport> s = snapshot(reports.deadSpots(), "dead_spots");
    DeadSpotsReport report = readable(s);
    DeadSpotsSummary sum = DeadSpotsSummary.of(report);
    Page<DeadSpotEntry> page = Page.of(report.deadSpots(), filter::matches, filter.limit(), filter.offset());
    json(ctx, Json.object(g -> {
      state(g, s, report.problems());
      g.writeStringField("day", report.day());
      g.writeObjectFieldStart("summary");
      g.writeNumberField("dead_spots", sum.total());
      g.writeObjectFieldStart("by_reason");
      for (Reason r : Reason.values()) {
        g.writeNumberField(r.id(), sum.byReason().getOrDefault(r, 0L));
      }
      g.writeEndObject();
      counts(g, "by_domain", sum.byDomain());
      g.writeEndObject();
      Json.strings(g, "in_scope", report.inScope());
      Json.strings(g, "services_in_use", report.servicesInUse());
      Json.strings(g, "unclassified_services", report.unclassifiedServices());
      Json.strings(g, "warnings", report.warnings());
      paging(g, page, filter.limit());
      g.writeArrayFieldStart("dead_spots");
      for (DeadSpotEntry d : page.items()) {
        spot(g, d);
      }
      g.writeEndArray();
    }));
  }

  private static <T> ReportFile.Snapshot<T> snapshot(@Nullable ReportFile<T> file, String key) {
    if (file == null) {
      throw new WebError(404, "no report configured: set reports." + key + " in serve.yml");
    }
    return file.current();
  }

  private static <T> T readable(ReportFile.Snapshot<T> s) {
    T report = s.report();
    if (report == null) {
      throw new WebError(503, "the report cannot be read: " + s.failure());
    }
    return report;
  }

  private static void json(Context ctx, String body) {
    ctx.status(200).contentType("application/json").result(body);
  }

  private static void state(JsonGenerator g, ReportFile.Snapshot<?> s, List<String> problems) throws IOException {
    Instant modified = s.modified();
    Json.field(g, "modified", modified);
    Json.field(g, "failure", s.failure());
    Json.strings(g, "problems", problems);
  }

  private static void paging(JsonGenerator g, Page<?> page, int limit) throws IOException {
    g.writeNumberField("total", page.total());
    g.writeNumberField("offset", page.offset());
    g.writeNumberField("limit", limit);
  }

  private static void entry(JsonGenerator g, PostureEntry e) throws IOException {
    g.writeStartObject();
    g.writeNumberField("rank", e.rank());
    g.writeStringField("check", e.check());
    g.writeStringField("title", e.title());
    g.writeStringField("status", e.status().id());
    g.writeStringField("severity", e.severity().id());
    g.writeStringField("detail", e.detail());
    g.writeStringField("source", e.source());
    resource(g, e.resource());
    Json.field(g, "visibility", e.visibility() == null ? null : e.visibility().id());
    g.writeStringField("threat", e.threat());
    Json.strings(g, "attack", e.attack());
    Json.strings(g, "benchmarks", e.benchmarks());
    g.writeStringField("risk", e.risk());
    g.writeStringField("remediation", e.remediation());
    Json.field(g, "command", e.command());
    g.writeArrayFieldStart("telemetry");
    for (TelemetryView t : e.telemetry()) {
      g.writeStartObject();
      g.writeStringField("telemetry", t.telemetry());
      g.writeStringField("state", t.state());
      Json.field(g, "kumo_source", t.kumoSource());
      Json.strings(g, "rules", t.rules());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void spot(JsonGenerator g, DeadSpotEntry d) throws IOException {
    g.writeStartObject();
    g.writeNumberField("rank", d.rank());
    g.writeStringField("control", d.control());
    g.writeStringField("domain", d.domain());
    g.writeStringField("title", d.title());
    Json.field(g, "threat", d.threat());
    Json.strings(g, "reasons", d.reasons().stream().map(Reason::id).toList());
    g.writeBooleanField("blind", d.blind());
    Json.strings(g, "services", d.services());
    Json.strings(g, "owners", d.owners());
    Json.strings(g, "unowned", d.unowned());
    g.writeArrayFieldStart("failing");
    for (FailingResult f : d.failing()) {
      g.writeStartObject();
      g.writeStringField("check", f.check());
      g.writeStringField("severity", f.severity().id());
      g.writeStringField("detail", f.detail());
      g.writeStringField("visibility", f.visibility().id());
      resource(g, f.resource());
      g.writeEndObject();
    }
    g.writeEndArray();
    Json.strings(g, "missed", d.missed());
    Json.strings(g, "evidence", d.evidence());
    Json.strings(g, "attack", d.attack());
    g.writeEndObject();
  }

  private static void resource(JsonGenerator g, ReportResource r) throws IOException {
    g.writeObjectFieldStart("resource");
    g.writeStringField("provider", r.provider());
    g.writeStringField("kind", r.kind());
    g.writeStringField("id", r.id());
    g.writeStringField("name", r.name());
    g.writeStringField("account", r.account());
    g.writeStringField("region", r.region());
    g.writeStringField("origin", r.origin());
    g.writeEndObject();
  }

  private static void counts(JsonGenerator g, String name, Map<String, Long> m) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : new TreeMap<>(m).entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }
}
