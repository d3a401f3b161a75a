package dev.kumo.serve.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.attack.Tactic;
import dev.kumo.casestore.CaseQuery;
import dev.kumo.finding.Finding;
import dev.kumo.incident.IdentityLink;
import dev.kumo.incident.Incident;
import dev.kumo.incident.NarrativeStep;
import dev.kumo.investigate.AttackCounts;
import dev.kumo.investigate.Timeline;
import dev.kumo.investigate.TimelineBuilder;
import dev.kumo.investigate.TimelineEntry;
import dev.kumo.investigate.TimelineSeed;
import dev.kumo.serve.CaseAccess;
import dev.kumo.sigma.Level;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The {@code /api/v1} JSON API: what the console pages show. Described in {@code openapi.json} beside this class. */
final class ApiRoutes {
  static final String PREFIX = "/api/v1";
  private final CaseAccess cases;
  private final NotesStore notes;

  ApiRoutes(CaseAccess cases, NotesStore notes) {
    this.cases = cases;
    this.notes = notes;
  }

  void register(WebServer.Routes r) {
    r.guarded(HandlerType.GET, PREFIX + "/overview", Role.VIEWER, this::overview);
    r.guarded(HandlerType.GET, PREFIX + "/incidents", Role.VIEWER, this::incidents);
    r.guarded(HandlerType.GET, PREFIX + "/incidents/{id}", Role.VIEWER, this::incident);
    r.guarded(HandlerType.POST, PREFIX + "/incidents/{id}/notes", Role.ANALYST, this::addNote);
    r.guarded(HandlerType.PUT, PREFIX + "/incidents/{id}/status", Role.ANALYST, this::setStatus);
    r.guarded(HandlerType.GET, PREFIX + "/findings", Role.VIEWER, this::findings);
    r.guarded(HandlerType.GET, PREFIX + "/timeline", Role.VIEWER, this::timeline);
    r.guarded(HandlerType.GET, PREFIX + "/attack", Role.VIEWER, this::attack);
  }

  private static void json(Context ctx, int status, String body) {
    ctx.status(status).contentType("application/json").result(body);
  }

  private void overview(Context ctx) throws IOException {
    CaseViews.Overview o;
    try (CaseQuery q = cases.open()) {
      o = new CaseViews(q).overview();
    }
    json(ctx, 200, Json.object(g -> {
      g.writeNumberField("events", o.events());
      levels(g, "findings_by_level", o.findingsByLevel());
      levels(g, "incidents_by_level", o.incidentsByLevel());
      counts(g, "findings_by_threat", o.findingsByThreat());
      counts(g, "incidents_by_threat", o.incidentsByThreat());
      g.writeNumberField("bucket_seconds", o.bucketWidth().toSeconds());
      g.writeArrayFieldStart("buckets");
      for (CaseViews.Bucket b : o.buckets()) {
        g.writeStartObject();
        Json.field(g, "start", b.start());
        levels(g, "findings", b.findings());
        levels(g, "incidents", b.incidents());
        g.writeEndObject();
      }
      g.writeEndArray();
    }));
  }

  private void incidents(Context ctx) throws IOException {
    List<Incident> list;
    try (CaseQuery q = cases.open()) {
      list = new CaseViews(q).incidents();
    }
    json(ctx, 200, Json.object(g -> {
      g.writeArrayFieldStart("incidents");
      for (Incident i : list) {
        g.writeStartObject();
        incidentFields(g, i);
        g.writeEndObject();
      }
      g.writeEndArray();
    }));
  }

