package dev.kumo.serve.web;

import dev.kumo.attack.AttackCatalog;
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
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The console's server-rendered pages. Every value from the case or a user is escaped ({@link Html#text}). */
final class ConsolePages {
  private static final java.time.Duration PIVOT_MARGIN = java.time.Duration.ofHours(1);
  private static final List<Level> LEVELS = List.of(Level.CRITICAL, Level.HIGH, Level.MEDIUM, Level.LOW,
      Level.INFORMATIONAL);
  private final CaseAccess cases;
  private final NotesStore notes;

  ConsolePages(CaseAccess cases, NotesStore notes) {
    this.cases = cases;
    this.notes = notes;
  }

  void register(WebServer.Routes r) {
    r.guarded(HandlerType.GET, "/", Role.VIEWER, this::overview);
    r.guarded(HandlerType.GET, "/incidents", Role.VIEWER, this::incidents);
    r.guarded(HandlerType.GET, "/incidents/{id}", Role.VIEWER, this::incident);
    r.guarded(HandlerType.POST, "/incidents/{id}/notes", Role.ANALYST, this::addNote);
    r.guarded(HandlerType.POST, "/incidents/{id}/status", Role.ANALYST, this::setStatus);
    r.guarded(HandlerType.GET, "/timeline", Role.VIEWER, this::timeline);
    r.guarded(HandlerType.GET, "/findings", Role.VIEWER, this::findings);
    r.guarded(HandlerType.GET, "/attack", Role.VIEWER, this::attack);
  }

  private void overview(Context ctx) throws IOException {
    CaseViews.Overview o;
    try (CaseQuery q = cases.open()) {
      o = new CaseViews(q).overview();
    }
    Html h = new Html().raw("<h1>Overview</h1>\n<p class=\"muted\">").num(o.events()).raw(" events in the case.</p>\n");
    h.raw("<section><h2>By level</h2><table class=\"counts\"><thead><tr><th>Level</th><th>Findings</th>")
        .raw("<th>Incidents</th></tr></thead><tbody>\n");
    for (Level l : LEVELS) {
      h.raw("<tr><td>").raw(level(l)).raw("</td><td>").num(o.findingsByLevel().getOrDefault(l, 0L)).raw("</td><td>")
          .num(o.incidentsByLevel().getOrDefault(l, 0L)).raw("</td></tr>\n");
    }
    h.raw("</tbody></table></section>\n");
    h.raw("<section><h2>By report threat</h2>");
    if (o.findingsByThreat().isEmpty() && o.incidentsByThreat().isEmpty()) {
      h.raw("<p class=\"empty\">No findings name a threat.</p>");
    } else {
      long max = 1;
      for (long v : o.findingsByThreat().values()) {
        max = Math.max(max, v);
      }
      h.raw("<table class=\"counts\"><thead><tr><th>Threat</th><th>Findings</th><th></th><th>Incidents</th></tr>")
          .raw("</thead><tbody>\n");
      java.util.TreeSet<String> threats = new java.util.TreeSet<>(o.findingsByThreat().keySet());
      threats.addAll(o.incidentsByThreat().keySet());
      for (String t : threats) {
        long f = o.findingsByThreat().getOrDefault(t, 0L);
        h.raw("<tr><td>").text(t).raw("</td><td>").num(f).raw("</td><td><meter min=\"0\" max=\"").num(max)
            .raw("\" value=\"").num(f).raw("\"></meter></td><td>").num(o.incidentsByThreat().getOrDefault(t, 0L))
            .raw("</td></tr>\n");
      }
      h.raw("</tbody></table>");
    }
    h.raw("</section>\n<section><h2>Over time</h2>");
    if (o.buckets().isEmpty()) {
      h.raw("<p class=\"empty\">No findings yet.</p>");
    } else {
      long max = 1;
      for (CaseViews.Bucket b : o.buckets()) {
        max = Math.max(max, sum(b.findings()));
      }
      h.raw("<p class=\"muted\">Per ").text(width(o.bucketWidth())).raw(" (UTC); incidents at their first finding.</p>")
          .raw("<table class=\"over-time\"><thead><tr><th>From</th>");
      for (Level l : LEVELS) {
        h.raw("<th>").raw(level(l)).raw("</th>");
      }
      h.raw("<th>Findings</th><th></th><th>Incidents</th></tr></thead><tbody>\n");
      for (CaseViews.Bucket b : o.buckets()) {
        long total = sum(b.findings());
        h.raw("<tr><td>").time(b.start()).raw("</td>");
        for (Level l : LEVELS) {
          long n = b.findings().getOrDefault(l, 0L);
          h.raw("<td").raw(n == 0 ? " class=\"zero\"" : "").raw(">").num(n).raw("</td>");
        }
        h.raw("<td>").num(total).raw("</td><td><meter min=\"0\" max=\"").num(max).raw("\" value=\"").num(total)
            .raw("\"></meter></td><td>").num(sum(b.incidents())).raw("</td></tr>\n");
      }
      h.raw("</tbody></table>");
    }
    h.raw("</section>");
    ctx.html(Layout.page("Overview", WebServer.caller(ctx), "/", h.toString()));
  }

