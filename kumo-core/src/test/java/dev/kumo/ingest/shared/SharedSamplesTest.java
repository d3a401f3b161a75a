package dev.kumo.ingest.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.ingest.LogSource;
import dev.kumo.ingest.LogSources;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.testing.SharedData;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Every real log sample in ../shared/data is read by the right log source with zero problems; the
 * samples Kumo does not read are listed with the reason. Prints one line per sample. Samples that are
 * snippets extracted from documentation rather than log files are read record by record in their source's
 * own test ({@code guardduty-user-guide.findings.jsonl}: GuardDutySourceTest and SecurityHubSourceTest;
 * {@code vpc-flow-logs-records-examples.md}: the VPC flow source's tests).
 */
class SharedSamplesTest {
  private static final LogSources SOURCES = LogSources.defaults();

  /** Panther log types Kumo does not read, and why. */
  private static final Map<String, String> NOT_READ = Map.of(
      "Policy-AWS", "resource configuration snapshots for posture checks, not logs (read by the posture issue)");

  /**
   * Panther log types whose records Kumo rightly splits over more than one source: Google Workspace admin
   * activity exported through Cloud Logging is a {@code GCP.AuditLog} to Panther and Workspace activity to Kumo.
   */
  private static final Map<String, Set<String>> ALSO_READ_AS = Map.of("GCP.AuditLog", Set.of("gworkspace"));

  /**
   * Panther log types that bundle several logs Kumo reads with separate sources, told apart record by record
   * (Panther's {@code Azure.Audit} holds Entra ID sign-in, audit, risk and PIM records).
   */
  private static final Map<String, Set<String>> SPLIT_TYPES = Map.of(
      "Azure.Audit", Set.of("azure.signin", "azure.audit", "azure.riskdetection", "azure.pim"));

  private final List<String> table = new ArrayList<>();

  /** Reads content as a file and checks every event came from {@code expected} with no problem. */
  private void expectAll(String label, String name, byte[] content, String expected) {
    expectAll(label, name, content, Set.of(expected));
  }

  private void expectAll(String label, String name, byte[] content, Set<String> expected) {
    SourceTesting.Read r = SourceTesting.read(name, content);
    Map<String, Integer> bySource = new TreeMap<>();
    r.events().forEach(e -> bySource.merge(e.source(), 1, Integer::sum));
    table.add(String.format("  %-70s %6d events %s, %d problems", label, r.events().size(), bySource,
        r.stats().problems()));
    assertThat(r.problems()).as(label).isEmpty();
    assertThat(r.events()).as(label).isNotEmpty().allSatisfy(e -> assertThat(e.source()).as(label).isIn(expected));
  }

  private void print() {
    System.out.println("Shared samples read:");
    table.forEach(System.out::println);
  }

  @Test
  void pantherTestEvents_everySupportedLogTypeReadByItsSource() throws IOException {
    Path root = SharedData.require("data/panther-analysis-tests");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Stream.concat(Files.list(root), Files.list(root.resolve("other-saas")))) {
      s.filter(p -> p.getFileName().toString().startsWith("tests_")).sorted().forEach(files::add);
    }
    List<String> unsupported = new ArrayList<>();
    for (Path f : files) {
      String type = f.getFileName().toString().replace("tests_", "").replace(".jsonl.gz", "");
      if (type.equals("correlation_and_query_rules")) {
        continue;
      }
      String rel = root.relativize(f).toString();
      if (SPLIT_TYPES.containsKey(type)) {
        expectAll("panther " + rel, type + ".jsonl", withoutPantherType(SourceTesting.pantherLogsAsJsonLines(rel)),
            SPLIT_TYPES.get(type));
        continue;
      }
      Optional<LogSource> source = byPantherType(type);
      if (source.isEmpty()) {
        unsupported.add(type + (NOT_READ.containsKey(type) ? " (" + NOT_READ.get(type) + ")" : ""));
        continue;
      }
      byte[] own = ownRecords(SourceTesting.pantherLogsAsJsonLines(rel), source.get());
      Set<String> accepted = new HashSet<>(ALSO_READ_AS.getOrDefault(type, Set.of()));
      accepted.add(source.get().id());
      expectAll("panther " + rel, type + ".jsonl", own, accepted);
    }
    print();
    System.out.println("Panther log types Kumo does not read (" + unsupported.size() + "): " + unsupported);
    assertThat(unsupported).as("cloud log types must all be read").noneMatch(t -> t.startsWith("AWS.")
        && !t.startsWith("AWS.CloudWatchEvents"));
  }

  @Test
  void pantherCorrelationFile_recordsOfSupportedTypesReadByTheirSource() throws IOException {
    Path file = SharedData.require("data/panther-analysis-tests/tests_correlation_and_query_rules.jsonl.gz");
    Map<String, StringBuilder> byType = new TreeMap<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonObject c = (JsonObject) JsonTreeReader.lenient().read(line);
        if (!(c.get("log_types") instanceof JsonArray types) || types.size() != 1 || c.getObject("log") == null) {
          continue;
        }
        byType.computeIfAbsent(String.valueOf(types.get(0)), k -> new StringBuilder())
            .append(c.getObject("log").toJson()).append('\n');
      }
    }
    for (Map.Entry<String, StringBuilder> e : byType.entrySet()) {
      Optional<LogSource> source = byPantherType(e.getKey());
      if (source.isPresent()) {
        expectAll("panther correlation file: " + e.getKey(), e.getKey() + ".jsonl",
            e.getValue().toString().getBytes(StandardCharsets.UTF_8), source.get().id());
      } else {
        table.add("  not read: correlation-file records of " + e.getKey());
      }
    }
    print();
  }

  @Test
  void plasoAwsDocsAndLabelledSamples_readByTheirSource() throws IOException {
    Map<String, String> expected = new TreeMap<>(Map.of(
        "plaso-cloud-test-data/aws_cloudtrail.jsonl", "aws.cloudtrail",
        "plaso-cloud-test-data/aws_elb_access.log", "aws.elb",
        "plaso-cloud-test-data/azure_activity_log.jsonl", "azure.activity",
        "plaso-cloud-test-data/azure_application_gateway_access.json", "azure.appgateway",
        "plaso-cloud-test-data/gcp_logging.jsonl", "gcp.audit",
        "plaso-cloud-test-data/microsoft_audit_log.jsonl", "m365.audit",
        "aws-docs-samples/cloudtrail-user-guide.events.jsonl", "aws.cloudtrail",
        "stratus-red-team-detonation-logs/stratus-detonations.labeled.jsonl.gz", "aws.cloudtrail",
        "traildiscover/logExamples.jsonl.gz", "aws.cloudtrail"));
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Path f = SharedData.require("data/" + e.getKey());
      expectAll(e.getKey(), f.getFileName().toString(), Files.readAllBytes(f), e.getValue());
    }
    print();
  }

  @Test
  void stratusDetonationsAndTrailDiscover_readAsCloudTrail() throws IOException {
    Path logs = SharedData.require("data/stratus-red-team-detonation-logs/detonation-logs");
    try (Stream<Path> s = Files.list(logs)) {
      for (Path f : s.sorted().toList()) {
        expectAll("stratus " + f.getFileName(), f.getFileName().toString(), Files.readAllBytes(f), "aws.cloudtrail");
      }
    }
    print();
  }

  private static Optional<LogSource> byPantherType(String type) {
    return SOURCES.all().stream().filter(s -> s.pantherLogTypes().contains(type)).findFirst();
  }

  /** Drops {@code p_log_type} so that each record is told apart by content, as in a real export. */
  private static byte[] withoutPantherType(byte[] jsonLines) {
    StringBuilder out = new StringBuilder();
    for (String line : new String(jsonLines, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        JsonObject r = (JsonObject) JsonTreeReader.lenient().read(line);
        JsonObject.Builder b = JsonObject.builder();
        for (int i = 0; i < r.size(); i++) {
          if (!r.keyAt(i).equals("p_log_type")) {
            b.put(r.keyAt(i), r.valueAt(i));
          }
        }
        out.append(b.build().toJson()).append('\n');
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Keeps the records of a Panther test file that belong to {@code source}: some test files also hold
   * look-alike events of other log types (e.g. a Zoom operation in the OneLogin tests) for multi-type rules.
   */
  private static byte[] ownRecords(byte[] jsonLines, LogSource source) {
    StringBuilder own = new StringBuilder();
    for (String line : new String(jsonLines, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      Object type = ((JsonObject) JsonTreeReader.lenient().read(line)).get("p_log_type");
      if (type == null || source.pantherLogTypes().contains(String.valueOf(type))) {
        own.append(line).append('\n');
      }
    }
    return own.toString().getBytes(StandardCharsets.UTF_8);
  }
}
