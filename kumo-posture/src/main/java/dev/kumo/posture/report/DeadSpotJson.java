package dev.kumo.posture.report;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.posture.deadspot.DeadSpot;
import dev.kumo.posture.deadspot.DeadSpotReport;
import dev.kumo.posture.deadspot.Reason;
import dev.kumo.posture.rank.RankedResult;
import java.util.ArrayList;
import java.util.List;

/** The dead-spot report as one JSON document, schema {@value DeadSpotReport#SCHEMA}. */
public final class DeadSpotJson {
  public String write(DeadSpotReport r) {
    List<Object> spots = new ArrayList<>();
    int rank = 0;
    for (DeadSpot d : r.deadSpots()) {
      List<Object> failing = new ArrayList<>();
      for (RankedResult f : d.failing()) {
        failing.add(JsonObject.builder().put("check", f.result().check().id())
            .put("severity", f.result().check().severity().id()).put("detail", f.result().detail())
            .put("visibility", f.visibility().id()).put("resource", PostureJson.resource(f.result().resource()))
            .build());
      }
      spots.add(JsonObject.builder().put("rank", (long) ++rank).put("control", d.control().id())
          .put("domain", d.control().domain()).put("title", d.control().title()).put("threat", d.threat() == null ? null : d.threat().id())
          .put("reasons", PostureJson.strings(d.reasons().stream().map(Reason::id).toList()))
          .put("blind", d.blind()).put("services", PostureJson.strings(d.services()))
          .put("owners", PostureJson.strings(d.owners())).put("unowned", PostureJson.strings(d.unowned()))
          .put("failing", JsonArray.of(failing.toArray())).put("missed", PostureJson.strings(d.missed()))
          .put("evidence", PostureJson.strings(d.evidence())).put("attack", PostureJson.strings(d.control().attack()))
          .build());
    }
    return JsonObject.builder().put("schema", DeadSpotReport.SCHEMA).put("day", r.day().toString())
        .put("dead_spots", JsonArray.of(spots.toArray())).put("in_scope", PostureJson.strings(r.inScope()))
        .put("services_in_use", PostureJson.strings(r.servicesInUse()))
        .put("unclassified_services", PostureJson.strings(r.unclassified()))
        .put("warnings", PostureJson.strings(r.warnings())).build().toJson() + "\n";
  }
}
