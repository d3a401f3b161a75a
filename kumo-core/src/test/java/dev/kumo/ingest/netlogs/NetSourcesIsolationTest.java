package dev.kumo.ingest.netlogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.LogSource;
import dev.kumo.ingest.LogSources;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.testing.SharedData;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The network and web sources never claim the records of other logs in the shared samples. */
class NetSourcesIsolationTest {
  private static final Set<String> OURS = Set.of("aws.vpcflow", "aws.route53resolver", "aws.elb", "aws.cloudfront",
      "aws.s3access", "aws.waf", "gcp.http_lb", "azure.appgateway");
  private static final Set<String> OUR_PANTHER_FILES = Set.of("tests_AWS.VPCFlow.jsonl.gz", "tests_AWS.VPCDns.jsonl.gz",
      "tests_AWS.S3ServerAccess.jsonl.gz", "tests_AWS.WAFWebACL.jsonl.gz", "tests_GCP.HTTPLoadBalancer.jsonl.gz",
      "tests_correlation_and_query_rules.jsonl.gz");

  private static List<JsonLogSource> ours() {
    List<JsonLogSource> out = new ArrayList<>();
    for (LogSource s : LogSources.defaults().all()) {
      if (OURS.contains(s.id()) && s instanceof JsonLogSource j) {
        out.add(j);
      }
    }
    assertThat(out).hasSize(8);
    return out;
  }

  private static void assertNoneClaims(List<JsonLogSource> sources, JsonObject record, String what) {
    for (JsonLogSource s : sources) {
      assertThat(s.recognizes(record)).as(s.id() + " claims " + what).isFalse();
    }
  }

  @Test
  void recognizes_noRecordOfOtherPantherLogTypes() throws IOException {
    List<JsonLogSource> sources = ours();
    Path dir = SharedData.require("data/panther-analysis-tests");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Stream.concat(Files.list(dir), Files.list(dir.resolve("other-saas")))) {
      s.filter(p -> p.getFileName().toString().endsWith(".jsonl.gz"))
          .filter(p -> !OUR_PANTHER_FILES.contains(p.getFileName().toString())).forEach(files::add);
    }
    assertThat(files).hasSizeGreaterThan(20);
    Set<String> ourTypes = new java.util.HashSet<>();
    sources.forEach(s -> ourTypes.addAll(s.pantherLogTypes()));
    int records = 0;
    StringBuilder ourRecords = new StringBuilder();
    for (Path f : files) {
      String rel = dir.relativize(f).toString();
      for (SourceTesting.PantherCase c : SourceTesting.pantherCases(rel)) {
        if (c.log().get("p_log_type") instanceof String t && ourTypes.contains(t)) {
          ourRecords.append(c.log().toJson()).append('\n'); // a multi-log-type rule's case of one of our types
          continue;
        }
        assertNoneClaims(sources, c.log(), rel + " / " + c.testName());
        records++;
      }
    }
    assertThat(records).isGreaterThan(1000);
    SourceTesting.Read read = SourceTesting.read("ours.jsonl", NetSamples.utf8(ourRecords.toString()));
    assertThat(read.problems()).isEmpty();
    assertThat(read.events()).isNotEmpty().allSatisfy(e -> assertThat(OURS).contains(e.source()));
  }

  @Test
  void recognizes_noRecordOfTheOtherSharedSamples() throws IOException {
    List<JsonLogSource> sources = ours();
    for (String sample : List.of("data/plaso-cloud-test-data/aws_cloudtrail.jsonl",
        "data/plaso-cloud-test-data/azure_activity_log.jsonl", "data/plaso-cloud-test-data/gcp_logging.jsonl",
        "data/plaso-cloud-test-data/microsoft_audit_log.jsonl", "data/aws-docs-samples/cloudtrail-user-guide.events.jsonl",
        "data/aws-docs-samples/guardduty-user-guide.findings.jsonl")) {
      for (String line : Files.readAllLines(SharedData.require(sample))) {
        if (!line.isBlank()) {
          JsonObject o = (JsonObject) JsonTreeReader.lenient().read(line);
          assertNoneClaims(sources, o, sample);
          for (int i = 0; i < o.size(); i++) {
            if (o.valueAt(i) instanceof JsonObject inner) {
              assertNoneClaims(sources, inner, sample + " ." + o.keyAt(i));
            }
          }
        }
      }
    }
  }
}
