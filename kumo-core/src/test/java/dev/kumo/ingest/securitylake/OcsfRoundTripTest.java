package dev.kumo.ingest.securitylake;

import static dev.kumo.testing.SampleFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.Authentication;
import dev.kumo.event.BillingLine;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Details;
import dev.kumo.event.DnsQuery;
import dev.kumo.event.Endpoint;
import dev.kumo.event.FileActivity;
import dev.kumo.event.HttpRequest;
import dev.kumo.event.NetworkTraffic;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.ocsf.OcsfWriter;
import dev.kumo.testing.SampleFiles;
import dev.kumo.testing.SourceTesting;
import dev.kumo.testing.SourceTesting.Read;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events written by {@link OcsfWriter} and read back by the OCSF source keep their key fields: id,
 * time (to the millisecond), class, cloud, actor, endpoints, API call, resources and details.
 */
class OcsfRoundTripTest {
  private static final String[] OWN_SAMPLES = {"aws.guardduty/s3-export.jsonl", "aws.guardduty/eventbridge-event.json",
      "aws.guardduty/sns-notification.json", "aws.guardduty/get-findings.json",
      "aws.securityhub/eventbridge-imported.jsonl", "aws.securityhub/get-findings.json",
      "aws.bedrock/invocations.jsonl", "aws.cur/cur2-2026-03.csv", "aws.cur/cur-legacy-2026-03.csv",
      "focus/focus-aws-2026-03.csv", "focus/focus-azure-2026-03.csv", "aws.securitylake/security-lake-v2.jsonl"};

  @Test
  void roundTrip_ownSourcesSamples_keepKeyFields() {
    List<NormalizedEvent> events = new ArrayList<>();
    for (String sample : OWN_SAMPLES) {
      Read r = SampleFiles.read(sample);
      assertThat(r.problems()).as(sample).isEmpty();
      events.addAll(r.events());
    }
    assertThat(events).hasSize(34);
    roundTripAll(events);
  }

  @Test
  void roundTrip_cloudTrailUserGuideSamples_keepKeyFields() throws Exception {
    List<JsonObject> docs = SampleFiles.sharedJsonLines("data/aws-docs-samples/cloudtrail-user-guide.events.jsonl", "event");
    StringBuilder lines = new StringBuilder();
    docs.forEach(d -> lines.append(d.toJson()).append('\n'));
    Read r = SourceTesting.read("ct.jsonl", utf8(lines.toString()));
    assertThat(r.events()).hasSize(docs.size()).extracting(NormalizedEvent::source).containsOnly("aws.cloudtrail");
    roundTripAll(r.events());
  }

  @Test
  void roundTrip_pantherCloudTrailAndFindingTests_keepKeyFields() throws Exception {
    for (String file : new String[] {"tests_AWS.CloudTrail.jsonl.gz", "tests_AWS.GuardDuty.jsonl.gz",
        "tests_AWS.SecurityFindingFormat.jsonl.gz", "tests_AWS.BedrockModelInvocation.jsonl.gz"}) {
      Read r = SourceTesting.read("p.jsonl", SourceTesting.pantherLogsAsJsonLines(file));
      assertThat(r.events()).as(file).isNotEmpty();
      roundTripAll(r.events());
    }
  }