  private void incidents(Context ctx) throws IOException {
    List<Incident> list;
    try (CaseQuery q = cases.open()) {
      list = new CaseViews(q).incidents();
    }
    Html h = new Html().raw("<h1>Incidents</h1>\n");
    if (list.isEmpty()) {
      h.raw("<p class=\"empty\">No incidents: no findings were grouped into an attack.</p>");
    } else {
      h.raw("<table class=\"incidents\"><thead><tr><th>Level</th><th>Incident</th><th>Status</th><th>First seen</th>")
          .raw("<th>Last seen</th><th>Findings</th><th>Principals</th></tr></thead><tbody>\n");
      for (Incident i : list) {
        h.raw("<tr><td>").raw(level(i.level())).raw("</td><td><a class=\"incident-link\" href=\"/incidents/")
            .text(Html.url(i.id())).raw("\">").text(i.title()).raw("</a> <code class=\"muted\">").text(i.id())
            .raw("</code></td><td>").text(status(i.id()).id()).raw("</td><td>").time(i.firstSeen()).raw("</td><td>")
            .time(i.lastSeen()).raw("</td><td>").num(i.findings().size()).raw("</td><td>").list(first(i.principals()))
            .raw("</td></tr>\n");
      }
      h.raw("</tbody></table>");
    }
    ctx.html(Layout.page("Incidents", WebServer.caller(ctx), "/incidents", h.toString()));
  }

