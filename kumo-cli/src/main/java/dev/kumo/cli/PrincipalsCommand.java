package dev.kumo.cli;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.cli.output.Sanitize;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo principals}: a summary per principal (or per access key) of a case. */
@Command(name = "principals", sortOptions = false,
    description = "Summarise every principal of a case (or, with --access-keys, every access key): first and last"
        + " seen, accounts, regions, source addresses and user agents, top APIs, errors and findings. Principals"
        + " with findings come first.",
    footer = {"", "Examples:", "  kumo principals ./case", "  kumo principals ./case --access-keys --format csv"})
final class PrincipalsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The case folder (made by 'kumo hunt ... --case DIR').")
  Path dir;

  @Option(names = "--access-keys", description = "One row per access key instead of per principal.")
  boolean accessKeys;

  @Option(names = "--principal", paramLabel = "TEXT", description = "Only principals (or keys) containing TEXT.")
  String filter;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "200",
      description = "At most N rows (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default), csv or jsonl.")
  String format;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    String view = accessKeys ? "access_keys" : "principals";
    String key = accessKeys ? "access_key" : "principal";
    String columns = accessKeys
        ? "access_key, principals, first_seen, last_seen, accounts, regions, source_ips, user_agents, events, errors,"
            + " findings"
        : "principal, principal_type, first_seen, last_seen, accounts, regions, source_ips, user_agents, access_keys,"
            + " events, errors, top_apis, findings";
    List<Object> params = new ArrayList<>();
    String where = "";
    if (filter != null) {
      where = " WHERE contains(" + key + ", ?)";
      params.add(filter);
    }
    params.add(limit);
    Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    CaseQuery.RowSink sink = QuerySinks.of(format, w, spec);
    try (CaseQuery q = CaseQuery.open(dir)) {
      q.run("SELECT " + columns + " FROM " + view + where + " ORDER BY findings DESC, events DESC, " + key
          + " LIMIT ?", params, sink);
      QuerySinks.finish(sink);
    } catch (IOException e) {
      err.println("kumo principals: " + Sanitize.terminal(String.valueOf(e.getMessage())));
      return ExitCode.BAD_INPUT;
    } finally {
      w.flush();
    }
    return ExitCode.OK;
  }
}
