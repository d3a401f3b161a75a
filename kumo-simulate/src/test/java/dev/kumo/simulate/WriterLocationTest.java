package dev.kumo.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.simulate.alb.AlbRequest;
import dev.kumo.simulate.alb.AlbWriter;
import dev.kumo.simulate.auditd.AuditEvent;
import dev.kumo.simulate.auditd.AuditWriter;
import dev.kumo.simulate.cur.CurRow;
import dev.kumo.simulate.cur.CurWriter;
import dev.kumo.simulate.dns.DnsQuery;
import dev.kumo.simulate.dns.DnsWriter;
import dev.kumo.simulate.io.Location;
import dev.kumo.simulate.io.Tally;
import dev.kumo.simulate.vpcflow.FlowRecord;
import dev.kumo.simulate.vpcflow.FlowWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every writer tells where each record landed: the file under the output root and its line. */
class WriterLocationTest {
  private static final long T0 = 1_772_409_600_000L; // 2026-03-02T00:00:00Z

  @TempDir
  Path dir;

  private List<String> lines(Location at) throws IOException {
    assertThat(at.file()).doesNotContain("\\").doesNotStartWith("/");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(at.file())))) {
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
    }
  }

  private String line(Location at) throws IOException {
    return lines(at).get((int) at.line() - 1);
  }

  @Test
  void albWriter_returnsTheFileAndLineOfEachRequest() throws IOException {
    List<Location> at = new ArrayList<>();
    try (AlbWriter w = new AlbWriter(dir, new SplittableRandom(1), new Tally())) {
      for (int i = 0; i < 700; i++) { // crosses two five-minute windows
        at.add(w.write(new AlbRequest("111122223333", "us-east-1", "app/prod-web/50dc6c495c0c9188", "10.16.0.21",
            "https", (T0 + i * 1_000L) * 1000, 5_000, "73.1.2.3", 40_000 + i, "10.16.1.25", 8080, 0, 0.004, 0, 200, 200,
            400, 3_000, "GET", "https://www.example.com:443/item/" + i, "HTTP/1.1", "Mozilla/5.0", "www.example.com",
            null, "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/prod-web-tg/73e2d6bc24d8a067", 1,
            "forward", null, null)));
      }
    }
    assertThat(at.stream().map(Location::file).distinct()).hasSize(3);
    for (int i = 0; i < at.size(); i += 37) {
      assertThat(line(at.get(i))).startsWith("https 2026-03-02T00:").contains("/item/" + i + " HTTP/1.1");
    }
  }

  @Test
  void dnsWriter_returnsTheFileAndLineOfEachQuery() throws IOException {
    List<Location> at = new ArrayList<>();
    try (DnsWriter w = new DnsWriter(dir, new SplittableRandom(2), new Tally())) {
      for (int i = 0; i < 400; i++) {
        at.add(w.write(new DnsQuery("111122223333", "us-east-1", i % 2 == 0 ? "vpc-0aa" : "vpc-0bb", T0 + i * 1_000L,
            "host" + i + ".example.com.", "A", "NOERROR", List.of(new DnsQuery.Answer("192.0.2." + (i % 250), "A")),
            "10.16.1.25", 40_000, "UDP", "i-0c50d5961bcb2d47b")));
      }
    }
    for (int i = 0; i < at.size(); i += 13) {
      assertThat(line(at.get(i))).contains("\"query_name\":\"host" + i + ".example.com.\"");
    }
  }

  @Test
  void auditWriter_returnsTheLineOfEachEventsSyscallRecord() throws IOException {
    List<Location> at = new ArrayList<>();
    try (AuditWriter w = new AuditWriter(dir, new SplittableRandom(3), new Tally())) {
      for (int i = 0; i < 300; i++) {
        at.add(w.write(new AuditEvent("fs01", T0 + i * 10L, AuditEvent.OPENAT, true, 3, 1187, 20_000, AuditEvent.UNSET,
            1001, 1001, "(none)", AuditEvent.UNSET, "smbd", "/usr/sbin/smbd", "share", 0, "/srv/share",
            List.of(new AuditEvent.AuditPath("finance/doc-" + i + ".xlsx", 131_100, "0100644", 1001, 1001, "NORMAL")),
            List.of("smbd: client [10.60.1.20]"))));
      }
    }
    for (int i = 0; i < at.size(); i += 7) {
      List<String> all = lines(at.get(i));
      int n = (int) at.get(i).line() - 1;
      assertThat(all.get(n)).startsWith("node=fs01 type=SYSCALL msg=audit(").contains("syscall=257");
      String serial = all.get(n).substring(all.get(n).indexOf("msg=audit("), all.get(n).indexOf("): "));
      assertThat(all.get(n + 2)).startsWith("node=fs01 type=PATH " + serial).contains("name=\"finance/doc-" + i + ".xlsx\"");
    }
  }

  @Test
  void flowAndCurWriters_returnTheFileAndLineOfEachRecord() throws IOException {
    Location flow;
    Location second;
    try (FlowWriter w = new FlowWriter(dir, new SplittableRandom(4), new Tally())) {
      w.write(new FlowRecord("111122223333", "us-east-1", "fl-0abc", "eni-0abc", "10.0.0.1", "10.0.0.2", 1234, 443, 6, 3,
          300, T0 / 1000, T0 / 1000 + 40, true));
      flow = w.write(new FlowRecord("111122223333", "us-east-1", "fl-0abc", "eni-0abc", "10.0.0.1", "10.0.0.3", 1234,
          443, 6, 3, 300, T0 / 1000, T0 / 1000 + 40, true));
    }
    assertThat(flow.line()).isEqualTo(3); // after the header and the first record
    assertThat(line(flow)).startsWith("2 111122223333 eni-0abc 10.0.0.1 10.0.0.3 ");
    try (CurWriter w = new CurWriter(dir, "acme-cur2", new Tally())) {
      w.write(cur("i-0aaa"));
      second = w.write(cur("i-0bbb"));
    }
    assertThat(second.file()).isEqualTo("billing/acme-cur2/data/BILLING_PERIOD=2026-03/acme-cur2-00001.csv.gz");
    assertThat(second.line()).isEqualTo(3);
    assertThat(line(second)).contains("i-0bbb");
  }

  private static CurRow cur(String resource) {
    return new CurRow("111122223333", "acme-mgmt", "111122223333", "acme-prod", T0, "AmazonEC2",
        "Amazon Elastic Compute Cloud", "BoxUsage:m6i.large", "RunInstances",
        "$0.096 per On Demand Linux m6i.large Instance Hour", "us-east-1", "US East (N. Virginia)", "us-east-1a",
        resource, 24, "Hrs", 0.096, "Compute Instance", "m6i.large", "");
  }
}
