package dev.kumo.serve.web;

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
import dev.kumo.serve.reports.Reports;
import dev.kumo.sigma.Level;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The console's {@code /posture} and {@code /dead-spots} pages, from the report files configured under
 * {@code reports:} in {@code serve.yml}. Filters are GET forms; every value from a report is escaped.
 */
final class PosturePages {
  private static final List<Level> LEVELS = List.of(Level.CRITICAL, Level.HIGH, Level.MEDIUM, Level.LOW,
      Level.INFORMATIONAL);
  private final Reports reports;

  PosturePages(Reports reports) {
    this.reports = reports;
  }

  void register(WebServer.Routes r) {
    r.guarded(HandlerType.GET, "/posture", Role.VIEWER, this::posture);
    r.guarded(HandlerType.GET, "/dead-spots", Role.VIEWER, this::deadSpots);
  }

  /** The posture filter of a request ({@code status severity provider visibility q limit offset}); bad values: 400. */
  static PostureFilter postureFilter(Context ctx) {
    try {
      return PostureFilter.parse(ctx.queryParam("status"), ctx.queryParam("severity"), ctx.queryParam("provider"),
          ctx.queryParam("visibility"), ctx.queryParam("q"), ctx.queryParam("limit"), ctx.queryParam("offset"));
    } catch (IllegalArgumentException e) {
      throw new WebError(400, e.getMessage());
    }
  }

  /** The dead-spot filter of a request ({@code reason domain limit offset}); bad values: 400. */
  static DeadSpotFilter deadSpotFilter(Context ctx) {
    try {
      return DeadSpotFilter.parse(ctx.queryParam("reason"), ctx.queryParam("domain"), ctx.queryParam("limit"),
          ctx.queryParam("offset"));
    } catch (IllegalArgumentException e) {
      throw new WebError(400, e.getMessage());
    }
  }

  private void posture(Context ctx) {
    PostureFilter filter = postureFilter(ctx);
    Html h = new Html().raw("<h1>Posture</h1>\n");
    ReportFile<PostureReport> file = reports.posture();
    if (file == null) {
      notConfigured(h, "posture", "posture.jsonl",
          "kumo posture --inventory ./snapshot.json --format json --output posture.jsonl");
      ctx.html(Layout.page("Posture", WebServer.caller(ctx), "/posture", h.toString()));
      return;
    }
    ReportFile.Snapshot<PostureReport> s = file.current();
    PostureReport report = s.report();
    state(h, s, report == null ? List.of() : report.problems(), "lines");
    if (report != null) {
      postureBody(h, report, filter);
    }
    ctx.html(Layout.page("Posture", WebServer.caller(ctx), "/posture", h.toString()));
  }

