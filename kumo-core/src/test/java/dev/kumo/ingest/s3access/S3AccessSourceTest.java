package dev.kumo.ingest.s3access;

import static dev.kumo.ingest.netlogs.NetSamples.matchingRuleNames;
import static dev.kumo.ingest.netlogs.NetSamples.readClean;
import static dev.kumo.ingest.netlogs.NetSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.Actor;
import dev.kumo.event.HttpRequest;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.IngestProblem;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3AccessSourceTest {
  private static final String ID = "aws.s3access";
  private static final String FILE = "2026-03-14-09-15-32-6A1F0D7E2B9C4E5F";

  @Test
  void normalize_getObjectByIamUser_givesActorOperationAndObject() {
    NormalizedEvent e = readClean(ID, FILE).get(0);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.HTTP_ACTIVITY);
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:12:44Z"));
    assertThat(e.actor().principal()).isEqualTo("arn:aws:iam::111122223333:user/alice.ops");
    assertThat(e.actor().identityType()).isEqualTo("IAMUser");
    assertThat(e.actor().userName()).isEqualTo("alice.ops");
    assertThat(e.api().operation()).isEqualTo("REST.GET.OBJECT");
    assertThat(e.api().readOnly()).isTrue();
    assertThat(e.api().requestId()).isEqualTo("3E57427F33A59F07");
    assertThat(e.src().ip()).isEqualTo("198.51.100.23");
    assertThat(e.src().userAgent()).startsWith("aws-cli/2.15.30");
    assertThat(e.dst().name()).isEqualTo("shop-media-prod.s3.us-east-1.amazonaws.com");
    assertThat(e.cloud().region()).isEqualTo("us-east-1");
    assertThat(e.resources()).extracting(ResourceRef::uid)
        .containsExactly("arn:aws:s3:::shop-media-prod", "arn:aws:s3:::shop-media-prod/img/products/1842.jpg");
    HttpRequest h = (HttpRequest) e.details();
    assertThat(h.method()).isEqualTo("GET");
    assertThat(h.url()).isEqualTo("/img/products/1842.jpg");
    assertThat(h.status()).isEqualTo(200);
    assertThat(h.bytesOut()).isEqualTo(2662992L);
    assertThat(h.httpVersion()).isEqualTo("HTTP/1.1");
    assertThat(e.raw().get("objectsize")).isEqualTo(2662992L);
  }

  @Test
  void normalize_anonymousDeniedRequest_hasNoActorAndTheErrorCode() {
    NormalizedEvent e = readClean(ID, FILE).get(1);
    assertThat(e.actor()).isEqualTo(Actor.UNKNOWN);
    assertThat(e.raw().has("requester")).isFalse();
    assertThat(e.api().errorCode()).isEqualTo("AccessDenied");
    assertThat(e.api().failed()).isTrue();
    assertThat(((HttpRequest) e.details()).status()).isEqualTo(403);
  }

  @Test
  void normalize_assumedRoleAndLifecycleRequests_nameTheirRequester() {
    List<NormalizedEvent> events = readClean(ID, FILE);
    Actor role = events.get(2).actor();
    assertThat(role.identityType()).isEqualTo("AssumedRole");
    assertThat(role.userName()).isEqualTo("i-0c50d5961bcb2d47b");
    assertThat(events.get(2).api().readOnly()).isFalse();
    NormalizedEvent lifecycle = events.get(4);
    assertThat(lifecycle.actor().identityType()).isEqualTo("AWSService");
    assertThat(lifecycle.api().operation()).isEqualTo("S3.EXPIRE.OBJECT");
    assertThat(((HttpRequest) lifecycle.details()).method()).isNull();
  }

  @Test
  void read_olderLineWithoutTheNewerTrailingFields_isRead() {
    NormalizedEvent e = readClean(ID, FILE).get(5);
    assertThat(e.raw().has("hostheader")).isFalse();
    assertThat(((HttpRequest) e.details()).method()).isEqualTo("HEAD");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:15:31Z"));
  }

  @Test
  void rules_encodedTraversalInKey_firesAndOrdinaryRequestsDoNot() {
    List<NormalizedEvent> events = readClean(ID, FILE);
    assertThat(matchingRuleNames(events.get(1))).containsExactly("kumo_web_path_traversal_in_request");
    for (int i : new int[] {0, 2, 3, 4, 5}) {
      assertThat(matchingRuleNames(events.get(i))).isEmpty();
    }
  }

  @Test
  void read_pantherServerAccessRecords_areAllReadWithoutProblems() throws IOException {
    List<NormalizedEvent> events = readClean(ID, "panther.jsonl",
        SourceTesting.pantherLogsAsJsonLines("tests_AWS.S3ServerAccess.jsonl.gz"));
    assertThat(events).hasSize(16);
    NormalizedEvent error = events.get(1);
    assertThat(error.time()).isEqualTo(Instant.parse("2020-04-22T07:48:45Z"));
    assertThat(error.api().errorCode()).isEqualTo("AccessDenied");
    assertThat(((HttpRequest) error.details()).method()).isEqualTo("GET");
    assertThat(error.actor().userName()).isEqualTo("awslogsdelivery");
    assertThat(events.get(5).time()).isEqualTo(NormalizedEvent.UNKNOWN_TIME);
  }

  @Test
  void read_brokenLines_areReported() {
    String good = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be b [14/Mar/2026:09:12:44 +0000] "
        + "198.51.100.23 - 3E57427F33A59F07 REST.GET.OBJECT k \"GET /k HTTP/1.1\" 200 - 10 10 1 1 \"-\" \"curl/8\" -";
    String text = good + "\n" + good.replace("[14/Mar", "14/Mar") + "\n" + good.substring(0, 120) + "\n"
        + good.replace("\"curl/8\"", "\"curl/8") + "\n" + good + "\n";
    SourceTesting.Read read = SourceTesting.read("broken", utf8(text));
    assertThat(read.events()).hasSize(2);
    assertThat(read.problems()).extracting(IngestProblem::kind).containsOnly(ProblemKind.MALFORMED_RECORD);
    assertThat(read.problems()).extracting(IngestProblem::line).containsExactly(2L, 3L, 4L);
  }

  @Test
  void recognizes_onlyObjectsMadeOfServerAccessFields() {
    S3AccessSource s = new S3AccessSource();
    assertThat(s.recognizes(dev.kumo.json.JsonObject.of("bucket", "b", "remoteip", "10.0.0.1"))).isTrue();
    assertThat(s.recognizes(dev.kumo.json.JsonObject.of("bucket", "b", "eventName", "GetObject"))).isFalse();
    assertThat(s.recognizes(dev.kumo.json.JsonObject.of("remoteip", "10.0.0.1"))).isFalse();
  }

  @Test
  void region_readsS3HostNames() {
    assertThat(S3AccessSource.region("b.s3.eu-west-1.amazonaws.com")).isEqualTo("eu-west-1");
    assertThat(S3AccessSource.region("s3-ap-southeast-2.amazonaws.com")).isEqualTo("ap-southeast-2");
    assertThat(S3AccessSource.region("b.s3.dualstack.us-east-2.amazonaws.com")).isEqualTo("us-east-2");
    assertThat(S3AccessSource.region("b.s3.amazonaws.com")).isNull();
    assertThat(S3AccessSource.region("cdn.example.com")).isNull();
  }
}
