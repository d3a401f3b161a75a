package dev.kumo.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.simulate.scenario.ScenarioLibrary;
import dev.kumo.testing.SharedData;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated CloudTrail events have the structure of real events of the same API. */
class RealismTest {
  /** Keys real events carry only sometimes (errors, console sessions, endpoints, resources). */
  private static final Set<String> OPTIONAL = Set.of("errorCode", "errorMessage", "additionalEventData", "resources",
      "sharedEventID", "vpcEndpointId", "vpcEndpointAccountId", "tlsDetails", "sessionCredentialFromConsole",
      "eventCategory", "managementEvent", "readOnly", "requestParameters", "responseElements", "serviceEventDetails",
      "requestID", "eventID", "eventVersion", "userAgent", "sourceIPAddress");

  /**
   * Request keys AWS documents for an API that the real samples in ../shared happen not to show (the only
   * PutBucketReplication sample there is a failed call without its configuration; the GetRole ones are denied
   * calls without parameters; the GetObject ones are trimmed of the Host S3 data events carry).
   */
  private static final Set<String> DOCUMENTED = Set.of(
      "s3.amazonaws.com:PutBucketReplication requestParameters.ReplicationConfiguration",
      "iam.amazonaws.com:GetRole requestParameters.roleName",
      "s3.amazonaws.com:GetObject requestParameters.Host");

  @TempDir
  Path dir;

  @Test
  void generatedEvents_haveTheTopLevelKeysAndValueTypesOfRealEventsOfTheSameApi() throws IOException {
    Simulation.run(new SimulationOptions(2, 30_000, Instant.parse("2026-03-02T00:00:00Z"), 1,
        EnumSet.of(Source.CLOUDTRAIL), dir));
    assertThat(compare(generated(dir, null), false)).isGreaterThan(20);
  }

  @Test
  void scenarioEvents_haveTheKeysAndValueTypesOfRealEventsOfTheSameApi() throws IOException {
    Simulation.run(new SimulationOptions(3, 2_000, Instant.parse("2026-03-02T00:00:00Z"), 1,
        EnumSet.of(Source.CLOUDTRAIL), dir,
        ScenarioLibrary.builtin().stream().map(s -> s.withStart(java.time.Duration.ofHours(1))).toList()));
    Set<String> labelled = new HashSet<>();
    for (String line : Files.readAllLines(Simulation.labelsFile(dir))) {
      if (((JsonObject) JsonTreeReader.lenient().read(line)).get("event_id") instanceof String id) {
        labelled.add(id);
      }
    }
    Map<String, JsonObject> scenarioApis = generated(dir, labelled);
    int compared = compare(scenarioApis, true);
    System.out.println("scenario APIs compared with real events: " + compared + " of " + scenarioApis.size() + " "
        + scenarioApis.keySet().stream().sorted().toList());
    assertThat(compared).isGreaterThanOrEqualTo(scenarioApis.size() * 3 / 4);
  }

