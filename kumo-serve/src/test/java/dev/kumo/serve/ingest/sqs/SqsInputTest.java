package dev.kumo.serve.ingest.sqs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.kumo.json.JsonText;
import dev.kumo.serve.ingest.Spool;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** SqsInput against WireMock speaking SQS (AWS JSON 1.0) and S3 (REST, path-style). */
class SqsInputTest {
  private static final StaticCredentialsProvider TEST_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "test-secret"));
  private static final String TRAIL_KEY =
      "AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/10/111122223333_CloudTrail_us-east-1_20260310T0005Z_a1b2.json.gz";

  @TempDir Path dir;
  private WireMockServer server;
  private Spool spool;
  private final List<String> problems = new CopyOnWriteArrayList<>();
  /** For each DeleteMessage: its receipt handle and the spool units present when AWS got it. */
  private final List<String> deletes = new CopyOnWriteArrayList<>();
  private final List<SqsInput> inputs = new ArrayList<>();
  private final CountDownLatch receiveArrived = new CountDownLatch(1);

  /** Looks at the spool at the moment a DeleteMessage request arrives, before answering it. */
  private final class SpoolAtDelete implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent event) {
      LoggedRequest r = event.getRequest();
      if ("AmazonSQS.ReceiveMessage".equals(r.getHeader("X-Amz-Target"))) {
        receiveArrived.countDown();
      }
      if ("AmazonSQS.DeleteMessage".equals(r.getHeader("X-Amz-Target"))) {
        try {
          String handle = r.getBodyAsString().replaceAll(".*\"ReceiptHandle\":\"([^\"]*)\".*", "$1");
          deletes.add(handle + " " + spool.pending().stream().map(u -> u.id().substring(20)).toList());
        } catch (IOException e) {
          deletes.add("spool unreadable");
        }
      }
      return event.getResponseDefinition();
    }

    @Override
    public String getName() {
      return "spool-at-delete";
    }
  }

  @BeforeEach
  void start() throws IOException {
    spool = Spool.open(dir.resolve("spool"));
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new SpoolAtDelete()));
    server.start();
    server.stubFor(sqs("DeleteMessage").willReturn(json("{}")));
  }

  @AfterEach
  void stop() {
    inputs.forEach(SqsInput::close);
    server.stop();
  }

  private String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private SqsInput input(long maxObjectBytes, boolean deleteMalformed) {
    SqsConfig c = new SqsConfig(base() + "/111122223333/kumo-trail", "us-east-1", URI.create(base()), 0,
        maxObjectBytes, deleteMalformed, Duration.ofMinutes(5));
    SqsInput in = new SqsInput(c, spool, problems::add, TEST_CREDENTIALS,
        new SqsInput.Backoff(Duration.ofMillis(10), Duration.ofMillis(50)));
    inputs.add(in);
    return in;
  }

  private SqsInput input() {
    return input(1 << 20, false);
  }

  // ---- wire helpers

  private static MappingBuilder sqs(String action) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSQS." + action));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0").withBody(body);
  }

  /** A ReceiveMessage answer holding messages {@code [id, receiptHandle, body]...}, MD5s as SQS sends them. */
  private static String messages(String[]... messages) {
    StringBuilder sb = new StringBuilder("{\"Messages\":[");
    for (int i = 0; i < messages.length; i++) {
      String[] m = messages[i];
      sb.append(i == 0 ? "" : ",").append("{\"MessageId\":");
      JsonText.appendString(sb, m[0]);
      sb.append(",\"ReceiptHandle\":");
      JsonText.appendString(sb, m[1]);
      sb.append(",\"MD5OfBody\":\"").append(md5(m[2])).append("\",\"Body\":");
      JsonText.appendString(sb, m[2]);
      sb.append(",\"Attributes\":{\"ApproximateReceiveCount\":\"1\"}}");
    }
    return sb.append("]}").toString();
  }

  private void receive(String[]... messages) {
    server.stubFor(sqs("ReceiveMessage").willReturn(json(messages(messages))));
  }

  private static String md5(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An S3 event notification (as S3 sends it: keys URL-encoded) for one created object. */
  private static String s3Event(String eventName, String bucket, String encodedKey, long size) {
    return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
        + "\"eventTime\":\"2026-03-10T00:05:12.345Z\",\"eventName\":\"" + eventName + "\","
        + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"configurationId\":\"kumo\",\"bucket\":{\"name\":\"" + bucket
        + "\",\"arn\":\"arn:aws:s3:::" + bucket + "\"},\"object\":{\"key\":\"" + encodedKey + "\",\"size\":" + size
        + ",\"eTag\":\"0123456789abcdef\",\"sequencer\":\"0065F1A2B3C4D5E6F7\"}}}]}";
  }

  private static String sns(String message) {
    StringBuilder sb = new StringBuilder("{\"Type\":\"Notification\",\"MessageId\":\"5b2c-sns\","
        + "\"TopicArn\":\"arn:aws:sns:us-east-1:111122223333:trail\",\"Subject\":\"Amazon S3 Notification\",\"Message\":");
    JsonText.appendString(sb, message);
    return sb.append(",\"Timestamp\":\"2026-03-10T00:05:13.000Z\",\"SignatureVersion\":\"1\"}").toString();
  }

  private void object(String bucket, String key, byte[] body) {
    server.stubFor(get(urlEqualTo("/" + bucket + "/" + key)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/octet-stream").withHeader("ETag", "\"0123456789abcdef\"")
        .withBody(body)));
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
      z.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  private static final String TRAIL_JSON = "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventID\":\"e-1\","
      + "\"eventTime\":\"2026-03-10T00:01:00Z\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\"}]}";

  private List<byte[]> spooled() throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (Spool.Unit u : spool.pending()) {
      out.add(Files.readAllBytes(u.path()));
    }
    return out;
  }

  private int deleteCalls() {
    return server.findAll(postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("AmazonSQS.DeleteMessage"))).size();
  }

  // ---- tests

  @Test
  void s3Notification_objectIsSpooled_thenTheMessageIsDeleted() throws IOException {
    byte[] file = gzip(TRAIL_JSON);
    object("trail-bucket", TRAIL_KEY, file);
    receive(new String[] {"m-1", "rh-1", s3Event("ObjectCreated:Put", "trail-bucket", TRAIL_KEY, file.length)});

    assertThat(input().poll()).isEqualTo(1);

    assertThat(spooled()).containsExactly(file);
    String unit = spool.pending().get(0).id();
    assertThat(unit).endsWith("_111122223333_CloudTrail_us-east-1_20260310T0005Z_a1b2.json.gz");
    // DeleteMessage came once, with the message's receipt handle, when the unit was already in the spool.
    assertThat(deletes).containsExactly("rh-1 [" + unit.substring(20) + "]");
    SqsStats s = inputs.get(0).stats();
    assertThat(List.of(s.received(), s.objects(), s.bytes(), s.deleted())).containsExactly(1L, 1L, (long) file.length, 1L);
    assertThat(problems).isEmpty();
  }

  @Test
  void receiveMessage_longPollsForTenMessages_withTheConfiguredVisibility() {
    receive();
    input().poll();
    LoggedRequest r = server.findAll(postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("AmazonSQS.ReceiveMessage"))).get(0);
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/x-amz-json-1.0");
    assertThat(r.getHeader("Authorization")).contains("Credential=AKIDEXAMPLE/").contains("/us-east-1/sqs/");
    assertThat(r.getBodyAsString()).contains("\"QueueUrl\":\"" + base() + "/111122223333/kumo-trail\"")
        .contains("\"MaxNumberOfMessages\":10").contains("\"VisibilityTimeout\":300").contains("\"WaitTimeSeconds\":0");
    assertThat(deleteCalls()).isZero();
  }

  @Test
  void snsWrappedNotification_isUnwrapped() throws IOException {
    object("trail-bucket", "logs/a.json", TRAIL_JSON.getBytes(StandardCharsets.UTF_8));
    receive(new String[] {"m-2", "rh-2", sns(s3Event("ObjectCreated:CompleteMultipartUpload", "trail-bucket", "logs/a.json", 10))});

    input().poll();

    assertThat(spooled()).containsExactly(TRAIL_JSON.getBytes(StandardCharsets.UTF_8));
    assertThat(deletes).hasSize(1).allMatch(d -> d.startsWith("rh-2 [s3-trail-bucket_logs_a.json]"));
  }

  @Test
  void cloudTrailSnsNotice_fetchesEveryKey() throws IOException {
    object("trail-bucket", "AWSLogs/1/a.json.gz", gzip(TRAIL_JSON));
    object("trail-bucket", "AWSLogs/1/b.json.gz", gzip("{\"Records\":[]}"));
    String notice = "{\"s3Bucket\":\"trail-bucket\",\"s3ObjectKey\":[\"AWSLogs/1/a.json.gz\",\"AWSLogs/1/b.json.gz\"]}";
    receive(new String[] {"m-3", "rh-3", sns(notice)});

    input().poll();

    assertThat(spooled()).containsExactly(gzip(TRAIL_JSON), gzip("{\"Records\":[]}"));
    assertThat(deletes).hasSize(1).allMatch(d -> d.startsWith("rh-3 [") && d.contains("a.json.gz, ") && d.contains("b.json.gz]"));
  }

  @Test
  void testEvent_isSkippedAndDeleted() throws IOException {
    String test = "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-03-10T00:00:00.000Z\","
        + "\"Bucket\":\"trail-bucket\",\"RequestId\":\"R1\",\"HostId\":\"H1\"}";
    receive(new String[] {"m-4", "rh-4", test});

    SqsInput in = input();
    in.poll();

    assertThat(spool.pending()).isEmpty();
    assertThat(deletes).containsExactly("rh-4 []");
    assertThat(in.stats().skipped()).isEqualTo(1);
    assertThat(server.findAll(anyRequestedFor(urlPathMatching("/trail-bucket.*")))).isEmpty();
  }

  @Test
  void otherEventKinds_areSkipped_notFetched() throws IOException {
    receive(new String[] {"m-5", "rh-5", s3Event("ObjectRemoved:Delete", "trail-bucket", "logs/a.json", 0)});

    SqsInput in = input();
    in.poll();

    assertThat(spool.pending()).isEmpty();
    assertThat(in.stats().skipped()).isEqualTo(1);
    assertThat(deleteCalls()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {403, 404})
  void getObjectRefused_leavesTheMessage_andCounts(int status) throws IOException {
    String code = status == 404 ? "NoSuchKey" : "AccessDenied";
    server.stubFor(get(urlPathMatching("/trail-bucket/.*")).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/xml")
        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>no</Message>"
            + "<RequestId>R2</RequestId></Error>")));
    receive(new String[] {"m-6", "rh-6", s3Event("ObjectCreated:Put", "trail-bucket", "logs/gone.json", 10)});

    SqsInput in = input();
    in.poll();

    assertThat(spool.pending()).isEmpty();
    assertThat(deleteCalls()).isZero();
    assertThat(in.stats().fetchErrors()).isEqualTo(1);
    assertThat(problems).singleElement().asString().contains("m-6").contains("HTTP " + status)
        .contains("s3://trail-bucket/logs/gone.json").contains("stays on the queue");
  }

  @Test
  void oneObjectMissing_keepsTheMessage_butSpoolsTheOthers() throws IOException {
    object("b", "one.json", TRAIL_JSON.getBytes(StandardCharsets.UTF_8));
    String body = "{\"Records\":[" + s3Event("ObjectCreated:Put", "b", "one.json", 10).substring(12).replaceAll("]}$", "")
        + "," + s3Event("ObjectCreated:Put", "b", "two.json", 10).substring(12);
    receive(new String[] {"m-7", "rh-7", body});

    SqsInput in = input();
    in.poll();

    assertThat(spooled()).containsExactly(TRAIL_JSON.getBytes(StandardCharsets.UTF_8));
    assertThat(deleteCalls()).isZero();
    assertThat(in.stats().fetchErrors()).isEqualTo(1);
  }

  @Test
  void malformedBody_isReportedWithTheMessageId_andLeftForTheRedrivePolicy() throws IOException {
    receive(new String[] {"m-8", "rh-8", "hello <script>"}, new String[] {"m-9", "rh-9", "{\"Records\":\"no\"}"});

    SqsInput in = input();
    in.poll();

    assertThat(spool.pending()).isEmpty();
    assertThat(deleteCalls()).isZero();
    assertThat(in.stats().malformed()).isEqualTo(2);
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("m-8").contains("not JSON").contains("redrive").doesNotContain("<script>");
    assertThat(problems.get(1)).contains("m-9").contains("not an S3 event notification");
  }

  @Test
  void malformedBody_withDeleteMalformed_isDeleted() throws IOException {
    receive(new String[] {"m-10", "rh-10", "[1,2,3]"});

    SqsInput in = input(1 << 20, true);
    in.poll();

    assertThat(deletes).containsExactly("rh-10 []");
    assertThat(in.stats().malformed()).isEqualTo(1);
    assertThat(problems).singleElement().asString().contains("m-10").contains("deleted");
  }

  @Test
  void urlEncodedKey_isDecodedBeforeGetObject() throws IOException {
    server.stubFor(get(urlPathMatching("/trail-bucket/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));
    receive(new String[] {"m-11", "rh-11",
        s3Event("ObjectCreated:Put", "trail-bucket", "exports/my+logs/%C3%A9t%C3%A9+1%3A2.json", 2)});

    input().poll();

    LoggedRequest get = server.findAll(getRequestedFor(urlPathMatching("/trail-bucket/.*"))).get(0);
    assertThat(URI.create(get.getUrl()).getPath()).isEqualTo("/trail-bucket/exports/my logs/été 1:2.json");
    assertThat(spool.pending()).singleElement().extracting(Spool.Unit::id).asString()
        .endsWith("-s3-trail-bucket_exports_my_logs__t__1_2.json");
    assertThat(deleteCalls()).isEqualTo(1);
  }

  @Test
  void badlyEncodedKey_isMalformed() {
    receive(new String[] {"m-12", "rh-12", s3Event("ObjectCreated:Put", "trail-bucket", "a%zz.json", 2)});

    SqsInput in = input();
    in.poll();

    assertThat(in.stats().malformed()).isEqualTo(1);
    assertThat(problems).singleElement().asString().contains("badly URL-encoded key");
  }

  @Test
  void objectAnnouncedOverTheSizeLimit_isNotFetched_andTheMessageIsLeft() throws IOException {
    receive(new String[] {"m-13", "rh-13", s3Event("ObjectCreated:Put", "b", "big.json", 5000)});

    SqsInput in = input(1000, false);
    in.poll();

    assertThat(server.findAll(getRequestedFor(urlPathMatching("/b/.*")))).isEmpty();
    assertThat(spool.pending()).isEmpty();
    assertThat(deleteCalls()).isZero();
    assertThat(in.stats().tooLarge()).isEqualTo(1);
    assertThat(problems).singleElement().asString().contains("m-13").contains("5000 bytes").contains("1000");
  }

  @Test
  void objectOverTheSizeLimit_whenFetched_isRefused_andDeletedWithDeleteMalformed() throws IOException {
    object("b", "big.json", new byte[5000]);
    // The notification understates the size; the fetch enforces the limit.
    receive(new String[] {"m-14", "rh-14", s3Event("ObjectCreated:Put", "b", "big.json", 10)});

    SqsInput in = input(1000, true);
    in.poll();

    assertThat(spool.pending()).isEmpty();
    assertThat(Files.list(spool.dir().resolve("tmp"))).isEmpty();
    assertThat(in.stats().tooLarge()).isEqualTo(1);
    assertThat(deletes).containsExactly("rh-14 []");
  }

  @Test
  void started_backsOffAfterAFailedReceive_thenSpools_andClosesCleanly() throws Exception {
    object("b", "late.json", TRAIL_JSON.getBytes(StandardCharsets.UTF_8));
    server.stubFor(sqs("ReceiveMessage").inScenario("q").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
            .withHeader("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender")
            .withBody("{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\",\"message\":\"no queue\"}"))
        .willSetStateTo("ready"));
    server.stubFor(sqs("ReceiveMessage").inScenario("q").whenScenarioStateIs("ready")
        .willReturn(json(messages(new String[] {"m-15", "rh-15", s3Event("ObjectCreated:Put", "b", "late.json", 10)})))
        .willSetStateTo("empty"));
    server.stubFor(sqs("ReceiveMessage").inScenario("q").whenScenarioStateIs("empty").willReturn(json("{}")));

    SqsInput in = input();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    in.bindTo(registry);
    long seen = spool.writes();
    in.start();

    assertThat(spool.awaitWrite(seen, Duration.ofSeconds(30))).isTrue();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (in.stats().deleted() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      Thread.sleep(5);
    }
    in.close();

    assertThat(in.stats().deleted()).isEqualTo(1);
    assertThat(in.stats().receiveErrors()).isGreaterThanOrEqualTo(1);
    assertThat(problems).first().asString().contains("HTTP 400").contains("trying again");
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("kumo-sqs"));
    assertThat(registry.get("kumo.ingest.sqs.objects").functionCounter().count()).isEqualTo(1.0);
    assertThat(registry.get("kumo.ingest.sqs.errors").tag("kind", "receive").functionCounter().count())
        .isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void close_abortsALongPollInProgress() throws Exception {
    // The queue answers only after a minute, as an empty long poll would after its wait.
    server.stubFor(sqs("ReceiveMessage").willReturn(json("{}").withFixedDelay(60_000)));
    SqsInput in = input();
    in.start();
    assertThat(receiveArrived.await(30, TimeUnit.SECONDS)).isTrue();

    long t0 = System.nanoTime();
    in.close();

    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("kumo-sqs"));
    assertThat(problems).isEmpty();
    assertThat(in.stats().receiveErrors()).isZero();
  }
}
