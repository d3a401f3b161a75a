package dev.kumo.cli;

import dev.kumo.casestore.CaseQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin
  CaseRows rows;

  @Override
  public Integer call() throws IOException {
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
    String sql = "SELECT " + columns + " FROM " + view + where + " ORDER BY findings DESC, events DESC, " + key
        + " LIMIT ?";
    return rows.print(spec, dir, (q, sink, w) -> {
      q.run(sql, params, sink);
      return null;
    });
  }
}