  @Test
  void roundTrip_everyDetailsKind_keepsItsFields() {
    CloudContext cloud = new CloudContext("AWS", "111122223333", "eu-west-1");
    Endpoint host = new Endpoint("10.20.4.17", null, 49152, null, false);
    Endpoint remote = new Endpoint("192.0.2.50", null, 443, null, false);
    Instant t = Instant.parse("2026-03-14T09:12:44.123Z");
    List<NormalizedEvent> events = List.of(
        event(OcsfClass.NETWORK_ACTIVITY, Actor.UNKNOWN, host, remote, new NetworkTraffic("tcp", 6254133L, 1043L,
            "reject", "outbound", "eni-0b8f0c6d2e1a34f57", "vpc-0a9e3c1d5f7b24e68", "i-0b8f0c6d2e1a34f57", 19,
            t.plusSeconds(60)), cloud, t),
        event(OcsfClass.DNS_ACTIVITY, Actor.UNKNOWN, host, null, new DnsQuery("pool.minexmr.example", "A", "NXDOMAIN",
            List.of(), "udp"), cloud, t),
        event(OcsfClass.HTTP_ACTIVITY, Actor.UNKNOWN, new Endpoint("203.0.113.45", null, 51234, "curl/8.5.0", false),
            new Endpoint("10.20.4.17", null, 443, null, false), new HttpRequest("POST",
                "https://app.example.com/api/upload?id=7", 403, 812L, 145L, "HTTP/2.0", "block", "AWS-AWSManagedRulesSQLiRuleSet"),
            cloud, t),
        event(OcsfClass.FILE_SYSTEM_ACTIVITY, new Actor(null, null, null, "www-data", null, null, null, null, null),
            Endpoint.UNKNOWN, null, new FileActivity("rename", "/var/www/html/index.php", "/tmp/x.php", "/usr/bin/mv",
                4242L, "www-data", "web-2", true), cloud, t),
        event(OcsfClass.FILE_SYSTEM_ACTIVITY, new Actor(null, null, null, "root", null, null, null, null, null),
            Endpoint.UNKNOWN, null, new FileActivity("chmod", "/etc/shadow", null, "/usr/bin/chmod", 77L, "root", "web-2",
                false), cloud, t),
        event(OcsfClass.FILE_SYSTEM_ACTIVITY, Actor.UNKNOWN, Endpoint.UNKNOWN, null, new FileActivity("execute",
            "/tmp/xmrig", null, "/bin/bash", 78L, null, "web-2", true), cloud, t),
        event(OcsfClass.AUTHENTICATION, new Actor("IAMUser", "arn:aws:iam::111122223333:user/alice", "AIDAEXAMPLE",
            "alice", null, null, false, null, null), new Endpoint("192.0.2.66", null, null, "Mozilla/5.0", false), null,
            new Authentication("failure", "Failed authentication", "SAML", "AWS Console"), cloud, t));
    roundTripAll(events);
  }

  @Test
  void exportedHighFinding_isStillRaisedByTheOcsfRule() throws Exception {
    LoadedRules rules = SampleFiles.builtinRules();
    NormalizedEvent gd = SourceTesting.read("gd.jsonl", SourceTesting.pantherLogsAsJsonLines("tests_AWS.GuardDuty.jsonl.gz"))
        .events().get(2); // "High Sev Finding"
    NormalizedEvent back = readBack(gd);
    assertThat(SourceTesting.matchingRuleTitles(rules, back)).containsExactly("OCSF Detection Finding of High or Critical Severity");
  }

  @Test
  void writer_renameNamesTheOriginalInFileAndTheNewNameInFileResult() {
    NormalizedEvent e = event(OcsfClass.FILE_SYSTEM_ACTIVITY, Actor.UNKNOWN, Endpoint.UNKNOWN, null,
        new FileActivity("rename", "/new/name", "/old/name", null, null, null, null, true),
        new CloudContext("AWS", null, null), Instant.EPOCH);
    JsonObject ocsf = (JsonObject) JsonTreeReader.lenient().read(write(e));
    assertThat(ocsf.getObject("file").getString("path")).isEqualTo("/old/name");
    assertThat(ocsf.getObject("file_result").getString("path")).isEqualTo("/new/name");
    assertThat(ocsf.get("activity_id")).isEqualTo(5L);
  }

  @Test
  void writer_eventWithoutTime_isLabelledTimeUnknownWithoutOriginalTime() {
    NormalizedEvent unknown = event(OcsfClass.FILE_SYSTEM_ACTIVITY, Actor.UNKNOWN, Endpoint.UNKNOWN, null,
        new FileActivity("create", "/a", null, null, null, null, null, true), new CloudContext("AWS", null, null),
        NormalizedEvent.UNKNOWN_TIME);
    JsonObject metadata = ((JsonObject) JsonTreeReader.lenient().read(write(unknown))).getObject("metadata");
    assertThat(metadata.has("original_time")).isFalse();
    assertThat(metadata.get("labels").toString()).contains("kumo:time-unknown");

    NormalizedEvent known = event(OcsfClass.FILE_SYSTEM_ACTIVITY, Actor.UNKNOWN, Endpoint.UNKNOWN, null,
        new FileActivity("create", "/a", null, null, null, null, null, true), new CloudContext("AWS", null, null),
        Instant.parse("2026-03-10T00:00:00Z"));
    JsonObject m2 = ((JsonObject) JsonTreeReader.lenient().read(write(known))).getObject("metadata");
    assertThat(m2.getString("original_time")).isEqualTo("2026-03-10T00:00:00Z");
    assertThat(m2.has("labels")).isFalse();
  }

