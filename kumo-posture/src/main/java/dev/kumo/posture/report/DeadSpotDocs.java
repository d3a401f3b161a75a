package dev.kumo.posture.report;

import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.deadspot.DeadSpot;
import dev.kumo.posture.deadspot.DeadSpotReport;
import dev.kumo.posture.deadspot.Reason;
import dev.kumo.posture.rank.RankedResult;
import java.util.ArrayList;
import java.util.List;

/** Builds the dead-spot report: ranked dead spots, then what each one needs. */
public final class DeadSpotDocs {
  /** Columns of the table (and the CSV). */
  static final List<String> COLUMNS = List.of("rank", "threat", "control", "why", "owner", "title", "detail",
      "services");
  /** Failing resources named per dead spot before "and N more". */
  static final int MAX_NAMED = 5;

  /** The whole report. */
  public Doc report(DeadSpotReport r) {
    List<Doc.Block> blocks = new ArrayList<>();
    blocks.add(new Doc.Para(r.deadSpots().size() + " dead spot(s) among " + r.inScope().size()
        + " controls in scope, on " + r.day() + ". Services in use: " + String.join(", ", r.servicesInUse()) + "."));
    blocks.add(new Doc.Heading("Dead spots, by the report threat they leave open"));
    blocks.add(table(r));
    if (!r.unclassified().isEmpty()) {
      blocks.add(new Doc.Heading("Services Kumo cannot classify (ownership unknown)"));
      blocks.add(new Doc.Bullets(r.unclassified()));
    }
    if (!r.warnings().isEmpty()) {
      blocks.add(new Doc.Heading("Warnings"));
      blocks.add(new Doc.Bullets(r.warnings()));
    }
    return new Doc("Kumo shared-responsibility dead spots", blocks);
  }

  /** The dead spots as a table. */
  public Doc.Table table(DeadSpotReport r) {
    List<List<String>> rows = new ArrayList<>();
    int rank = 0;
    for (DeadSpot d : r.deadSpots()) {
      rows.add(List.of(String.valueOf(++rank), d.threat() == null ? "-" : d.threat().id(), d.control().id(),
          String.join(", ", d.reasons().stream().map(Reason::label).toList()) + (d.blind() ? " (blind)" : ""),
          String.join(", ", d.owners()), d.control().title(), detail(d), String.join(", ", d.services())));
    }
    return new Doc.Table(COLUMNS, rows, List.of(7, 5, 6));
  }

  /** What makes it a dead spot, in words. */
  static String detail(DeadSpot d) {
    List<String> parts = new ArrayList<>();
    if (!d.unowned().isEmpty()) {
      parts.add("no owner for " + String.join(", ", d.unowned()));
    }
    int named = 0;
    for (RankedResult f : d.failing()) {
      if (named++ == MAX_NAMED) {
        parts.add("and " + (d.failing().size() - MAX_NAMED) + " more failing");
        break;
      }
      CheckResult c = f.result();
      parts.add(c.check().id() + " fails on " + c.resource().name() + where(c) + " (" + f.visibility().label()
          + ")");
    }
    if (!d.missed().isEmpty()) {
      parts.add("exercise missed " + String.join(", ", d.missed()));
    }
    if (d.reasons().contains(Reason.NO_EVIDENCE)) {
      parts.add("no passing check, no watched log source, no exercise, no attestation");
    }
    if (d.reasons().contains(Reason.UNVERIFIED_PROVIDER)) {
      parts.add("record a provider attestation (e.g. SOC 2 / ISO 27001 report reviewed)");
    }
    return String.join("; ", parts);
  }

  private static String where(CheckResult c) {
    String a = c.resource().account();
    String r = c.resource().region();
    return a.isEmpty() && r.isEmpty() ? "" : " [" + a + (r.isEmpty() ? "" : " " + r) + "]";
  }
}
