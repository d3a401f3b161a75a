package dev.kumo.serve.ingest.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NotificationTest {
  private static String record(String source, String name, String bucket, String key) {
    return "{\"eventSource\":\"" + source + "\",\"eventName\":\"" + name + "\",\"s3\":{\"bucket\":{\"name\":\""
        + bucket + "\"},\"object\":{\"key\":\"" + key + "\",\"size\":42}}}";
  }

  @Test
  void s3Event_givesTheCreatedObjects_withDecodedKeys_andCountsTheRest() throws Exception {
    Notification n = Notification.parse("{\"Records\":[" + record("aws:s3", "ObjectCreated:Put", "b", "a+b%2Bc.json")
        + "," + record("aws:s3", "ObjectRemoved:Delete", "b", "x") + "," + record("aws:s3", "s3:ObjectCreated:Copy", "b", "y")
        + "," + record("aws:sqs", "ObjectCreated:Put", "b", "z") + "]}");

    assertThat(n.objects()).containsExactly(new S3Object("b", "a b+c.json", 42L), new S3Object("b", "y", 42L));
    assertThat(n.skipped()).isEqualTo(2);
  }

  @Test
  void snsEnvelope_withRawDeliveryOff_isUnwrapped_onlyOnce() throws Exception {
    String inner = "{\\\"s3Bucket\\\":\\\"trail\\\",\\\"s3ObjectKey\\\":[\\\"AWSLogs/k+1.json.gz\\\"]}";
    Notification n = Notification.parse("{\"Type\":\"Notification\",\"Message\":\"" + inner + "\"}");
    // CloudTrail's keys are not URL-encoded.
    assertThat(n.objects()).containsExactly(new S3Object("trail", "AWSLogs/k+1.json.gz", null));

    String twice = "{\"Type\":\"Notification\",\"Message\":\"{\\\"Type\\\":\\\"Notification\\\",\\\"Message\\\":\\\"{}\\\"}\"}";
    assertThatThrownBy(() -> Notification.parse(twice)).isInstanceOf(Notification.MalformedException.class);
  }

  @Test
  void testEvent_isOneSkippedRecord() throws Exception {
    Notification n = Notification.parse("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"b\"}");
    assertThat(n.objects()).isEmpty();
    assertThat(n.skipped()).isEqualTo(1);
  }

  @Test
  void malformed_givesAReason_withoutQuotingTheBody() {
    assertThatThrownBy(() -> Notification.parse("attacker\u001b[31m text"))
        .hasMessageContaining("not JSON (line 1, column").hasMessageNotContaining("attacker");
    assertThatThrownBy(() -> Notification.parse("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> Notification.parse("{} {}")).hasMessageContaining("more than one");
    assertThatThrownBy(() -> Notification.parse("{\"Records\":[1]}")).hasMessageContaining("record 0");
    assertThatThrownBy(() -> Notification.parse("{\"Records\":[" + record("aws:s3", "ObjectCreated:Put", "../etc", "k")
        + "]}")).hasMessageContaining("invalid bucket");
    assertThatThrownBy(() -> Notification.parse("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\"}]}"))
        .hasMessageContaining("no s3.bucket.name");
    assertThatThrownBy(() -> Notification.parse("[" .repeat(100) + "]".repeat(100)))
        .isInstanceOf(Notification.MalformedException.class);
  }
}
