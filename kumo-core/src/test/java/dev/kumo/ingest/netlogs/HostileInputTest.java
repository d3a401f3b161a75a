package dev.kumo.ingest.netlogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.Origin;
import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.LogSource;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.TextLogSource;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Records of the network and web sources with values of the wrong type or damaged lines are either
 * read or reported as invalid records; no other exception escapes.
 */
class HostileInputTest {
  private static final Origin ORIGIN = new Origin("hostile", 1, 1);
  private static final Object[] WEIRD = {"", "-", "x", -1L, Long.MAX_VALUE, new BigDecimal("1e999999"),
      new BigDecimal("-0.5"), Boolean.TRUE, JsonNull.INSTANCE, JsonArray.of("a", 1L), JsonArray.EMPTY, JsonObject.EMPTY,
      JsonObject.of("a", JsonObject.of("b", "c")), "\u0000\uD800\u2028", "9".repeat(5000)};

  /** A sample record of each JSON-read source, in its own layout. */
  private static List<String[]> jsonSamples() {
    return List.of(
        new String[] {"aws.route53resolver", "vpcdnsquerylogs.log"},
        new String[] {"aws.waf", "aws-waf-logs-api-prod.log"},
        new String[] {"gcp.http_lb", "requests.jsonl"},
        new String[] {"azure.appgateway", "PT1H.json"});
  }

  private static LogSource source(String id) {
    return LogSources.defaults().byId(id).orElseThrow();
  }

  private static void normalizeOrReject(LogSource s, JsonObject record) {
    try {
      NormalizedEvent e = s.normalize(record, ORIGIN);
      assertThat(e.id()).isNotEmpty();
      assertThat(e.time()).isNotNull();
    } catch (InvalidRecordException expected) {
      assertThat(expected.getMessage()).doesNotContain("\n");
    }
  }

  /** {@code o} with the value at {@code path} replaced (objects along the path are rebuilt). */
  private static JsonObject replace(JsonObject o, List<String> path, Object value) {
    JsonObject.Builder b = JsonObject.builder();
    for (int i = 0; i < o.size(); i++) {
      Object v = o.valueAt(i);
      if (o.keyAt(i).equals(path.get(0))) {
        v = path.size() == 1 ? value : v instanceof JsonObject inner ? replace(inner, path.subList(1, path.size()), value) : v;
      }
      b.put(o.keyAt(i), v);
    }
    return b.build();
  }

  private static void paths(JsonObject o, List<String> prefix, List<List<String>> out) {
    for (int i = 0; i < o.size(); i++) {
      List<String> p = new ArrayList<>(prefix);
      p.add(o.keyAt(i));
      out.add(p);
      if (o.valueAt(i) instanceof JsonObject inner) {
        paths(inner, p, out);
      }
    }
  }

  @Test
  void normalize_everyFieldOfTheWrongType_isReadOrRejected() {
    for (String[] sample : jsonSamples()) {
      LogSource s = source(sample[0]);
      for (String line : new String(NetSamples.fixture(sample[0], sample[1]), StandardCharsets.UTF_8).split("\n")) {
        JsonObject record = (JsonObject) JsonTreeReader.lenient().read(line);
        List<List<String>> paths = new ArrayList<>();
        paths(record, List.of(), paths);
        for (List<String> p : paths) {
          for (Object weird : WEIRD) {
            normalizeOrReject(s, replace(record, p, weird));
          }
        }
      }
    }
  }

  @Test
  void normalize_parsedTextRecordsWithWrongTypes_areReadOrRejected() {
    for (String[] sample : List.of(new String[] {"aws.vpcflow", "custom-v5-with-header.log"},
        new String[] {"aws.elb", "alb-shop-prod.log"}, new String[] {"aws.cloudfront", "E2EXAMPLE1ABCD.2026-03-14-09.a1b2c3d4.log"},
        new String[] {"aws.s3access", "2026-03-14-09-15-32-6A1F0D7E2B9C4E5F"})) {
      TextLogSource s = (TextLogSource) source(sample[0]);
      List<String> lines = List.of(new String(NetSamples.fixture(sample[0], sample[1]), StandardCharsets.UTF_8).split("\n"));
      TextLogSource.LineParser parser = s.sniff(lines).orElseThrow();
      for (String line : lines) {
        JsonObject record = parser.parse(line);
        if (record == null) {
          continue;
        }
        for (int i = 0; i < record.size(); i++) {
          for (Object weird : WEIRD) {
            normalizeOrReject(s, replace(record, List.of(record.keyAt(i)), weird));
          }
        }
      }
    }
  }

  @Test
  void parse_randomlyDamagedLines_areReadOrRejected() {
    Random random = new Random(42);
    String noise = "\"[]\\ -\t:;%\u00e9\uD83D\uDE00";
    for (String[] sample : List.of(new String[] {"aws.vpcflow", "default-v2-with-header.log"},
        new String[] {"aws.vpcflow", "cloudwatch-headerless.log"}, new String[] {"aws.elb", "alb-shop-prod.log"},
        new String[] {"aws.elb", "classic-legacy-web.log"},
        new String[] {"aws.cloudfront", "E2EXAMPLE1ABCD.2026-03-14-09.a1b2c3d4.log"},
        new String[] {"aws.s3access", "2026-03-14-09-15-32-6A1F0D7E2B9C4E5F"})) {
      TextLogSource s = (TextLogSource) source(sample[0]);
      List<String> lines = List.of(new String(NetSamples.fixture(sample[0], sample[1]), StandardCharsets.UTF_8).split("\n"));
      Optional<TextLogSource.LineParser> sniffed = s.sniff(lines);
      assertThat(sniffed).as(sample[1]).isPresent();
      TextLogSource.LineParser parser = sniffed.get();
      for (int round = 0; round < 300; round++) {
        StringBuilder line = new StringBuilder(lines.get(random.nextInt(lines.size())));
        for (int k = 0, edits = 1 + random.nextInt(4); k < edits && line.length() > 0; k++) {
          int at = random.nextInt(line.length());
          switch (random.nextInt(3)) {
            case 0 -> line.deleteCharAt(at);
            case 1 -> line.insert(at, noise.charAt(random.nextInt(noise.length())));
            default -> line.setLength(at);
          }
        }
        try {
          JsonObject record = parser.parse(line.toString());
          if (record != null) {
            normalizeOrReject(s, record);
          }
        } catch (InvalidRecordException expected) {
          assertThat(expected.getMessage()).doesNotContain("\n");
        }
      }
    }
  }
}