  private static NormalizedEvent event(OcsfClass c, Actor actor, Endpoint src, Endpoint dst, Details details,
      CloudContext cloud, Instant time) {
    return new NormalizedEvent("id-" + c.uid() + "-" + details.hashCode(), time, "test", c, cloud, actor, src, dst,
        ApiCall.UNKNOWN, List.<ResourceRef>of(), details, JsonObject.EMPTY, new Origin("t", 1, 1));
  }

  private static void roundTripAll(List<NormalizedEvent> events) {
    for (NormalizedEvent e : events) {
      NormalizedEvent back = readBack(e);
      String what = e.source() + " " + e.origin() + " " + e.id();
      assertThat(back.source()).as(what).isEqualTo(SecurityLakeSource.ID);
      assertThat(back.id()).as(what).isEqualTo(e.id());
      assertThat(back.time()).as(what).isEqualTo(e.time().truncatedTo(ChronoUnit.MILLIS));
      assertThat(back.ocsfClass()).as(what).isEqualTo(e.ocsfClass());
      assertThat(back.cloud()).as(what).isEqualTo(e.cloud());
      assertThat(back.actor()).as(what).isEqualTo(expectedActor(e));
      assertThat(back.actor().label()).as(what).isEqualTo(expectedActor(e).label());
      assertThat(back.src()).as(what).isEqualTo(e.src());
      assertThat(back.dst()).as(what).isEqualTo(e.dst());
      ApiCall a = e.api();
      assertThat(back.api()).as(what).isEqualTo(new ApiCall(a.service(), a.operation(), a.requestId(),
          emptyToNull(a.errorCode()), emptyToNull(a.errorMessage()), null)); // OCSF has no read-only flag
      assertThat(back.resources()).as(what).isEqualTo(e.resources());
      assertThat(back.details()).as(what).isEqualTo(truncated(e.details()));
    }
  }

  /** CloudTrail writes "" for "no error"; the export leaves empty values out. */
  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** A file event's user is written as the actor's name when the actor has none. */
  private static Actor expectedActor(NormalizedEvent e) {
    if (e.details() instanceof FileActivity f && f.user() != null && e.actor().userName() == null) {
      Actor a = e.actor();
      return new Actor(a.identityType(), a.principal(), a.principalId(), f.user(), a.accessKeyId(), a.sessionIssuer(),
          a.mfa(), a.sourceIdentity(), a.invokedBy());
    }
    return e.actor();
  }

  private static Details truncated(Details d) {
    if (d instanceof BillingLine b && b.periodEnd() != null) {
      return new BillingLine(b.service(), b.usageType(), b.operation(), b.resourceId(), b.cost(), b.currency(),
          b.usageAmount(), b.usageUnit(), b.periodEnd().truncatedTo(ChronoUnit.MILLIS), b.chargeType());
    }
    if (d instanceof NetworkTraffic n && n.endTime() != null) {
      return new NetworkTraffic(n.protocol(), n.bytes(), n.packets(), n.action(), n.direction(), n.interfaceId(),
          n.vpcId(), n.instanceId(), n.tcpFlags(), n.endTime().truncatedTo(ChronoUnit.MILLIS));
    }
    return d;
  }

  private static NormalizedEvent readBack(NormalizedEvent e) {
    Read r = SourceTesting.read("export.ocsf.jsonl", utf8(write(e)));
    assertThat(r.problems()).as(e.source() + " " + e.origin()).isEmpty();
    assertThat(r.events()).hasSize(1);
    return r.events().get(0);
  }

  private static String write(NormalizedEvent e) {
    StringWriter out = new StringWriter();
    try {
      new OcsfWriter(out, false).write(e);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toString();
  }
}
