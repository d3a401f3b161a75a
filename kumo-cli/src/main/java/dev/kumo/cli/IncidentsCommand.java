package dev.kumo.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.casestore.CaseQuery;
import dev.kumo.cli.output.Sanitize;
import dev.kumo.cli.output.Style;
import dev.kumo.cli.output.Terminal;
import dev.kumo.incident.FindingKey;
import dev.kumo.json.JsonFields;
import dev.kumo.incident.Incident;
import dev.kumo.incident.NarrativeStep;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo incidents}: the incidents of a case, each with its attack chain and why its findings are together. */
@Command(name = "incidents", sortOptions = false,
    description = "List the incidents of a case: findings grouped by shared identity chain, address or host and"
        + " time, each with a severity, the accounts and resources touched, the attack chain ordered by tactic and"
        + " the reasons for the grouping.",
    footer = {"", "Examples:", "  kumo incidents ./case", "  kumo incidents ./case --id INC-3f2a9c0d11e4",
        "  kumo incidents ./case --format jsonl > incidents.jsonl"})
final class IncidentsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The case folder (made by 'kumo hunt ... --case DIR').")
  Path dir;

  @Option(names = "--id", paramLabel = "ID", description = "Only this incident, with its findings.")
  String id;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default) or jsonl (one incident per line, schema " + Incident.SCHEMA + ").")
  String format;

  @Option(names = "--no-color", description = "No colours.")
  boolean noColor;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    try (CaseQuery q = CaseQuery.open(dir)) {
      List<Incident> incidents = q.incidents().stream().filter(i -> id == null || i.id().equals(id)).toList();
      if (id != null && incidents.isEmpty()) {
        err.println("kumo incidents: no incident " + Sanitize.terminal(id) + " in " + Sanitize.terminal(dir.toString()));
        return ExitCode.USAGE;
      }
      switch (format) {
        case "text" -> text(w, incidents, new Style(!noColor && Terminal.stdoutIsTerminal()));
        case "jsonl" -> jsonl(w, incidents);
        default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--format: unknown format '" + format + "' (use text or jsonl)");
      }
    } catch (IOException e) {
      err.println("kumo incidents: " + Sanitize.terminal(String.valueOf(e.getMessage())));
      return ExitCode.BAD_INPUT;
    } finally {
      w.flush();
    }
    return ExitCode.OK;
  }

  private void text(Writer w, List<Incident> incidents, Style s) throws IOException {
    w.write(incidents.size() + (incidents.size() == 1 ? " incident" : " incidents") + "\n");
    for (Incident i : incidents) {
      w.write("\n" + s.bold(i.id()) + "  " + s.level(i.level(), i.level().id().toUpperCase(java.util.Locale.ROOT))
          + "  " + Sanitize.terminal(i.title()) + "\n");
      w.write("  " + TimelineCommand.format(i.firstSeen()) + " .. " + TimelineCommand.format(i.lastSeen()) + "  "
          + i.findings().size() + " findings\n");
      line(w, "threats", i.threats());
      line(w, "principals", i.principals());
      line(w, "access keys", i.accessKeys());
      line(w, "accounts", i.accounts());
      line(w, "regions", i.regions());
      line(w, "source IPs", i.sourceIps());
      line(w, "resources", i.resources());
      w.write("  " + s.bold("attack chain") + "\n");
      int n = 1;
      for (NarrativeStep st : i.narrative()) {
        w.write("    " + n++ + ". " + s.level(st.level(), st.tactic().displayName()) + " ("
            + Sanitize.terminal(String.join(", ", st.techniques())) + ")  " + TimelineCommand.format(st.first()) + "\n       "
            + Sanitize.terminal(st.text()) + "\n");
      }
      w.write("  " + s.bold("why grouped") + "\n");
      for (String why : i.why()) {
        w.write("    - " + Sanitize.terminal(why) + "\n");
      }
      if (id != null) {
        w.write("  " + s.bold("findings") + "\n");
        for (FindingKey k : i.findings()) {
          w.write("    " + Sanitize.terminal(k.ruleId()) + "  event " + Sanitize.terminal(k.eventId()) + "\n");
        }
      }
    }
  }

  private static void line(Writer w, String label, List<String> values) throws IOException {
    if (values.isEmpty()) {
      return;
    }
    int shown = Math.min(values.size(), 8);
    String text = String.join(", ", values.subList(0, shown).stream().map(Sanitize::terminal).toList())
        + (values.size() > shown ? " and " + (values.size() - shown) + " more" : "");
    w.write("  " + label + ": " + text + "\n");
  }

  private static void jsonl(Writer w, List<Incident> incidents) throws IOException {
    
    for (Incident i : incidents) {
      try (JsonGenerator g = JsonFields.safeGenerator(new NonClosing(w))) {
        g.writeStartObject();
        g.writeStringField("schema", Incident.SCHEMA);
        g.writeStringField("id", i.id());
        g.writeStringField("title", i.title());
        g.writeStringField("level", i.level().id());
        g.writeStringField("first_seen", TimelineCommand.format(i.firstSeen()));
        g.writeStringField("last_seen", TimelineCommand.format(i.lastSeen()));
        JsonFields.stringArray(g, "threats", i.threats());
        JsonFields.stringArray(g, "principals", i.principals());
        JsonFields.stringArray(g, "access_keys", i.accessKeys());
        JsonFields.stringArray(g, "accounts", i.accounts());
        JsonFields.stringArray(g, "regions", i.regions());
        JsonFields.stringArray(g, "source_ips", i.sourceIps());
        JsonFields.stringArray(g, "resources", i.resources());
        JsonFields.stringArray(g, "techniques", i.techniques());
        g.writeArrayFieldStart("narrative");
        for (NarrativeStep st : i.narrative()) {
          g.writeStartObject();
          g.writeStringField("tactic", st.tactic().displayName());
          g.writeStringField("first", TimelineCommand.format(st.first()));
          g.writeStringField("last", TimelineCommand.format(st.last()));
          g.writeStringField("level", st.level().id());
          JsonFields.stringArray(g, "techniques", st.techniques());
          g.writeStringField("text", st.text());
          g.writeNumberField("findings", st.findings());
          g.writeEndObject();
        }
        g.writeEndArray();
        JsonFields.stringArray(g, "why", i.why());
        g.writeArrayFieldStart("findings");
        for (FindingKey k : i.findings()) {
          g.writeStartObject();
          g.writeStringField("rule_id", k.ruleId());
          g.writeStringField("event_id", k.eventId());
          g.writeStringField("correlation_group", k.group());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      w.write('\n');
    }
  }

  /** Lets a generator be closed per line without closing standard output. */
  private static final class NonClosing extends java.io.FilterWriter {
    NonClosing(Writer w) {
      super(w);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