  private static void postureBody(Html h, PostureReport report, PostureFilter filter) {
    PostureSummary sum = PostureSummary.of(report);
    h.raw("<section id=\"posture-summary\"><h2>Summary</h2><p class=\"muted\">").num(sum.failed())
        .raw(" failed of ").num(report.results().size()).raw(" results.</p>\n<table class=\"counts\"><thead><tr>")
        .raw("<th>Status</th><th>Results</th></tr></thead><tbody>\n");
    for (Status st : Status.values()) {
      h.raw("<tr><td><a href=\"/posture?status=").raw(st.id()).raw("\">").raw(st.id()).raw("</a></td><td>")
          .num(sum.byStatus().getOrDefault(st, 0L)).raw("</td></tr>\n");
    }
    h.raw("</tbody></table>\n<table class=\"counts\"><thead><tr><th>Severity</th><th>Failed</th></tr></thead><tbody>");
    for (Level l : LEVELS) {
      h.raw("<tr><td><a href=\"/posture?severity=").raw(l.id()).raw("\">").raw(level(l)).raw("</a></td><td>")
          .num(sum.failedBySeverity().getOrDefault(l, 0L)).raw("</td></tr>\n");
    }
    h.raw("</tbody></table>\n<table class=\"counts\"><thead><tr><th>Visibility</th><th>Failed</th></tr></thead><tbody>");
    for (Visibility v : Visibility.values()) {
      h.raw("<tr><td><a href=\"/posture?visibility=").raw(v.id()).raw("\">").raw(v.name()).raw("</a> <span class=\"")
          .raw("muted\">").text(v.label()).raw("</span></td><td>").num(sum.failedByVisibility().getOrDefault(v, 0L))
          .raw("</td></tr>\n");
    }
    h.raw("</tbody></table>\n<table class=\"counts\"><thead><tr><th>Provider</th><th>Failed</th></tr></thead><tbody>");
    for (Map.Entry<String, Long> e : new TreeMap<>(sum.failedByProvider()).entrySet()) {
      h.raw("<tr><td><a href=\"/posture?provider=").text(Html.url(e.getKey())).raw("\">").text(e.getKey())
          .raw("</a></td><td>").num(e.getValue()).raw("</td></tr>\n");
    }
    h.raw("</tbody></table></section>\n");

    TreeSet<String> providers = new TreeSet<>();
    report.results().forEach(r -> providers.add(r.resource().provider()));
    h.raw("<form class=\"filters\" method=\"get\" action=\"/posture\"><label>Status <select name=\"status\">");
    option(h, "fail", "failed", filter.status() == Status.FAIL);
    for (Status st : List.of(Status.PASS, Status.UNKNOWN, Status.MUTED)) {
      option(h, st.id(), st.id(), filter.status() == st);
    }
    option(h, PostureFilter.ALL, "all", filter.status() == null);
    h.raw("</select></label> <label>Severity <select name=\"severity\">");
    option(h, "", "any", filter.severity() == null);
    for (Level l : LEVELS) {
      option(h, l.id(), l.id(), l == filter.severity());
    }
    h.raw("</select></label> <label>Provider <select name=\"provider\">");
    option(h, "", "any", filter.provider() == null);
    if (filter.provider() != null) {
      providers.add(filter.provider());
    }
    for (String p : providers) {
      option(h, p, p, p.equals(filter.provider()));
    }
    h.raw("</select></label> <label>Visibility <select name=\"visibility\">");
    option(h, "", "any", filter.visibility() == null);
    for (Visibility v : Visibility.values()) {
      option(h, v.id(), v.name(), v == filter.visibility());
    }
    h.raw("</select></label> <label>Search <input name=\"q\" value=\"").text(filter.text() == null ? "" : filter.text())
        .raw("\"></label> <button type=\"submit\">Show</button></form>\n");

    Page<PostureEntry> page = Page.of(report.results(), filter::matches, filter.limit(), filter.offset());
    h.raw("<p class=\"muted\" id=\"posture-count\">");
    counted(h, page, "results");
    h.raw(filter.status() == Status.FAIL ? ", ranked exposed and blind first" : ", in the report's order")
        .raw(".</p>\n");
    if (page.items().isEmpty()) {
      h.raw("<p class=\"empty\">No results match.</p>");
    } else {
      h.raw("<table class=\"posture\"><thead><tr><th>Rank</th><th>Severity</th><th>Check</th><th>Status</th>")
          .raw("<th>Resource</th><th>Account / region</th><th>Visibility</th><th>Threat</th><th>ATT&amp;CK</th>")
          .raw("<th>Remediation</th></tr></thead><tbody>\n");
      for (PostureEntry e : page.items()) {
        h.raw("<tr><td>").raw(e.rank() == 0 ? "&mdash;" : String.valueOf(e.rank())).raw("</td><td>")
            .raw(level(e.severity())).raw("</td><td><code>").text(e.check()).raw("</code><div>").text(e.title())
            .raw("</div><div class=\"muted\">").text(e.detail()).raw("</div></td><td>").raw(e.status().id())
            .raw("</td><td>").text(e.resource().name()).raw("<div><code class=\"muted\">").text(e.resource().id())
            .raw("</code></div><div class=\"muted\">").text(e.resource().kind()).raw("</div></td><td>")
            .text(e.resource().account()).raw("<div class=\"muted\">").text(e.resource().region())
            .raw("</div></td><td>").text(e.visibility() == null ? null : e.visibility().label()).raw("</td><td>")
            .text(e.threat()).raw("</td><td>").list(e.attack()).raw("</td><td>").text(e.remediation());
        if (e.command() != null) {
          h.raw("<div><code class=\"command\">").text(e.command()).raw("</code></div>");
        }
        h.raw("</td></tr>\n");
      }
      h.raw("</tbody></table>\n");
    }
    Map<String, @Nullable String> q = new LinkedHashMap<>();
    q.put("status", filter.status() == null ? PostureFilter.ALL : filter.status().id());
    q.put("severity", filter.severity() == null ? null : filter.severity().id());
    q.put("provider", filter.provider());
    q.put("visibility", filter.visibility() == null ? null : filter.visibility().id());
    q.put("q", filter.text());
    pager(h, "/posture", q, page, filter.limit());
  }