  private IncidentStatus status(String id) {
    return notes.status(id).map(StatusChange::status).orElse(IncidentStatus.OPEN);
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
    Caller caller = WebServer.caller(ctx);
    Html h = new Html().raw("<article class=\"incident\"><h1>").text(inc.title()).raw("</h1>\n<p>")
        .raw(level(inc.level())).raw(" <code class=\"muted\" id=\"incident-id\">").text(inc.id()).raw("</code> ")
        .time(inc.firstSeen()).raw(" &ndash; ").time(inc.lastSeen()).raw("</p>\n");
    statusSection(h, inc.id(), caller);
    // Pivots open the timeline around the incident: an hour either side of it.
    String window = "&from=" + inc.firstSeen().minus(PIVOT_MARGIN) + "&to=" + inc.lastSeen().plus(PIVOT_MARGIN);
    h.raw("<section><h2>Involved</h2><p class=\"muted\">Timelines open an hour either side of the incident.</p>")
        .raw("<dl class=\"facts\">\n");
    pivots(h, "Principals", "principal", inc.principals(), window);
    pivots(h, "Access keys", "access_key", inc.accessKeys(), window);
    pivots(h, "Source IPs", "ip", inc.sourceIps(), window);
    pivots(h, "Resources", "resource", inc.resources(), window);
    fact(h, "Accounts", inc.accounts());
    fact(h, "Regions", inc.regions());
    fact(h, "Threats", inc.threats());
    fact(h, "Techniques", inc.techniques());
    h.raw("</dl></section>\n<section><h2>Attack chain</h2><ol class=\"chain\">\n");
    for (NarrativeStep s : inc.narrative()) {
      h.raw("<li><div class=\"tactic\">").text(s.tactic().displayName()).raw(" <span class=\"muted\">")
          .text(s.tactic().id()).raw("</span></div><div class=\"muted\">").raw(level(s.level())).raw(" ")
          .time(s.first()).raw(" &ndash; ").time(s.last()).raw(" &middot; ").num(s.findings())
          .raw(s.findings() == 1 ? " finding" : " findings");
      if (!s.techniques().isEmpty()) {
        h.raw(" &middot; ").list(s.techniques());
      }
      h.raw("</div><p>").text(s.text()).raw("</p></li>\n");
    }
    h.raw("</ol>");
    if (!inc.why().isEmpty()) {
      h.raw("<h3>Why these findings belong together</h3><ul>");
      for (String w : inc.why()) {
        h.raw("<li>").text(w).raw("</li>");
      }
      h.raw("</ul>");
    }
    h.raw("</section>\n<section><h2>Findings (").num(findings.size()).raw(")</h2>");
    findingTable(h, findings);
    h.raw("</section>\n");
    PlanSection.write(h, inc, cases.location(), ctx.queryParam("playbook"));
    notesSection(h, inc.id(), caller);
    h.raw("</article>");
    ctx.html(Layout.page("Incident", caller, "/incidents", h.toString()));
  }

  private void statusSection(Html h, String id, Caller caller) {
    IncidentStatus now = status(id);
    h.raw("<section id=\"status\"><h2>Status</h2><p>Status: <strong id=\"status-value\">").text(now.id())
        .raw("</strong>");
    notes.status(id).ifPresent(c -> h.raw(" <span class=\"muted\">set by ").text(c.author()).raw(" at ")
        .time(c.time()).raw("</span>"));
    h.raw("</p>");
    if (caller.role().allows(Role.ANALYST)) {
      h.raw("<form id=\"status-form\" method=\"post\" action=\"/incidents/").text(Html.url(id)).raw("/status\">")
          .csrf(caller.session()).raw("<label>Set status <select name=\"status\" id=\"status-select\">");
      for (IncidentStatus s : IncidentStatus.values()) {
        h.raw("<option value=\"").raw(s.id()).raw("\"").raw(s == now ? " selected" : "").raw(">").raw(s.id())
            .raw("</option>");
      }
      h.raw("</select></label> <button type=\"submit\">Save</button></form>");
    }
    List<StatusChange> history = notes.history(id);
    if (history.size() > 1) {
      h.raw("<details><summary>History</summary><ul>");
      for (StatusChange c : history) {
        h.raw("<li>").text(c.status().id()).raw(" by ").text(c.author()).raw(" at ").time(c.time()).raw("</li>");
      }
      h.raw("</ul></details>");
    }
    h.raw("</section>\n");
  }

