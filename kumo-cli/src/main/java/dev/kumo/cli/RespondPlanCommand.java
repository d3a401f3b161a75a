package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.respond.plan.ApiCall;
import dev.kumo.respond.plan.Plan;
import dev.kumo.respond.plan.PlanBuilder;
import dev.kumo.respond.plan.PlanJson;
import dev.kumo.respond.plan.PlanTargets;
import dev.kumo.respond.plan.PlannedStep;
import dev.kumo.respond.plan.Playbook;
import dev.kumo.respond.plan.PlaybookException;
import dev.kumo.respond.plan.PlaybookLibrary;
import dev.kumo.respond.plan.PlaybookStep;
import dev.kumo.respond.plan.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kumo respond plan}: the ordered, explained plan of a playbook for explicit targets, as text or JSON
 * ({@code kumo.plan/1}). Nothing is called. {@link #print} takes targets made elsewhere (e.g. from a case's
 * incident with {@link PlanTargets#fromIncident}).
 */
@Command(name = "plan", description = "Print the ordered response plan for a compromised instance, access key, role "
    + "or bucket: every step with what it preserves or changes, what must succeed first, whether it can be undone, "
    + "the ATT&CK mitigation it serves, and the exact API calls as CLI lines. Calls nothing.")
final class RespondPlanCommand implements Callable<Integer> {
  /** Output formats of a plan. */
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Mixin
  PlanTargetOptions targetOptions = new PlanTargetOptions();

  @Option(names = "--provider", paramLabel = "CLOUD", description = "aws (default), azure or gcp (text plans with the "
      + "az / gcloud commands, compromised instance).")
  Provider provider = Provider.AWS;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json (kumo.plan/1).")
  Format format = Format.text;

  @Option(names = "--list", description = "List the shipped playbooks.")
  boolean list;

  @Override
  public Integer call() throws Exception {
    if (list) {
      return list(spec.commandLine().getOut());
    }
    PlanTargets targets;
    try {
      targets = targetOptions.targets(spec);
    } catch (IllegalArgumentException e) {
      return usage(e);
    }
    return print(targets, targetOptions.playbook, provider, format);
  }

  /**
   * Prints the plan of {@code playbookName} (null: the one that fits) for {@code targets} to the command's output;
   * a usage error (missing target, unknown playbook, a playbook file's problems) goes to its error stream.
   */
  int print(PlanTargets targets, @Nullable String playbookName, Provider cloud, Format as) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Plan plan;
    try {
      Playbook p = PlaybookLibrary.resolve(playbookName != null ? playbookName : PlanBuilder.defaultPlaybook(targets));
      plan = PlanBuilder.build(p, targets, cloud);
    } catch (IllegalArgumentException e) {
      return usage(e);
    }
    if (as == Format.json) {
      PlanJson.write(plan, out);
    } else {
      text(plan, out);
    }
    out.flush();
    return ExitCode.OK;
  }

  int usage(IllegalArgumentException e) {
    PrintWriter err = spec.commandLine().getErr();
    List<String> lines = e instanceof PlaybookException p ? p.problems() : List.of(String.valueOf(e.getMessage()));
    for (String l : lines) {
      err.println("kumo: " + Sanitize.terminal(l));
    }
    err.flush();
    return ExitCode.USAGE;
  }

  private static int list(PrintWriter out) {
    out.println(String.format("%-28s %-22s %5s  %s", "PLAYBOOK", "THREAT", "STEPS", "TITLE"));
    for (Playbook p : PlaybookLibrary.builtin()) {
      out.println(String.format("%-28s %-22s %5d  %s", p.id(), p.threat(), p.steps().size(), p.title()));
    }
    out.flush();
    return ExitCode.OK;
  }

  /** The plan as numbered steps; every value that is not Kumo's own text is escaped for the terminal. */
  static void text(Plan plan, PrintWriter out) {
    Playbook p = plan.playbook();
    out.println("Plan " + plan.id() + ": " + s(p.title()) + " (" + s(p.id()) + ", " + plan.provider().id() + ")");
    PlanTargets t = plan.targets();
    List<String> targets = new ArrayList<>();
    add(targets, "instance", t.instance());
    add(targets, "access key", t.accessKey());
    add(targets, "role", t.role());
    add(targets, "bucket", t.bucket());
    add(targets, "account", t.account());
    add(targets, "region", t.region());
    add(targets, "case", t.caseId());
    add(targets, "forensic account", t.forensicAccount());
    add(targets, "image", t.image());
    add(targets, "compromise start", t.compromiseStart() == null ? null : t.compromiseStart().toString());
    out.println("Targets: " + (targets.isEmpty() ? "(none)" : String.join(", ", targets)));
    if (plan.provider() != Provider.AWS) {
      out.println("Step titles and texts are the playbook's (written for AWS); 'how' and the calls are "
          + plan.provider().id() + "'s.");
    }
    for (String n : t.notes()) {
      out.println("Note: " + s(n));
    }
    for (PlannedStep ps : plan.steps()) {
      PlaybookStep st = ps.step();
      out.println();
      out.println(String.format("%2d. %s [%s]%s", ps.index(), s(st.title()), st.effect().id(),
          st.optional() ? " (optional)" : ""));
      out.println("    step:        " + s(st.id()) + " (" + st.kind().id() + ")");
      out.println("    does:        " + s(st.does()));
      out.println("    needs:       " + (st.preconditions().isEmpty() ? "-" : s(String.join(", ", st.preconditions()))));
      out.println("    reversible:  " + (st.reversible() ? "yes: " : "no: ") + s(st.reversal()));
      out.println("    mitigation:  " + s(st.mitigation().toString()));
      out.println("    how:         " + s(ps.explanation()));
      if (ps.calls().isEmpty()) {
        out.println("    calls:       none");
      } else {
        out.println("    calls:");
        for (ApiCall c : ps.calls()) {
          out.println("      " + s(c.cli()));
        }
      }
    }
    if (!plan.placeholders().isEmpty()) {
      out.println();
      out.println("Values known at run time:");
      for (Map.Entry<String, String> e : plan.placeholders().entrySet()) {
        out.println(String.format("  %-32s %s", "${" + e.getKey() + "}", s(e.getValue())));
      }
    }
    out.println();
    out.println(plan.provider() == Provider.AWS
        ? "Nothing was called. Kumo never terminates the compromised resource."
        : "Nothing was called: " + plan.provider().id() + " plans are for a responder to run; Kumo executes AWS "
            + "plans only.");
  }

  private static void add(List<String> into, String name, @Nullable String value) {
    if (value != null) {
      into.add(name + " " + s(value));
    }
  }

  private static String s(String value) {
    return Sanitize.terminal(value);
  }
}
