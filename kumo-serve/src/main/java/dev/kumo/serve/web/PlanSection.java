package dev.kumo.serve.web;

import dev.kumo.incident.Incident;
import dev.kumo.respond.plan.ApiCall;
import dev.kumo.respond.plan.Effect;
import dev.kumo.respond.plan.Plan;
import dev.kumo.respond.plan.PlanTargets;
import dev.kumo.respond.plan.PlannedStep;
import dev.kumo.respond.plan.Playbook;
import dev.kumo.respond.plan.PlaybookStep;
import dev.kumo.respond.plan.Shell;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The "Response plan" section of the incident view: the playbook and why, the targets, every step in order (what
 * it does, its effect, what it needs first, whether it can be undone, its API calls as CLI lines), the run-time
 * values, and the {@code kumo respond} command lines that plan and run it. The console only shows the plan; it
 * runs nothing. Every value is escaped ({@link Html#text}); the command lines' values are shell-quoted first.
 */
final class PlanSection {
  private PlanSection() {}

  /**
   * Writes the section for {@code inc} with playbook {@code playbook} ({@code ?playbook=}; null: the one that fits).
   *
   * @param caseDir the case folder for the command lines; null shows {@code DIR}
   * @throws WebError 400 when {@code playbook} names no shipped playbook
   */
  static void write(Html h, Incident inc, @Nullable Path caseDir, @Nullable String playbook) {
    PlanView v = PlanView.of(inc, playbook);
    h.raw("<section id=\"plan\"><h2>Response plan</h2><p class=\"muted\">Shown only: the console never runs ")
        .raw("response actions. Run it with <code>kumo respond</code> (below).</p>\n");
    Plan plan = v.plan();
    if (plan != null) {
      Playbook p = plan.playbook();
      h.raw("<p id=\"plan-playbook\">Playbook <strong>").text(p.title()).raw("</strong> <code>").text(p.id())
          .raw("</code> for ").text(plan.provider().id()).raw(", plan <code>").text(plan.id())
          .raw("</code>.</p>\n<p class=\"muted\">Chosen because ").text(v.reason()).raw(".</p>\n<p>")
          .text(p.description()).raw("</p>\n");
    } else {
      h.raw("<p class=\"empty\" id=\"plan-none\">No plan: ").text(v.problem()).raw(".</p>\n");
    }
    choice(h, inc, v);
    PlanTargets t = plan != null ? plan.targets() : v.targets();
    if (t != null) {
      targets(h, t);
    }
    if (plan != null) {
      steps(h, plan);
    }
    commands(h, inc, caseDir, v.asked(), plan != null);
    h.raw("</section>\n");
  }

  /** A GET form to show the plan of another fitting playbook (no state change, so no CSRF token). */
  private static void choice(Html h, Incident inc, PlanView v) {
    if (v.fitting().size() < 2 && v.asked() == null) {
      return;
    }
    String current = v.plan() != null ? v.plan().playbook().id() : v.asked();
    h.raw("<form class=\"filters\" id=\"plan-choice\" method=\"get\" action=\"/incidents/").text(Html.url(inc.id()))
        .raw("#plan\"><label>Playbook <select name=\"playbook\">");
    for (Playbook p : v.fitting()) {
      h.raw("<option value=\"").text(p.id()).raw("\"").raw(p.id().equals(current) ? " selected" : "").raw(">")
          .text(p.id()).raw(" &ndash; ").text(p.title()).raw("</option>");
    }
    h.raw("</select></label> <button type=\"submit\">Show plan</button></form>\n");
  }

  private static void targets(Html h, PlanTargets t) {
    h.raw("<h3>Targets</h3><dl class=\"facts\" id=\"plan-targets\">\n");
    target(h, "Instance", t.instance());
    target(h, "Access key", t.accessKey());
    target(h, "Role", t.role());
    target(h, "Bucket", t.bucket());
    target(h, "Account", t.account());
    target(h, "Region", t.region());
    target(h, "Case id (tags)", t.caseId());
    target(h, "Compromise start", t.compromiseStart() == null ? null : t.compromiseStart().toString());
    placeholder(h, "Forensic account", t.forensicAccount(), "--forensic-account");
    placeholder(h, "Redeploy image", t.image(), "--image");
    h.raw("</dl>\n");
    if (!t.notes().isEmpty()) {
      h.raw("<h3>Notes</h3><ul id=\"plan-notes\">");
      for (String n : t.notes()) {
        h.raw("<li>").text(n).raw("</li>");
      }
      h.raw("</ul>\n");
    }
  }

  private static void target(Html h, String label, @Nullable String value) {
    if (value != null) {
      h.raw("<dt>").raw(label).raw("</dt><dd><code>").text(value).raw("</code></dd>\n");
    }
  }

  private static void placeholder(Html h, String label, @Nullable String value, String option) {
    h.raw("<dt>").raw(label).raw("</dt><dd>");
    if (value != null) {
      h.raw("<code>").text(value).raw("</code>");
    } else {
      h.raw("<span class=\"muted\">a placeholder in the calls: give <code>").raw(option).raw("</code></span>");
    }
    h.raw("</dd>\n");
  }

  private static void steps(Html h, Plan plan) {
    h.raw("<h3>Steps</h3><ol class=\"plan-steps\" id=\"plan-steps\">\n");
    for (PlannedStep ps : plan.steps()) {
      PlaybookStep s = ps.step();
      h.raw("<li id=\"plan-step-").num(ps.index()).raw("\"><div><strong>").text(s.title()).raw("</strong> ")
          .raw("<span class=\"effect effect-").raw(s.effect().id()).raw("\">").raw(s.effect().id()).raw("</span>");
      if (s.optional()) {
        h.raw(" <span class=\"muted\">(optional: runs only with <code>--with ").text(s.id()).raw("</code>)</span>");
      }
      h.raw("</div><dl class=\"facts\">")
          .raw("<dt>Step</dt><dd><code>").text(s.id()).raw("</code> (").text(s.kind().id()).raw(")</dd>")
          .raw("<dt>Does</dt><dd>").text(s.does()).raw("</dd>")
          .raw("<dt>Effect</dt><dd>").text(effect(s.effect())).raw("</dd>")
          .raw("<dt>Needs first</dt><dd>");
      if (s.preconditions().isEmpty()) {
        h.raw("nothing");
      } else {
        h.list(s.preconditions()).raw(" succeeded");
      }
      h.raw("</dd><dt>Reversible</dt><dd>").raw(s.reversible() ? "yes: " : "<strong>no</strong>: ").text(s.reversal())
          .raw("</dd><dt>Mitigation</dt><dd>").text(s.mitigation().id()).raw(" ").text(s.mitigation().name())
          .raw("</dd><dt>How</dt><dd>").text(ps.explanation()).raw("</dd><dt>Calls</dt><dd>");
      if (ps.calls().isEmpty()) {
        h.raw("none");
      } else {
        h.raw("<ul class=\"plan-calls\">");
        for (ApiCall c : ps.calls()) {
          h.raw("<li><code class=\"cli\">").text(c.cli()).raw("</code> <span class=\"muted\">").text(c.service())
              .raw(" ").text(c.operation()).raw("</span></li>");
        }
        h.raw("</ul>");
      }
      h.raw("</dd></dl></li>\n");
    }
    h.raw("</ol>\n");
    if (!plan.placeholders().isEmpty()) {
      h.raw("<h3>Values known at run time</h3><dl class=\"facts\" id=\"plan-placeholders\">");
      for (Map.Entry<String, String> e : plan.placeholders().entrySet()) {
        h.raw("<dt><code>").text("${" + e.getKey() + "}").raw("</code></dt><dd>").text(e.getValue()).raw("</dd>");
      }
      h.raw("</dl>\n");
    }
  }

  private static String effect(Effect e) {
    return switch (e) {
      case READ -> "reads only, changes nothing";
      case PRESERVE -> "records or protects evidence";
      case CONTAIN -> "cuts the attacker off, reversibly, without destroying evidence";
      case CHANGE -> "changes or replaces a resource and may destroy evidence: runs only after the evidence steps "
          + "succeeded";
    };
  }

  /** The command lines; the case folder and the incident id are shell-quoted, then escaped for HTML. */
  private static void commands(Html h, Incident inc, @Nullable Path caseDir, @Nullable String playbook,
      boolean planned) {
    String args = " --case " + (caseDir == null ? "DIR" : Shell.literal(caseDir.toAbsolutePath().toString()))
        + " --incident " + Shell.literal(inc.id()) + (playbook == null ? "" : " --playbook " + Shell.literal(playbook));
    List<String[]> lines = List.of(
        new String[] {"kumo respond plan" + args, "print this plan (add --format json for kumo.plan/1)"},
        new String[] {"kumo respond run" + args, "dry run: print every call it would make, call nothing"},
        new String[] {"kumo respond run" + args + " --execute", "make the calls (AWS credentials of the responder; "
            + "add --forensic-account, --forensic-role, --image and --trusted-image-owner as the steps need)"});
    h.raw("<h3>Run it with the CLI</h3>");
    if (!planned) {
      h.raw("<p class=\"muted\">Give the targets on the command line (e.g. <code>--instance</code>, ")
          .raw("<code>--access-key</code>, <code>--role</code>, <code>--bucket</code>): they override the incident's.</p>");
    }
    h.raw("<ul class=\"plan-commands\" id=\"plan-commands\">");
    for (String[] l : lines) {
      h.raw("<li><code class=\"cli\">").text(l[0]).raw("</code><div class=\"muted\">").text(l[1]).raw("</div></li>");
    }
    h.raw("</ul>\n");
  }
}
