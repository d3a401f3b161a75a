package dev.kumo.ingest.vpcflow;

import static dev.kumo.ingest.netlogs.NetSamples.gzip;
import static dev.kumo.ingest.netlogs.NetSamples.readClean;
import static dev.kumo.ingest.netlogs.NetSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NetworkTraffic;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.ResourceRef;
import dev.kumo.correlate.CorrelationLimits;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.hunt.HuntResult;
import dev.kumo.hunt.Hunter;
import dev.kumo.ingest.IngestLimits;
import dev.kumo.ingest.IngestProblem;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import dev.kumo.sigma.Level;
import dev.kumo.tuning.Mutelist;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.testing.SharedData;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VpcFlowSourceTest {
  private static final String ID = "aws.vpcflow";

  /** The records of each code block of AWS's examples page, as one file each: the stated header line first. */
  private static List<String> docExampleFiles() throws IOException {
    String md = Files.readString(SharedData.require("data/aws-docs-samples/vpc-flow-logs-records-examples.md"));
    List<String> files = new ArrayList<>();
    String header = null;
    boolean inBlock = false;
    List<String> block = new ArrayList<>();
    for (String line : md.split("\n")) {
      if (line.startsWith("```")) {
        if (inBlock && !block.isEmpty()) {
          if (block.size() == 1 && block.get(0).matches("[a-z][a-z0-9 -]+")) {
            header = block.get(0); // "captures the following fields in the following order"
          } else {
            files.add((header == null ? "" : header + "\n") + String.join("\n", block) + "\n");
          }
        }
        inBlock = !inBlock;
        block.clear();
      } else if (inBlock && !line.isBlank() && !line.equals("...")) {
        int note = line.indexOf(" #"); // the page annotates two records with a comment
        block.add(note > 0 ? line.substring(0, note) : line);
      }
    }
    return files;
  }

  @Test
  void read_awsDocExamples_everyRecordIsAFlowWithoutProblems() throws IOException {
    List<String> files = docExampleFiles();
    int records = 0;
    int headerless = 0;
    for (int i = 0; i < files.size(); i++) {
      String f = files.get(i);
      List<NormalizedEvent> events = readClean(ID, "example-" + i + ".log", utf8(f));
      int expected = (int) f.lines().filter(l -> !l.startsWith("version") && !l.startsWith("instance-id")).count();
      assertThat(events).as(f).hasSize(expected);
      records += events.size();
      headerless += f.startsWith("2 ") ? events.size() : 0;
    }
    assertThat(records).isEqualTo(27);
    assertThat(headerless).isEqualTo(7);
  }

  @Test
  void normalize_docTcpFlagsExample_readsCustomFieldsByHeader() throws IOException {
    String f = docExampleFiles().stream().filter(s -> s.startsWith("version vpc-id")).findFirst().orElseThrow();
    NormalizedEvent e = readClean(ID, "flags.log", utf8(f)).get(0);
    assertThat(e.src().ip()).isEqualTo("52.213.180.42");
    assertThat(e.src().port()).isEqualTo(43416);
    assertThat(e.dst().ip()).isEqualTo("10.0.0.62");
    assertThat(e.dst().port()).isEqualTo(5001);
    NetworkTraffic t = (NetworkTraffic) e.details();
    assertThat(t.tcpFlags()).isEqualTo(2);
    assertThat(t.vpcId()).isEqualTo("vpc-abcdefab012345678");
    assertThat(t.instanceId()).isEqualTo("i-01234567890123456");
    assertThat(t.bytes()).isEqualTo(568L);
    assertThat(t.packets()).isEqualTo(8L);
    assertThat(e.field("subnet-id")).isEqualTo("subnet-aaaaaaaa012345678");
  }

  @Test
  void normalize_defaultFormatFile_givesNetworkActivityWithEndpointsAndTraffic() {
    List<NormalizedEvent> events = readClean(ID, "default-v2-with-header.log");
    assertThat(events).hasSize(8);
    NormalizedEvent e = events.get(0);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.NETWORK_ACTIVITY);
    assertThat(e.time()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    assertThat(e.cloud().provider()).isEqualTo("AWS");
    assertThat(e.cloud().account()).isEqualTo("111122223333");
    assertThat(e.src().labelWithPort()).isEqualTo("10.0.1.25:48522");
    assertThat(e.dst().labelWithPort()).isEqualTo("52.94.133.131:443");
    assertThat(e.api().operation()).isEqualTo("ACCEPT tcp/443");
    assertThat(e.resources()).extracting(ResourceRef::uid).containsExactly("eni-0a1b2c3d4e5f60718");
    NetworkTraffic t = (NetworkTraffic) e.details();
    assertThat(t.protocol()).isEqualTo("tcp");
    assertThat(t.action()).isEqualTo("accept");
    assertThat(t.bytes()).isEqualTo(6402L);
    assertThat(t.endTime()).isEqualTo(Instant.parse("2024-05-01T10:01:00Z"));
    assertThat(t.direction()).isNull();
    assertThat(e.id()).startsWith("sha256:").isNotEqualTo(events.get(1).id());
    assertThat(e.raw().get("dstport")).isEqualTo(443L);
  }

  @Test
  void normalize_rejectedFlow_isRejectedTraffic() {
    NormalizedEvent e = readClean(ID, "default-v2-with-header.log").get(2);
    assertThat(e.api().operation()).isEqualTo("REJECT tcp/3389");
    assertThat(((NetworkTraffic) e.details()).action()).isEqualTo("reject");
  }

  @Test
  void normalize_icmpAndIpv6Flows_haveProtocolNamesAndAddresses() {
    List<NormalizedEvent> events = readClean(ID, "default-v2-with-header.log");
    assertThat(((NetworkTraffic) events.get(3).details()).protocol()).isEqualTo("icmp");
    assertThat(events.get(3).api().operation()).isEqualTo("ACCEPT icmp");
    assertThat(((NetworkTraffic) events.get(4).details()).protocol()).isEqualTo("udp");
    assertThat(events.get(5).src().labelWithPort()).isEqualTo("[2001:db8:4f2a:1c00::25]:40022");
  }

  @Test
  void normalize_noDataAndSkipDataRecords_areKeptWithWhatTheyHave() {
    List<NormalizedEvent> events = readClean(ID, "default-v2-with-header.log");
    NormalizedEvent noData = events.get(6);
    assertThat(noData.field("log-status")).isEqualTo("NODATA");
    assertThat(noData.raw().has("srcaddr")).isFalse();
    assertThat(noData.src().ip()).isNull();
    assertThat(noData.time()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    assertThat(noData.api().operation()).isEqualTo("NODATA");
    assertThat(events.get(7).api().operation()).isEqualTo("SKIPDATA");
  }

  @Test
  void normalize_version5Fields_giveDirectionInstanceAndRegion() {
    List<NormalizedEvent> events = readClean(ID, "custom-v5-with-header.log");
    assertThat(events).hasSize(28);
    NormalizedEvent egress = events.get(0);
    NetworkTraffic t = (NetworkTraffic) egress.details();
    assertThat(t.direction()).isEqualTo("outbound");
    assertThat(((NetworkTraffic) events.get(1).details()).direction()).isEqualTo("inbound");
    assertThat(t.instanceId()).isEqualTo("i-0c50d5961bcb2d47b");
    assertThat(egress.cloud().region()).isEqualTo("us-east-1");
    assertThat(egress.field("pkt-dst-aws-service")).isEqualTo("S3");
    assertThat(egress.raw().has("pkt-src-aws-service")).isFalse();
    assertThat(egress.raw().get("traffic-path")).isEqualTo(8L);
    assertThat(egress.resources()).extracting(ResourceRef::type)
        .containsExactly("AWS::EC2::NetworkInterface", "AWS::EC2::Instance");
  }

  @Test
  void read_headerlessAndGzippedCloudWatchText_isReadAsTheDefaultFormat() {
    List<NormalizedEvent> plain = readClean(ID, "cloudwatch-headerless.log");
    assertThat(plain).hasSize(4);
    assertThat(plain.get(3).cloud().account()).isEqualTo("unknown");
    assertThat(plain.get(2).dst().port()).isEqualTo(23);
    List<NormalizedEvent> gz = readClean(ID, "flows.gz",
        gzip(dev.kumo.ingest.netlogs.NetSamples.fixture(ID, "cloudwatch-headerless.log")));
    assertThat(gz).extracting(NormalizedEvent::id).isEqualTo(plain.stream().map(NormalizedEvent::id).toList());
  }

  @Test
  void read_cloudWatchExportTaskLines_skipTheLeadingTime() {
    List<NormalizedEvent> events = readClean(ID, "cloudwatch-export-task.log");
    assertThat(events).hasSize(2);
    assertThat(events.get(0).field("version")).isEqualTo("2");
    assertThat(events.get(0).dst().labelWithPort()).isEqualTo("203.0.113.50:443");
    assertThat(events.get(0).time()).isEqualTo(Instant.parse("2024-05-01T12:01:00Z"));
  }

  @Test
  void read_joinedFilesWithDifferentHeaders_switchFieldLists() {
    String joined = "version srcaddr dstaddr action log-status\n5 10.0.0.1 10.0.0.2 ACCEPT OK\n"
        + "interface-id srcaddr dstaddr dstport\neni-1 10.0.0.3 10.0.0.4 22\n";
    List<NormalizedEvent> events = readClean(ID, "joined.log", utf8(joined));
    assertThat(events).hasSize(2);
    assertThat(events.get(1).dst().port()).isEqualTo(22);
    assertThat(events.get(1).field("interface-id")).isEqualTo("eni-1");
  }

  @Test
  void read_lineWithWrongFieldCount_isReportedAndTheRestIsRead() {
    String text = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n"
        + "2 111122223333 eni-1 10.0.0.1 10.0.0.2 1 22 6 1 60 1714557600 1714557660 ACCEPT OK\n"
        + "2 111122223333 eni-1 10.0.0.1 10.0.0.2 1 22 6 1 60 1714557600 ACCEPT OK\n"
        + "2 111122223333 eni-1 10.0.0.1 10.0.0.2 1 22 6 1 60 1714557600 1714557660 ACCEPT \"OK\n"
        + "2 111122223333 eni-1 10.0.0.1 10.0.0.3 1 22 6 1 60 1714557600 1714557660 ACCEPT OK\n";
    SourceTesting.Read read = SourceTesting.read("bad.log", utf8(text));
    assertThat(read.events()).hasSize(2);
    assertThat(read.problems()).extracting(IngestProblem::kind)
        .containsExactly(ProblemKind.MALFORMED_RECORD, ProblemKind.MALFORMED_RECORD);
    assertThat(read.problems()).extracting(IngestProblem::line).containsExactly(3L, 4L);
    assertThat(read.problems().get(0).message()).contains("13 fields").contains("header names 14");
  }

  @Test
  void read_hostileNumbers_areKeptAsTextAndNotUsedAsPorts() {
    String text = "version srcaddr dstaddr srcport dstport start\n"
        + "2 10.0.0.1 10.0.0.2 99999999999999999999999 -5 notatime\n";
    NormalizedEvent e = readClean(ID, "hostile.log", utf8(text)).get(0);
    assertThat(e.src().port()).isNull();
    assertThat(e.dst().port()).isNull();
    assertThat(e.raw().get("srcport")).isEqualTo("99999999999999999999999");
    assertThat(e.time()).isEqualTo(NormalizedEvent.UNKNOWN_TIME);
  }

  @Test
  void hunt_outboundSshToInternet_isALowFindingPerFlowAndInboundOrHttpsIsNot(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("flows.log");
    Files.write(file, dev.kumo.ingest.netlogs.NetSamples.fixture(ID, "custom-v5-with-header.log"));
    HuntOptions options = new HuntOptions(1, null, null, Level.INFORMATIONAL, false, IngestLimits.DEFAULTS, null,
        CorrelationLimits.DEFAULTS, 1000, dir.resolve("spill"), Mutelist.EMPTY, false);
    List<Finding> findings = new ArrayList<>();
    try (HuntResult r = new Hunter(dev.kumo.ingest.netlogs.NetSamples.builtinRules().engine(), LogSources.defaults(),
        options, Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC))
        .run(List.of(InputFile.of(file)), new Progress())) {
      r.findings().forEachRemaining(findings::add);
    }
    // 25 egress SSH flows to internet addresses; the inbound SSH probe and the two S3 flows are not findings
    assertThat(findings).hasSize(25).allSatisfy(f -> {
      assertThat(f.ruleName()).isEqualTo("kumo_aws_vpcflow_outbound_admin_port_connection");
      assertThat(f.level()).isEqualTo(Level.LOW);
      assertThat(f.threats()).containsExactly("attack-infrastructure");
    });
  }

  @Test
  void sniff_textOfAnotherLog_isNotClaimed() {
    VpcFlowSource s = new VpcFlowSource();
    assertThat(s.sniff(List.of("Jan  1 00:00:01 host sshd[42]: Accepted publickey for ubuntu"))).isEmpty();
    assertThat(s.sniff(List.of("2 111122223333 eni-1 10.0.0.1 10.0.0.2 1 22 6 1 60 1714557600 1714557660 MAYBE OK"))).isEmpty();
    assertThat(s.sniff(List.of("version account-id user-name"))).isEmpty();
  }

  @Test
  void read_pantherVpcFlowRecords_areAllFlowsWithoutProblems() throws IOException {
    List<NormalizedEvent> events = readClean(ID, "panther.jsonl",
        SourceTesting.pantherLogsAsJsonLines("tests_AWS.VPCFlow.jsonl.gz"));
    assertThat(events).hasSize(29);
    NormalizedEvent renamed = events.stream().filter(e -> "egress".equals(e.field("flow-direction"))).findFirst()
        .orElseThrow();
    assertThat(renamed.raw().has("srcAddr")).isFalse();
    assertThat(renamed.field("subnet-id")).isEqualTo("subnet-12345678");
    assertThat(renamed.dst().port()).isEqualTo(8080);
    assertThat(((NetworkTraffic) renamed.details()).direction()).isEqualTo("outbound");
    NormalizedEvent fragment = events.get(0); // {"status": "OK"}: Panther's curated fragment
    assertThat(fragment.field("log-status")).isEqualTo("OK");
    assertThat(fragment.time()).isEqualTo(NormalizedEvent.UNKNOWN_TIME);
    NormalizedEvent ocsf = events.stream().filter(e -> e.raw().has("dst_endpoint")).findFirst().orElseThrow();
    assertThat(ocsf.dst().labelWithPort()).isEqualTo("10.0.0.1:22");
    assertThat(ocsf.src().ip()).isEqualTo("1.1.1.1");
  }

  @Test
  void recognizes_onlyObjectsMadeOfFlowFields() {
    VpcFlowSource s = new VpcFlowSource();
    assertThat(s.recognizes(json("{\"srcaddr\":\"10.0.0.1\",\"dstaddr\":\"10.0.0.2\",\"dstport\":22}"))).isTrue();
    assertThat(s.recognizes(json("{\"srcAddr\":\"10.0.0.1\",\"dstAddr\":\"10.0.0.2\",\"vpcId\":\"vpc-1\"}"))).isTrue();
    assertThat(s.recognizes(json("{\"srcaddr\":\"10.0.0.1\",\"dstaddr\":\"10.0.0.2\",\"eventName\":\"x\"}"))).isFalse();
    assertThat(s.recognizes(json("{\"version\":2,\"action\":\"ACCEPT\"}"))).isFalse();
  }

  private static dev.kumo.json.JsonObject json(String s) {
    return (dev.kumo.json.JsonObject) dev.kumo.json.JsonTreeReader.lenient().read(s.getBytes(StandardCharsets.UTF_8),
        0, s.length());
  }
}