  /** The first generated event of each API (of the events in {@code only}, when given). */
  private static Map<String, JsonObject> generated(Path root, Set<String> only) throws IOException {
    Map<String, JsonObject> generated = new HashMap<>();
    try (Stream<Path> s = Files.walk(root.resolve("AWSLogs"))) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        for (var e : SourceTesting.read(p).events()) {
          JsonObject r = e.raw();
          if (only == null || only.contains(e.id())) {
            generated.putIfAbsent(r.getString("eventSource") + ":" + r.getString("eventName"), r);
          }
        }
      }
    }
    return generated;
  }

  /**
   * Compares each generated event with the real events of its API: top-level keys, and the value types of
   * userIdentity and requestParameters fields (with {@code strictKeys}, also no requestParameters key real
   * events never have). Returns how many APIs had real events to compare with.
   */
  private static int compare(Map<String, JsonObject> generated, boolean strictKeys) throws IOException {
    Map<String, List<JsonObject>> real = realEvents();
    int compared = 0;
    List<String> unknownKeys = new ArrayList<>();
    for (var g : generated.entrySet()) {
      List<JsonObject> refs = real.get(g.getKey());
      if (refs == null) {
        continue;
      }
      compared++;
      Set<String> realKeys = new HashSet<>(OPTIONAL);
      Map<String, Set<String>> types = new HashMap<>();
      for (JsonObject r : refs) {
        keys(r).forEach(realKeys::add);
        collectTypes(r, "userIdentity", types);
        collectTypes(r, "requestParameters", types);
      }
      assertThat(keys(g.getValue())).as(g.getKey()).isSubsetOf(realKeys);
      Map<String, Set<String>> mine = new HashMap<>();
      collectTypes(g.getValue(), "userIdentity", mine);
      collectTypes(g.getValue(), "requestParameters", mine);
      for (var t : mine.entrySet()) {
        if (strictKeys && t.getKey().startsWith("requestParameters.") && !types.containsKey(t.getKey())
            && !DOCUMENTED.contains(g.getKey() + " " + t.getKey())) {
          unknownKeys.add(g.getKey() + ": real events have no " + t.getKey());
        }
        if (types.containsKey(t.getKey())) {
          if (types.get(t.getKey()).contains("array")) {
            types.get(t.getKey()).add("string"); // Panther's test logs wrap S3 query parameters in arrays
          }
          assertThat(types.get(t.getKey())).as(g.getKey() + " " + t.getKey()).containsAnyElementsOf(t.getValue());
        }
      }
    }
    assertThat(unknownKeys).isEmpty();
    return compared;
  }

  private static List<String> keys(JsonObject o) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < o.size(); i++) {
      if (!o.keyAt(i).startsWith("p_")) {
        out.add(o.keyAt(i));
      }
    }
    return out;
  }

  private static void collectTypes(JsonObject r, String field, Map<String, Set<String>> out) {
    if (r.get(field) instanceof JsonObject o) {
      for (int i = 0; i < o.size(); i++) {
        out.computeIfAbsent(field + "." + o.keyAt(i), k -> new HashSet<>()).add(type(o.valueAt(i)));
      }
    }
  }

  private static String type(Object v) {
    return v == null ? "null" : v instanceof JsonObject ? "object" : v instanceof JsonArray ? "array"
        : v instanceof String ? "string" : v instanceof Boolean ? "boolean" : "number";
  }

  /** Real records (with a userIdentity) by API, from the shared data. */
  private static Map<String, List<JsonObject>> realEvents() throws IOException {
    Path data = SharedData.require("data");
    Map<String, List<JsonObject>> out = new HashMap<>();
    List<JsonObject> all = new ArrayList<>();
    JsonTreeReader reader = JsonTreeReader.lenient();
    for (String f : List.of("aws-docs-samples/cloudtrail-user-guide.events.jsonl", "plaso-cloud-test-data/aws_cloudtrail.jsonl")) {
      for (String line : Files.readAllLines(data.resolve(f))) {
        if (!line.isBlank()) {
          all.add((JsonObject) reader.read(line));
        }
      }
    }
    for (var c : SourceTesting.pantherCases("tests_AWS.CloudTrail.jsonl.gz")) {
      all.add(c.log()); // attack and benign test events alike: real AWS records either way
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(data.resolve("traildiscover/logExamples.jsonl.gz")))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && reader.read(line) instanceof JsonObject o && o.has("eventName")) {
          all.add(o);
        }
      }
    }
    try (Stream<Path> s = Files.list(data.resolve("stratus-red-team-detonation-logs/detonation-logs"))) {
      for (Path p : s.toList()) {
        Object v = reader.read(Files.readString(p));
        JsonArray records = v instanceof JsonArray a ? a : (JsonArray) ((JsonObject) v).get("Records");
        for (int i = 0; i < records.size(); i++) {
          all.add((JsonObject) records.get(i));
        }
      }
    }
    for (JsonObject r : all) {
      if (r.has("userIdentity") && r.get("eventSource") instanceof String src) {
        out.computeIfAbsent(src + ":" + r.getString("eventName"), k -> new ArrayList<>()).add(r);
      }
    }
    return out;
  }
}
