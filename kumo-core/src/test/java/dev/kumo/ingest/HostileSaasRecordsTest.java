package dev.kumo.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kumo.event.Origin;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.testing.PantherRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The GCP, Kubernetes, SaaS and auditd sources never throw anything but {@link InvalidRecordException}:
 * real sample records with members swapped for values of the wrong type (strings for objects,
 * objects for strings, arrays, nulls, huge numbers) are normalized or rejected with a reason.
 */
class HostileSaasRecordsTest {
  private static final Set<String> SOURCES = Set.of("gcp.audit", "gworkspace", "kubernetes.audit", "okta",
      "github.audit", "onelogin", "bitbucket.audit", "cisco.duo", "linux.auditd");

  private static final Object[] REPLACEMENTS = {"", "x", "2026-99-99T99:99:99Z", 9223372036854775807L,
      new java.math.BigDecimal("1e400"), Boolean.TRUE, JsonNull.INSTANCE, JsonObject.EMPTY, JsonArray.EMPTY,
      JsonArray.of("a", 1L), JsonObject.of("name", JsonArray.EMPTY, "value", JsonObject.EMPTY), "%%%", "AAAA",
      "{\"kind\":\"Event\"", "/keys/"};

  private static List<JsonObject> samples() throws IOException {
    List<JsonObject> out = new ArrayList<>();
    out.addAll(PantherRecords.select("tests_GCP.AuditLog.jsonl.gz", Set.of("GCP.AuditLog"), true));
    out.addAll(PantherRecords.select("tests_Amazon.EKS.Audit.jsonl.gz", Set.of("Amazon.EKS.Audit"), true));
    for (String f : new String[] {"GSuite.ActivityEvent", "Okta.SystemLog", "GitHub.Audit", "OneLogin.Events",
        "Duo.Authentication", "Duo.Administrator"}) {
      out.addAll(PantherRecords.select("other-saas/tests_" + f + ".jsonl.gz", Set.of(f), true));
    }
    for (String line : Files.readAllLines(Path.of("src/test/resources/samples/bitbucket.audit/20260314-00000.audit.log"))) {
      out.add((JsonObject) dev.kumo.json.JsonTreeReader.lenient().read(line));
    }
    for (String line : Files.readAllLines(Path.of("src/test/resources/samples/linux.auditd/laurel.jsonl"))) {
      out.add((JsonObject) dev.kumo.json.JsonTreeReader.lenient().read(line));
    }
    return out;
  }

  @Test
  void normalize_typeConfusedMembers_onlyEverRejectsWithAReason() throws IOException {
    Random random = new Random(20260314L);
    LogSources sources = LogSources.defaults();
    int normalized = 0;
    for (JsonObject sample : samples()) {
      LogSource source = sources.detect(sample).orElseThrow();
      assertThat(SOURCES).contains(source.id());
      for (int round = 0; round < 16; round++) {
        JsonObject mutated = mutate(sample, random, 0);
        try {
          source.normalize(mutated, new Origin("hostile", 1, 1));
          if (source instanceof JsonLogSource j) {
            j.records(mutated);
          }
          normalized++;
        } catch (InvalidRecordException expected) {
          assertThat(expected.getMessage()).doesNotContain("\n");
        } catch (RuntimeException e) {
          fail(source.id() + " threw " + e + " on " + mutated.toJson(), e);
        }
      }
    }
    assertThat(normalized).isGreaterThan(500);
  }

  /** A copy of {@code o} with some members (at any depth) replaced by values of another type. */
  private static JsonObject mutate(JsonObject o, Random random, int depth) {
    JsonObject.Builder b = JsonObject.builder();
    for (int i = 0; i < o.size(); i++) {
      Object v = o.valueAt(i);
      if (random.nextInt(6) == 0) {
        v = REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
      } else if (v instanceof JsonObject inner && depth < 6) {
        v = mutate(inner, random, depth + 1);
      } else if (v instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject first && depth < 6) {
        v = JsonArray.of(mutate(first, random, depth + 1), REPLACEMENTS[random.nextInt(REPLACEMENTS.length)]);
      }
      b.put(o.keyAt(i), v);
    }
    return b.build();
  }
}
