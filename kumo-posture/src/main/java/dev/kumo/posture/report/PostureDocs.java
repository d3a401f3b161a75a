package dev.kumo.posture.report;

import dev.kumo.posture.PostureResult;
import dev.kumo.posture.check.CheckMeta;
import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.rank.RankedResult;
import dev.kumo.posture.rank.SourceView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds the posture report: ranked failures, remediation per check, unknowns and input problems. */
public final class PostureDocs {
  /** Columns of the ranked table (also the CSV). */
  static final List<String> COLUMNS = List.of("rank", "severity", "visibility", "check", "account", "region",
      "resource", "detail", "watched by", "resource id");

  /** The whole report. */
  public Doc report(PostureResult scan) {
    List<Doc.Block> blocks = new ArrayList<>();
    blocks.add(new Doc.Para(summary(scan)));
    blocks.add(new Doc.Heading("Failing, exposed and blind first"));
    blocks.add(ranked(scan));
    List<String> fixes = remediation(scan);
    if (!fixes.isEmpty()) {
      blocks.add(new Doc.Heading("What to do"));
      blocks.add(new Doc.Bullets(fixes));
    }
    Map<String, Long> unknown = scan.results().stream().filter(r -> r.status() == Status.UNKNOWN)
        .collect(Collectors.groupingBy(r -> r.check().id(), TreeMap::new, Collectors.counting()));
    if (!unknown.isEmpty()) {
      blocks.add(new Doc.Heading("Not decided (the inventory lacks what these checks need)"));
      List<String> items = new ArrayList<>();
      unknown.forEach((id, n) -> items.add(id + ": " + n + " resource(s)"));
      blocks.add(new Doc.Bullets(items));
    }
    List<InventoryProblem> problems = scan.inventory().problems();
    if (!problems.isEmpty()) {
      blocks.add(new Doc.Heading("Input problems (skipped, counted)"));
      blocks.add(new Doc.Bullets(problems.stream().map(InventoryProblem::toString).toList()));
    }
    return new Doc("Kumo posture", blocks);
  }

  /** The ranked failures for CSV: the table's columns plus benchmarks, remediation and the command. */
  public Doc.Table csv(PostureResult scan) {
    Doc.Table t = ranked(scan);
    List<String> headers = new ArrayList<>(t.headers());
    headers.addAll(List.of("benchmarks", "remediation", "command"));
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < t.rows().size(); i++) {
      CheckResult c = scan.ranked().get(i).result();
      List<String> row = new ArrayList<>(t.rows().get(i));
      row.addAll(List.of(String.join("; ", c.check().benchmarks()), c.check().remediation(),
          c.check().commandFor(c.resource())));
      rows.add(row);
    }
    return new Doc.Table(headers, rows, List.of());
  }

  /** The ranked failures as a table. */
  public Doc.Table ranked(PostureResult scan) {
    List<List<String>> rows = new ArrayList<>();
    int rank = 0;
    for (RankedResult r : scan.ranked()) {
      CheckResult c = r.result();
      Resource res = c.resource();
      List<String> watchers = new ArrayList<>();
      for (SourceView v : r.sources()) {
        watchers.add(v.telemetry() + " " + v.state().id() + (v.rules().isEmpty() ? "" : " (" + v.rules().size()
            + " rules)"));
      }
      rows.add(List.of(String.valueOf(++rank), c.check().severity().id(), r.visibility().label(), c.check().id(),
          res.account(), res.region(), res.name(), c.detail(), String.join("; ", watchers), res.id()));
    }
    return new Doc.Table(COLUMNS, rows, List.of(9, 8, 7, 6));
  }

  private static String summary(PostureResult scan) {
    long accounts = scan.inventory().resources().stream().map(r -> r.provider().id() + ":" + r.account())
        .filter(a -> !a.endsWith(":")).distinct().count();
    long blind = scan.ranked().stream().filter(RankedResult::exposedAndBlind).count();
    return scan.inventory().size() + " resources in " + accounts + " account(s); " + scan.checks()
        + " built-in checks; " + scan.count(Status.FAIL) + " failing (" + blind + " exposed and blind), "
        + scan.count(Status.PASS) + " passing, " + scan.count(Status.UNKNOWN) + " unknown, "
        + scan.count(Status.MUTED) + " muted; " + scan.inventory().problems().size() + " input problem(s).";
  }

  private static List<String> remediation(PostureResult scan) {
    Map<String, List<RankedResult>> byCheck = new LinkedHashMap<>();
    scan.ranked().forEach(r -> byCheck.computeIfAbsent(r.result().check().id(), k -> new ArrayList<>()).add(r));
    List<String> out = new ArrayList<>();
    for (List<RankedResult> rs : byCheck.values()) {
      CheckMeta m = rs.get(0).result().check();
      String cmd = m.commandFor(rs.get(0).result().resource());
      out.add(m.id() + " (" + m.severity().id() + ", " + rs.size() + " resource(s); " + m.title()
          + (m.benchmarks().isEmpty() ? "" : "; " + String.join(", ", m.benchmarks())) + "): " + m.remediation()
          + (cmd.isEmpty() ? "" : " e.g. " + cmd));
    }
    return out;
  }
}