  private void deadSpots(Context ctx) {
    DeadSpotFilter filter = deadSpotFilter(ctx);
    Html h = new Html().raw("<h1>Dead spots</h1>\n");
    ReportFile<DeadSpotsReport> file = reports.deadSpots();
    if (file == null) {
      notConfigured(h, "dead_spots", "dead-spots.json", "kumo dead-spots --inventory ./snapshot.json "
          + "--owners owners.yml --format json --output dead-spots.json");
      ctx.html(Layout.page("Dead spots", WebServer.caller(ctx), "/dead-spots", h.toString()));
      return;
    }
    ReportFile.Snapshot<DeadSpotsReport> s = file.current();
    DeadSpotsReport report = s.report();
    state(h, s, report == null ? List.of() : report.problems(), "dead spots");
    if (report != null) {
      deadSpotsBody(h, report, filter);
    }
    ctx.html(Layout.page("Dead spots", WebServer.caller(ctx), "/dead-spots", h.toString()));
  }

  private static void deadSpotsBody(Html h, DeadSpotsReport report, DeadSpotFilter filter) {
    DeadSpotsSummary sum = DeadSpotsSummary.of(report);
    h.raw("<section id=\"dead-spot-summary\"><h2>Summary</h2><p class=\"muted\">").num(sum.total())
        .raw(" dead spots among ").num(report.inScope().size()).raw(" controls in scope; analysis of ")
        .text(report.day()).raw(".</p>\n<table class=\"counts\"><thead><tr><th>Reason</th><th>Dead spots</th></tr>")
        .raw("</thead><tbody>\n");
    for (Reason r : Reason.values()) {
      h.raw("<tr><td><a href=\"/dead-spots?reason=").raw(r.id()).raw("\">").raw(r.label()).raw("</a></td><td>")
          .num(sum.byReason().getOrDefault(r, 0L)).raw("</td></tr>\n");
    }
    h.raw("</tbody></table></section>\n");
    if (!report.warnings().isEmpty()) {
      h.raw("<details><summary>").num(report.warnings().size()).raw(" warnings of the analysis</summary><ul>");
      for (String w : report.warnings()) {
        h.raw("<li>").text(w).raw("</li>");
      }
      h.raw("</ul></details>\n");
    }
    h.raw("<form class=\"filters\" method=\"get\" action=\"/dead-spots\"><label>Reason <select name=\"reason\">");
    option(h, "", "any", filter.reason() == null);
    for (Reason r : Reason.values()) {
      option(h, r.id(), r.label(), r == filter.reason());
    }
    h.raw("</select></label> <label>Domain <select name=\"domain\">");
    option(h, "", "any", filter.domain() == null);
    TreeSet<String> domains = new TreeSet<>(sum.byDomain().keySet());
    if (filter.domain() != null) {
      domains.add(filter.domain());
    }
    for (String d : domains) {
      option(h, d, d + " (" + sum.byDomain().getOrDefault(d, 0L) + ")", d.equalsIgnoreCase(filter.domain()));
    }
    h.raw("</select></label> <button type=\"submit\">Show</button></form>\n");

    Page<DeadSpotEntry> page = Page.of(report.deadSpots(), filter::matches, filter.limit(), filter.offset());
    h.raw("<p class=\"muted\" id=\"dead-spot-count\">");
    counted(h, page, "dead spots");
    h.raw(", exposed first, then by the threat they leave open.</p>\n");
    if (page.items().isEmpty()) {
      h.raw("<p class=\"empty\">No dead spots match.</p>");
    } else {
      h.raw("<table class=\"dead-spots\"><thead><tr><th>Rank</th><th>Control</th><th>Domain</th><th>Reasons</th>")
          .raw("<th>Owner side</th><th>Team</th><th>Evidence</th></tr></thead><tbody>\n");
      for (DeadSpotEntry d : page.items()) {
        h.raw("<tr><td>").num(d.rank()).raw("</td><td><code>").text(d.control()).raw("</code><div>").text(d.title())
            .raw("</div>");
        if (d.threat() != null) {
          h.raw("<div class=\"muted\">leaves open: ").text(d.threat()).raw("</div>");
        }
        if (!d.attack().isEmpty()) {
          h.raw("<div class=\"muted\">").list(d.attack()).raw("</div>");
        }
        h.raw("</td><td>").text(d.domain()).raw("</td><td>");
        for (Reason r : d.reasons()) {
          h.raw("<div>").raw(r.label()).raw("</div>");
        }
        if (d.blind()) {
          h.raw("<div class=\"error\">exposed and blind</div>");
        }
        h.raw("</td><td>").list(d.services()).raw("</td><td>");
        if (d.owners().isEmpty()) {
          h.raw("<span class=\"error\">nobody</span>");
        } else {
          h.list(d.owners());
        }
        if (!d.unowned().isEmpty()) {
          h.raw("<div class=\"muted\">no team for ").list(d.unowned()).raw("</div>");
        }
        h.raw("</td><td>");
        evidence(h, d);
        h.raw("</td></tr>\n");
      }
      h.raw("</tbody></table>\n");
    }
    Map<String, @Nullable String> q = new LinkedHashMap<>();
    q.put("reason", filter.reason() == null ? null : filter.reason().id());
    q.put("domain", filter.domain());
    pager(h, "/dead-spots", q, page, filter.limit());
  }