  private void notesSection(Html h, String id, Caller caller) {
    List<CaseNote> list = notes.notes(id);
    h.raw("<section id=\"notes\"><h2>Notes (").num(list.size()).raw(")</h2>");
    if (list.isEmpty()) {
      h.raw("<p class=\"empty\">No notes yet.</p>");
    } else {
      h.raw("<ol class=\"notes\">");
      for (CaseNote n : list) {
        h.raw("<li class=\"note\"><div class=\"muted\">").text(n.author()).raw(" at ").time(n.time())
            .raw("</div><p class=\"note-text\">");
        String[] lines = n.text().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
          h.raw(i == 0 ? "" : "<br>").text(lines[i]);
        }
        h.raw("</p></li>");
      }
      h.raw("</ol>");
    }
    if (caller.role().allows(Role.ANALYST)) {
      h.raw("<form id=\"note-form\" method=\"post\" action=\"/incidents/").text(Html.url(id)).raw("/notes\">")
          .csrf(caller.session()).raw("<label>Add a note<textarea id=\"note-text\" name=\"text\" rows=\"4\" maxlength=\"")
          .num(NotesStore.MAX_NOTE_CHARS).raw("\" required></textarea></label> <button type=\"submit\">Add note</button>")
          .raw("</form>");
    }
    h.raw("</section>\n");
  }

  private void addNote(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    requireIncident(id);
    String text = ctx.formParam("text");
    if (text == null || text.isBlank() || text.strip().length() > NotesStore.MAX_NOTE_CHARS) {
      throw new WebError(400, "a note must have 1 to " + NotesStore.MAX_NOTE_CHARS + " characters");
    }
    notes.addNote(id, WebServer.caller(ctx).name(), text);
    ctx.redirect("/incidents/" + Html.url(id) + "#notes", HttpStatus.SEE_OTHER);
  }

  private void setStatus(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    requireIncident(id);
    IncidentStatus s = IncidentStatus.parse(ctx.formParam("status"));
    if (s == null) {
      throw new WebError(400, "status must be open, triaged or closed");
    }
    notes.setStatus(id, s, WebServer.caller(ctx).name());
    ctx.redirect("/incidents/" + Html.url(id) + "#status", HttpStatus.SEE_OTHER);
  }

  private void requireIncident(String id) throws IOException {
    try (CaseQuery q = cases.open()) {
      if (new CaseViews(q).incident(id).isEmpty()) {
        throw new WebError(404, "no such incident");
      }
    }
  }

  private void timeline(Context ctx) throws IOException {
    TimelineSeed seed = TimelineQuery.seed(ctx);
    Html h = new Html().raw("<h1>Timeline</h1>\n<form class=\"filters\" method=\"get\" action=\"/timeline\">");
    for (String k : TimelineQuery.KEYS) {
      String v = seed != null && TimelineQuery.key(seed.kind()).equals(k) ? seed.value() : "";
      h.raw("<label>").raw(k.replace('_', ' ')).raw(" <input name=\"").raw(k).raw("\" value=\"").text(v)
          .raw("\"></label> ");
    }
    input(h, "From", "from", seed == null || seed.from() == null ? null : seed.from().toString());
    input(h, "To", "to", seed == null || seed.to() == null ? null : seed.to().toString());
    h.raw("<button type=\"submit\">Show</button></form>\n");
    if (seed == null) {
      h.raw("<p class=\"empty\">Give a principal, access key, IP address, resource or session to pivot on.</p>");
      ctx.html(Layout.page("Timeline", WebServer.caller(ctx), "/timeline", h.toString()));
      return;
    }
    Timeline t;
    try (CaseQuery q = cases.open()) {
      t = new TimelineBuilder(q).build(seed);
    }
    h.raw("<h2>").text(seed.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).raw(" <code id=\"seed\">")
        .text(seed.value()).raw("</code></h2>\n");
    if (!t.ancestry().isEmpty() || !t.descendants().isEmpty()) {
      h.raw("<section><h3>Identity chain</h3><ol class=\"chain\">");
      List<IdentityLink> links = new ArrayList<>(t.ancestry());
      links.addAll(t.descendants());
      for (IdentityLink l : links) {
        h.raw("<li>").time(l.time()).raw(" ").text(l.operation()).raw(": ")
            .pivot(l.fromKey() != null ? "access_key" : "principal", l.fromKey() != null ? l.fromKey() : l.fromPrincipal())
            .raw(" &rarr; ").pivot(l.toKey() != null ? "access_key" : "principal",
                l.toKey() != null ? l.toKey() : l.toPrincipal())
            .raw("</li>");
      }
      h.raw("</ol></section>\n");
    }
    h.raw("<p class=\"muted\">").num(t.entries().size()).raw(" of ").num(t.total()).raw(" events")
        .raw(t.truncated() ? " (cut at the limit)" : "").raw(".</p>\n");
    h.raw("<table class=\"timeline\"><thead><tr><th>Time</th><th>Hop</th><th>Principal</th><th>Access key</th>")
        .raw("<th>Source IP</th><th>User agent</th><th>Call</th><th>Error</th><th>Resources</th><th>Findings</th>")
        .raw("</tr></thead><tbody>\n");
    for (TimelineEntry e : t.entries()) {
      h.raw("<tr").raw(e.findings().isEmpty() ? "" : " class=\"hit\"").raw("><td>").time(e.time()).raw("</td><td>")
          .num(e.hop()).raw("</td><td>").pivot("principal", e.principal()).raw("</td><td>")
          .pivot("access_key", e.accessKey()).raw("</td><td>").pivot("ip", e.sourceIp()).raw("</td><td class=\"ua\">")
          .text(e.userAgent()).raw("</td><td>").text(call(e.service(), e.operation())).raw("</td><td>")
          .text(e.errorCode()).raw("</td><td>");
      for (String r : e.resources()) {
        h.pivot("resource", r).raw(" ");
      }
      h.raw("</td><td>");
      for (String f : e.findings()) {
        h.raw("<div>").text(f).raw("</div>");
      }
      h.raw("</td></tr>\n");
    }
    h.raw("</tbody></table>");
    ctx.html(Layout.page("Timeline", WebServer.caller(ctx), "/timeline", h.toString()));
  }

  private void findings(Context ctx) throws IOException {
    FindingFilter filter = FindingFilter.of(ctx);
    CaseViews.FindingPage page;
    try (CaseQuery q = cases.open()) {
      page = new CaseViews(q).findings(filter);
    }
    Html h = new Html().raw("<h1>Findings</h1>\n<form class=\"filters\" method=\"get\" action=\"/findings\">")
        .raw("<label>Level at least <select name=\"level\"><option value=\"\">any</option>");
    for (Level l : LEVELS) {
      h.raw("<option value=\"").raw(l.id()).raw("\"").raw(l == filter.level() ? " selected" : "").raw(">")
          .raw(l.id()).raw("</option>");
    }
    h.raw("</select></label> ");
    input(h, "Rule", "rule", filter.rule());
    input(h, "Actor", "actor", filter.actor());
    input(h, "From", "from", filter.from() == null ? null : filter.from().toString());
    input(h, "To", "to", filter.to() == null ? null : filter.to().toString());
    h.raw("<button type=\"submit\">Search</button></form>\n<p class=\"muted\" id=\"finding-count\">")
        .num(page.findings().size()).raw(" of ").num(page.total()).raw(" findings, newest first.</p>\n");
    findingTable(h, page.findings());
    ctx.html(Layout.page("Findings", WebServer.caller(ctx), "/findings", h.toString()));
  }

  private void attack(Context ctx) throws IOException {
    List<Finding> all;
    try (CaseQuery q = cases.open()) {
      all = new CaseViews(q).allFindings();
    }
    AttackCounts m = CaseViews.heatMap(all);
    AttackCatalog catalog = AttackCatalog.bundled();
    Html h = new Html().raw("<h1>ATT&amp;CK heat map</h1>\n");
    if (m.cells().isEmpty() && m.noTactic().isEmpty()) {
      h.raw("<p class=\"empty\">No findings name an ATT&amp;CK tactic or technique.</p>");
    } else {
      h.raw("<div class=\"heatmap\">");
      for (Tactic t : Tactic.values()) {
        column(h, t.displayName(), m.cells().getOrDefault(t, Map.of()), m.max(), catalog);
      }
      if (!m.noTactic().isEmpty()) {
        column(h, "No tactic", m.noTactic(), m.max(), catalog);
      }
      h.raw("</div><p class=\"muted\">Shade: findings per technique, relative to the busiest cell (").num(m.max())
          .raw(").</p>");
    }
    ctx.html(Layout.page("ATT&CK", WebServer.caller(ctx), "/attack", h.toString()));
  }

  private static void column(Html h, String title, Map<String, Long> col, long max, AttackCatalog catalog) {
    h.raw("<div class=\"tcol").raw(col.isEmpty() ? " none" : "").raw("\"><div class=\"thead\">").text(title)
        .raw("</div>");
    List<Map.Entry<String, Long>> entries = new ArrayList<>(col.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    for (Map.Entry<String, Long> e : entries) {
      long shade = Math.max(1, (e.getValue() * 5 + max - 1) / Math.max(1, max));
      String name = e.getKey().isEmpty() ? "no technique named" : catalog.name(e.getKey());
      h.raw("<div class=\"cell heat-").num(shade).raw("\"><span class=\"tid\">")
          .text(e.getKey().isEmpty() ? "-" : e.getKey()).raw("</span> <span class=\"count\">").num(e.getValue())
          .raw("</span>");
      if (name != null) {
        h.raw(" <span class=\"tname\">").text(name).raw("</span>");
      }
      h.raw("</div>");
    }
    h.raw("</div>\n");
  }

  private static void findingTable(Html h, List<Finding> findings) {
    if (findings.isEmpty()) {
      h.raw("<p class=\"empty\">No findings.</p>");
      return;
    }
    h.raw("<table class=\"findings\"><thead><tr><th>Time</th><th>Level</th><th>Rule</th><th>Principal</th>")
        .raw("<th>Access key</th><th>Source IP</th><th>User agent</th><th>Call</th><th>Reason</th></tr></thead><tbody>\n");
    for (Finding f : findings) {
      h.raw("<tr><td>").time(f.time()).raw("</td><td>").raw(level(f.level())).raw("</td><td>").text(f.ruleTitle())
          .raw(" <code class=\"muted\">").text(f.ruleId()).raw("</code></td><td>").pivot("principal", f.event().principal())
          .raw("</td><td>").pivot("access_key", f.event().accessKeyId()).raw("</td><td>")
          .pivot("ip", f.event().sourceIp()).raw("</td><td class=\"ua\">").text(f.event().userAgent()).raw("</td><td>")
          .text(call(f.event().service(), f.event().operation())).raw("</td><td>").text(f.reason()).raw("</td></tr>\n");
    }
    h.raw("</tbody></table>");
  }

  private static void pivots(Html h, String label, String key, List<String> values, String window) {
    if (values.isEmpty()) {
      return;
    }
    h.raw("<dt>").raw(label).raw("</dt><dd>");
    for (String v : values) {
      h.pivot(key, v, window).raw(" ");
    }
    h.raw("</dd>\n");
  }

  private static void fact(Html h, String label, List<String> values) {
    if (!values.isEmpty()) {
      h.raw("<dt>").raw(label).raw("</dt><dd>").list(values).raw("</dd>\n");
    }
  }

  private static void input(Html h, String label, String name, @Nullable String value) {
    h.raw("<label>").raw(label).raw(" <input name=\"").raw(name).raw("\" value=\"").text(value == null ? "" : value)
        .raw("\"></label> ");
  }

  private static String level(Level l) {
    return "<span class=\"level lv-" + l.id() + "\">" + l.id() + "</span>";
  }

  private static @Nullable String call(@Nullable String service, @Nullable String operation) {
    if (service == null && operation == null) {
      return null;
    }
    return (service == null ? "" : service + " ") + (operation == null ? "" : operation);
  }

  private static long sum(Map<Level, Long> m) {
    long n = 0;
    for (long v : m.values()) {
      n += v;
    }
    return n;
  }

  private static List<String> first(List<String> l) {
    return l.size() <= 5 ? l : l.subList(0, 5);
  }

  private static String width(java.time.Duration d) {
    if (d.toDays() >= 1) {
      return d.toDays() + (d.toDays() == 1 ? " day" : " days");
    }
    if (d.toHours() >= 1) {
      return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
    }
    return d.toMinutes() + " minutes";
  }
}