  private void incident(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    Incident inc;
    List<Finding> findings;
    try (CaseQuery q = cases.open()) {
      CaseViews v = new CaseViews(q);
      inc = v.incident(id).orElseThrow(() -> new WebError(404, "no such incident"));
      findings = v.findingsOf(inc);
    }
    json(ctx, 200, Json.object(g -> {
      incidentFields(g, inc);
      Json.strings(g, "accounts", inc.accounts());
      Json.strings(g, "regions", inc.regions());
      Json.strings(g, "access_keys", inc.accessKeys());
      Json.strings(g, "source_ips", inc.sourceIps());
      Json.strings(g, "resources", inc.resources());
      Json.strings(g, "techniques", inc.techniques());
      Json.strings(g, "why", inc.why());
      g.writeArrayFieldStart("narrative");
      for (NarrativeStep s : inc.narrative()) {
        g.writeStartObject();
        g.writeStringField("tactic", s.tactic().shortName());
        g.writeStringField("tactic_name", s.tactic().displayName());
        g.writeStringField("level", s.level().id());
        Json.field(g, "first", s.first());
        Json.field(g, "last", s.last());
        Json.strings(g, "techniques", s.techniques());
        g.writeStringField("text", s.text());
        g.writeNumberField("findings", s.findings());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("findings");
      for (Finding f : findings) {
        finding(g, f);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("notes");
      for (CaseNote n : notes.notes(inc.id())) {
        note(g, n);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("status_history");
      for (StatusChange c : notes.history(inc.id())) {
        status(g, c);
      }
      g.writeEndArray();
    }));
  }

  private void incidentFields(JsonGenerator g, Incident i) throws IOException {
    g.writeStringField("id", i.id());
    g.writeStringField("title", i.title());
    g.writeStringField("level", i.level().id());
    g.writeStringField("status", notes.status(i.id()).map(c -> c.status().id()).orElse(IncidentStatus.OPEN.id()));
    Json.field(g, "first_seen", i.firstSeen());
    Json.field(g, "last_seen", i.lastSeen());
    g.writeNumberField("finding_count", i.findings().size());
    Json.strings(g, "principals", i.principals());
    Json.strings(g, "threats", i.threats());
  }

  private void addNote(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    requireIncident(id);
    String text = Json.flatObject(ctx.body()).get("text");
    if (text == null || text.isBlank() || text.strip().length() > NotesStore.MAX_NOTE_CHARS) {
      throw new WebError(400, "'text' must have 1 to " + NotesStore.MAX_NOTE_CHARS + " characters");
    }
    CaseNote n = notes.addNote(id, WebServer.caller(ctx).name(), text);
    json(ctx, 201, Json.write(g -> note(g, n)));
  }

  private void setStatus(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    requireIncident(id);
    IncidentStatus s = IncidentStatus.parse(Json.flatObject(ctx.body()).get("status"));
    if (s == null) {
      throw new WebError(400, "'status' must be open, triaged or closed");
    }
    StatusChange c = notes.setStatus(id, s, WebServer.caller(ctx).name());
    json(ctx, 200, Json.write(g -> status(g, c)));
  }

  private void requireIncident(String id) throws IOException {
    try (CaseQuery q = cases.open()) {
      if (new CaseViews(q).incident(id).isEmpty()) {
        throw new WebError(404, "no such incident");
      }
    }
  }

  private void findings(Context ctx) throws IOException {
    FindingFilter filter = FindingFilter.of(ctx);
    CaseViews.FindingPage page;
    try (CaseQuery q = cases.open()) {
      page = new CaseViews(q).findings(filter);
    }
    json(ctx, 200, Json.object(g -> {
      g.writeNumberField("total", page.total());
      g.writeArrayFieldStart("findings");
      for (Finding f : page.findings()) {
        finding(g, f);
      }
      g.writeEndArray();
    }));
  }

  private void timeline(Context ctx) throws IOException {
    TimelineSeed seed = TimelineQuery.seed(ctx);
    if (seed == null) {
      throw new WebError(400, "give one of principal, access_key, ip, resource or session");
    }
    Timeline t;
    try (CaseQuery q = cases.open()) {
      t = new TimelineBuilder(q).build(seed);
    }
    json(ctx, 200, Json.object(g -> {
      g.writeObjectFieldStart("seed");
      g.writeStringField("kind", TimelineQuery.key(seed.kind()));
      g.writeStringField("value", seed.value());
      g.writeEndObject();
      links(g, "ancestry", t.ancestry());
      links(g, "descendants", t.descendants());
      g.writeNumberField("total", t.total());
      g.writeBooleanField("truncated", t.truncated());
      g.writeArrayFieldStart("entries");
      for (TimelineEntry e : t.entries()) {
        g.writeStartObject();
        Json.field(g, "time", e.time());
        g.writeStringField("event_id", e.eventId());
        g.writeStringField("source", e.source());
        Json.field(g, "account", e.account());
        Json.field(g, "region", e.region());
        Json.field(g, "principal", e.principal());
        Json.field(g, "access_key", e.accessKey());
        Json.field(g, "source_ip", e.sourceIp());
        Json.field(g, "user_agent", e.userAgent());
        Json.field(g, "service", e.service());
        Json.field(g, "operation", e.operation());
        Json.field(g, "error_code", e.errorCode());
        Json.strings(g, "resources", e.resources());
        g.writeNumberField("hop", e.hop());
        Json.strings(g, "findings", e.findings());
        g.writeEndObject();
      }
      g.writeEndArray();
    }));
  }

  private void attack(Context ctx) throws IOException {
    List<Finding> all;
    try (CaseQuery q = cases.open()) {
      all = new CaseViews(q).allFindings();
    }
    AttackCounts m = CaseViews.heatMap(all);
    json(ctx, 200, Json.object(g -> {
      g.writeNumberField("max", m.max());
      g.writeArrayFieldStart("tactics");
      for (Tactic t : Tactic.values()) {
        Map<String, Long> col = m.cells().get(t);
        if (col == null) {
          continue;
        }
        g.writeStartObject();
        g.writeStringField("tactic", t.shortName());
        g.writeStringField("name", t.displayName());
        counts(g, "techniques", col);
        g.writeEndObject();
      }
      g.writeEndArray();
      counts(g, "no_tactic", m.noTactic());
    }));
  }

  private static void links(JsonGenerator g, String name, List<IdentityLink> links) throws IOException {
    g.writeArrayFieldStart(name);
    for (IdentityLink l : links) {
      g.writeStartObject();
      Json.field(g, "time", l.time());
      g.writeStringField("operation", l.operation());
      Json.field(g, "from_principal", l.fromPrincipal());
      Json.field(g, "from_key", l.fromKey());
      Json.field(g, "to_principal", l.toPrincipal());
      Json.field(g, "to_key", l.toKey());
      Json.field(g, "role_arn", l.roleArn());
      Json.field(g, "source_ip", l.sourceIp());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void finding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    Json.field(g, "time", f.time());
    g.writeStringField("level", f.level().id());
    g.writeStringField("rule_id", f.ruleId());
    g.writeStringField("rule_title", f.ruleTitle());
    g.writeStringField("event_id", f.event().id());
    g.writeStringField("source", f.event().source());
    Json.field(g, "account", f.event().account());
    Json.field(g, "region", f.event().region());
    Json.field(g, "principal", f.event().principal());
    Json.field(g, "access_key", f.event().accessKeyId());
    Json.field(g, "source_ip", f.event().sourceIp());
    Json.field(g, "user_agent", f.event().userAgent());
    Json.field(g, "service", f.event().service());
    Json.field(g, "operation", f.event().operation());
    Json.field(g, "error_code", f.event().errorCode());
    Json.strings(g, "resources", f.event().resources());
    Json.strings(g, "techniques", f.techniques());
    Json.strings(g, "tactics", f.tactics().stream().map(Tactic::shortName).toList());
    Json.strings(g, "threats", f.threats());
    g.writeStringField("reason", f.reason());
    g.writeEndObject();
  }

  private static void note(JsonGenerator g, CaseNote n) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", n.id());
    g.writeStringField("incident_id", n.incidentId());
    g.writeStringField("author", n.author());
    Json.field(g, "time", n.time());
    g.writeStringField("text", n.text());
    g.writeEndObject();
  }

  private static void status(JsonGenerator g, StatusChange c) throws IOException {
    g.writeStartObject();
    g.writeStringField("incident_id", c.incidentId());
    g.writeStringField("status", c.status().id());
    g.writeStringField("author", c.author());
    Json.field(g, "time", c.time());
    g.writeEndObject();
  }

  private static void levels(JsonGenerator g, String name, Map<Level, Long> m) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<Level, Long> e : m.entrySet()) {
      g.writeNumberField(e.getKey().id(), e.getValue());
    }
    g.writeEndObject();
  }

  private static void counts(JsonGenerator g, String name, Map<String, Long> m) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : m.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }
}