  private static void evidence(Html h, DeadSpotEntry d) {
    if (d.evidence().isEmpty() && d.failing().isEmpty() && d.missed().isEmpty()) {
      h.raw("<span class=\"muted\">none</span>");
      return;
    }
    h.raw("<ul>");
    for (String e : d.evidence()) {
      h.raw("<li>").text(e).raw("</li>");
    }
    for (FailingResult f : d.failing()) {
      h.raw("<li>failing: ").raw(level(f.severity())).raw(" <code>").text(f.check()).raw("</code> on ")
          .text(f.resource().name().isEmpty() ? f.resource().id() : f.resource().name()).raw(" <span class=\"muted\">")
          .text(f.visibility().label()).raw("</span></li>");
    }
    if (!d.missed().isEmpty()) {
      h.raw("<li>missed by the exercise: ").list(d.missed()).raw("</li>");
    }
    h.raw("</ul>");
  }

  /** The report's state: failures of the file as it is now, skipped parts of the version shown, its time. */
  private static void state(Html h, ReportFile.Snapshot<?> s, List<String> problems, String parts) {
    String name = String.valueOf(s.file().getFileName());
    if (s.failure() != null) {
      h.raw("<p class=\"error\" id=\"report-failure\">").text(s.failure()).raw("</p>\n<p>")
          .raw(s.report() == null ? "No version of the report could be read yet." : "Showing the last good version.")
          .raw("</p>\n");
    }
    if (s.report() != null) {
      h.raw("<p class=\"muted\">From <code>").text(name).raw("</code> as modified at ").time(s.modified())
          .raw("; re-read when it changes.</p>\n");
    }
    if (!problems.isEmpty()) {
      h.raw("<details id=\"report-problems\"><summary>").num(problems.size()).raw(" ").raw(parts)
          .raw(" could not be read (the rest is shown)</summary><ul>");
      for (String p : problems) {
        h.raw("<li><code>").text(p).raw("</code></li>");
      }
      h.raw("</ul></details>\n");
    }
  }

  private static void notConfigured(Html h, String key, String file, String command) {
    h.raw("<p class=\"placeholder\" id=\"not-configured\">No report is configured. Write one with</p>\n<pre><code>")
        .text(command).raw("</code></pre>\n<p>and name it in <code>serve.yml</code> (relative to its folder; the ")
        .raw("service re-reads it whenever it changes, no restart needed):</p>\n<pre><code>")
        .raw("reports:\n  ").text(key + ": " + file).raw("</code></pre>");
  }

  private static void counted(Html h, Page<?> page, String what) {
    if (page.items().isEmpty()) {
      h.num(0).raw(" of ").num(page.total()).raw(" matching ").raw(what);
    } else {
      h.num(page.offset() + 1L).raw("&ndash;").num(page.offset() + (long) page.items().size()).raw(" of ")
          .num(page.total()).raw(" matching ").raw(what);
    }
  }

  private static void pager(Html h, String path, Map<String, @Nullable String> query, Page<?> page, int limit) {
    boolean prev = page.offset() > 0;
    if (!prev && !page.hasMore()) {
      return;
    }
    StringBuilder base = new StringBuilder(path).append('?');
    for (Map.Entry<String, @Nullable String> e : query.entrySet()) {
      if (e.getValue() != null) {
        base.append(e.getKey()).append('=').append(Html.url(e.getValue())).append('&');
      }
    }
    base.append("limit=").append(limit).append("&offset=");
    h.raw("<nav class=\"pager\">");
    if (prev) {
      h.raw("<a rel=\"prev\" href=\"").text(base + String.valueOf(Math.max(0, page.offset() - limit)))
          .raw("\">&larr; previous</a> ");
    }
    if (page.hasMore()) {
      h.raw("<a rel=\"next\" href=\"").text(base + String.valueOf(page.offset() + page.items().size()))
          .raw("\">next &rarr;</a>");
    }
    h.raw("</nav>\n");
  }

  private static void option(Html h, String value, String label, boolean selected) {
    h.raw("<option value=\"").text(value).raw("\"").raw(selected ? " selected" : "").raw(">").text(label)
        .raw("</option>");
  }

  private static String level(Level l) {
    return "<span class=\"level lv-" + l.id() + "\">" + l.id() + "</span>";
  }
}
