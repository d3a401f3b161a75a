package dev.kumo.posture.report;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.posture.PostureResult;
import dev.kumo.posture.check.CheckMeta;
import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.rank.RankedResult;
import dev.kumo.posture.rank.SourceView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A scan as JSON Lines, schema {@value PostureResult#SCHEMA}: the failing results first in rank order (with
 * {@code rank}, {@code visibility} and {@code telemetry}), then every other result in check order.
 */
public final class PostureJson {
  /** One line per result, in the order described above. */
  public List<String> lines(PostureResult scan) {
    List<String> out = new ArrayList<>();
    Set<CheckResult> ranked = Collections.newSetFromMap(new IdentityHashMap<>());
    int rank = 0;
    for (RankedResult r : scan.ranked()) {
      ranked.add(r.result());
      out.add(line(r.result(), ++rank, r).toJson());
    }
    for (CheckResult r : scan.results()) {
      if (!ranked.contains(r)) {
        out.add(line(r, 0, null).toJson());
      }
    }
    return out;
  }

  static JsonObject line(CheckResult r, int rank, @Nullable RankedResult ranked) {
    CheckMeta m = r.check();
    JsonObject.Builder b = JsonObject.builder().put("schema", PostureResult.SCHEMA).put("check", m.id())
        .put("title", m.title()).put("status", r.status().id()).put("severity", m.severity().id())
        .put("detail", r.detail()).put("source", r.source()).put("resource", resource(r.resource()))
        .put("threat", m.threat().id()).put("attack", strings(m.techniques()))
        .put("benchmarks", strings(m.benchmarks())).put("risk", m.risk()).put("remediation", m.remediation());
    String command = m.commandFor(r.resource());
    if (!command.isEmpty()) {
      b.put("command", command);
    }
    if (ranked != null) {
      b.put("rank", (long) rank).put("visibility", ranked.visibility().id());
      List<Object> sources = new ArrayList<>();
      for (SourceView v : ranked.sources()) {
        sources.add(JsonObject.builder().put("telemetry", v.telemetry()).put("state", v.state().id())
            .put("kumo_source", v.source()).put("rules", strings(v.rules())).build());
      }
      b.put("telemetry", JsonArray.of(sources.toArray()));
    }
    return b.build();
  }

  static JsonObject resource(Resource r) {
    return JsonObject.builder().put("provider", r.provider().id()).put("kind", r.kind()).put("id", r.id())
        .put("name", r.name()).put("account", r.account()).put("region", r.region()).put("origin", r.origin())
        .build();
  }

  static JsonArray strings(List<String> values) {
    return JsonArray.of(values.toArray());
  }
}
