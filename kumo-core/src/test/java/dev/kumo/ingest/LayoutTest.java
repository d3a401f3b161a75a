package dev.kumo.ingest;

import static dev.kumo.ingest.CloudTrailFixtures.delivery;
import static dev.kumo.ingest.CloudTrailFixtures.gzip;
import static dev.kumo.ingest.CloudTrailFixtures.record;
import static dev.kumo.ingest.CloudTrailFixtures.records;
import static dev.kumo.ingest.CloudTrailFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NormalizedEvent;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every layout exporters write is read, with correct line numbers. */
class LayoutTest {
  private final List<NormalizedEvent> events = new ArrayList<>();
  private final IngestStats stats = new IngestStats(20);

  private void read(String name, byte[] content) {
    new LogReader(LogSources.defaults(), IngestLimits.DEFAULTS, null)
        .read(InputFile.ofStream(name, () -> new ByteArrayInputStream(content)), events::add, stats, null);
  }

  @Test
  void read_cloudTrailDeliveryFile_readsEveryRecord() {
    read("d.json", utf8(delivery(records(3))));
    assertThat(events).hasSize(3);
    assertThat(stats.problems()).isZero();
  }

  @Test
  void read_athenaExportWithLowercaseKeys_restoresCloudTrailNames() {
    read("athena.jsonl", utf8("{\"eventversion\":\"1.08\",\"useridentity\":{\"type\":\"IAMUser\","
        + "\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accountid\":\"111122223333\","
        + "\"sessioncontext\":{\"attributes\":{\"mfaauthenticated\":\"false\"}}},"
        + "\"eventtime\":\"2023-01-10 21:04:02\",\"eventsource\":\"waf.amazonaws.com\",\"eventname\":\"CreateIPSet\","
        + "\"awsregion\":\"us-east-1\",\"sourceipaddress\":\"198.51.100.4\",\"requestparameters\":{\"Name\":\"x\"},"
        + "\"eventid\":\"e-athena-1\",\"recipientaccountid\":\"111122223333\"}\n"));

    assertThat(stats.problems()).isZero();
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo("aws.cloudtrail");
      assertThat(e.time()).isEqualTo(java.time.Instant.parse("2023-01-10T21:04:02Z"));
      assertThat(e.api().operation()).isEqualTo("CreateIPSet");
      assertThat(e.actor().principal()).isEqualTo("arn:aws:iam::111122223333:user/alice");
      assertThat(e.field("userIdentity.sessionContext.attributes.mfaAuthenticated")).isEqualTo("false");
      assertThat(e.field("requestParameters.Name")).isEqualTo("x");
      assertThat(e.cloud().account()).isEqualTo("111122223333");
    });
  }

  @Test
  void read_gzipDetectedByContentNotName() {
    read("no-extension", gzip(utf8(delivery(records(5)))));
    assertThat(events).hasSize(5);
  }

  @Test
  void read_concatenatedGzipMembers_readsAll() {
    byte[] a = gzip(utf8(delivery(records(2))));
    byte[] b = gzip(utf8(delivery(List.of(record(3)))));
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    read("multi.json.gz", both);
    assertThat(events).hasSize(3);
  }

  @Test
  void read_prettyPrintedArray_givesRecordLines() {
    String pretty = "[\n  " + record(1) + ",\n\n  " + record(2).replace(",\"eventTime\"", ",\n\"eventTime\"") + "\n]\n";
    read("stratus.json", utf8(pretty));
    assertThat(events).extracting(e -> e.origin().line()).containsExactly(2L, 4L);
  }

  @Test
  void read_jsonLinesWithCrlfAndBlankLines_readsAll() {
    read("x.jsonl", utf8("\uFEFF" + record(1) + "\r\n\r\n" + record(2) + "\r\n" + record(3)));
    assertThat(events).extracting(e -> e.origin().line()).containsExactly(1L, 3L, 4L);
    assertThat(stats.problems()).isZero();
  }

  @Test
  void read_concatenatedMultiLineObjects_readsAll() {
    String a = record(1).replace(",\"eventTime\"", ",\n\"eventTime\"");
    read("concat.json", utf8(a + "\n" + a.replace("000000000001", "000000000002")));
    assertThat(events).hasSize(2);
  }

  @Test
  void read_recordsWrapperWithOtherKeys_readsRecords() {
    read("w.json", utf8("{\"Records\":[" + record(1) + "],\"Digest\":{\"a\":[1,2]}}"));
    assertThat(events).hasSize(1);
    assertThat(stats.problems()).isZero();
  }

  @Test
  void read_recordsKeyNotFirst_stillReadsRecords() {
    read("w2.json", utf8("{\"meta\":{\"x\":1},\"Records\":[" + record(1) + "," + record(2) + "]}"));
    assertThat(events).hasSize(2);
  }

  @Test
  void read_eventBridgeEnvelope_unwrapsDetail() {
    String envelope = "{\"version\":\"0\",\"id\":\"e1\",\"detail-type\":\"AWS API Call via CloudTrail\","
        + "\"source\":\"aws.s3\",\"detail\":" + record(7) + "}";
    read("eb.jsonl", utf8(envelope + "\n"));
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.api().operation()).isEqualTo("ListBuckets");
      assertThat(e.raw().getString("eventName")).isEqualTo("ListBuckets");
    });
  }

  @Test
  void read_digestFile_isSkippedAndCountedNotReported() {
    read("digest.json.gz", gzip(utf8("{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2026-03-10T00:00:00Z\","
        + "\"digestEndTime\":\"2026-03-10T01:00:00Z\",\"logFiles\":[]}")));
    assertThat(stats.digestFiles()).isEqualTo(1);
    assertThat(stats.problems()).isZero();
  }

  @Test
  void read_s3ExportTree_findsEveryFileSorted(@TempDir Path dir) throws Exception {
    Path day = dir.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/10");
    Files.createDirectories(day);
    Files.write(day.resolve("b.json.gz"), gzip(utf8(delivery(records(2)))));
    Files.write(day.resolve("a.json.gz"), gzip(utf8(delivery(records(1)))));
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/config"), "x");
    Inputs.Expansion ex = Inputs.expand(List.of(dir, dir.resolve("missing")));
    assertThat(ex.files()).extracting(f -> Path.of(f.name()).getFileName().toString()).containsExactly("a.json.gz", "b.json.gz");
    assertThat(ex.missing()).containsExactly(dir.resolve("missing").toString());
  }

  @Test
  void normalize_assumedRole_fillsActorSourceAndApi() {
    String r = record(1).replace("\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE000000001\"",
        "\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:i-0abc\",\"sessionContext\":{\"sessionIssuer\":"
            + "{\"type\":\"Role\",\"arn\":\"arn:aws:iam::111122223333:role/web\",\"userName\":\"web\"},"
            + "\"attributes\":{\"mfaAuthenticated\":\"false\"}}").replace("\"userName\":\"alice\"", "\"x\":1")
        .replace("198.51.100.7", "ec2.amazonaws.com");
    read("r.json", utf8(r));
    NormalizedEvent e = events.get(0);
    assertThat(e.actor().identityType()).isEqualTo("AssumedRole");
    assertThat(e.actor().sessionIssuer()).isEqualTo("arn:aws:iam::111122223333:role/web");
    assertThat(e.actor().userName()).isEqualTo("web");
    assertThat(e.actor().mfa()).isFalse();
    assertThat(e.src().ip()).isNull();
    assertThat(e.src().name()).isEqualTo("ec2.amazonaws.com");
    assertThat(e.src().cloudService()).isTrue();
    assertThat(e.cloud().account()).isEqualTo("111122223333");
    assertThat(e.api().service()).isEqualTo("s3.amazonaws.com");
    assertThat(e.api().readOnly()).isTrue();
    assertThat(e.field("userIdentity.sessionContext.sessionIssuer.userName")).isEqualTo("web");
  }
}
