package dev.kumo.detector.storage;

import static dev.kumo.testing.CloudTrailEvents.event;

import dev.kumo.testing.CloudTrailEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** CloudTrail S3 data events for the storage detector tests, as CloudTrail writes them. */
final class S3TestEvents {
  private S3TestEvents() {}

  static final String ACCOUNT = "111122223333";
  static final String ETL = CloudTrailEvents.role("etl", "task-7f3a", "ASIAETL");
  static final String BATCH = CloudTrailEvents.role("nightly-export", "run-1", "ASIABATCH");
  static final String ANONYMOUS = "{\"type\":\"AWSAccount\",\"principalId\":\"\",\"accountId\":\"ANONYMOUS_PRINCIPAL\"}";
  private static int counter;

  /** A successful object-level call. */
  static CloudTrailEvents object(String identity, String operation, String bucket, String key, Instant t,
      String additional) {
    return event().identity(identity).call("s3.amazonaws.com", operation).time(t.toString()).account(ACCOUNT)
        .id("s3-" + (++counter))
        .request("{\"bucketName\":\"" + bucket + "\",\"Host\":\"" + bucket + ".s3.us-east-1.amazonaws.com\",\"key\":\""
            + key + "\"}")
        .extra("\"additionalEventData\":{\"SignatureVersion\":\"SigV4\"" + additional + "},\"eventCategory\":\"Data\","
            + "\"resources\":[{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::" + bucket + "/" + key + "\"},"
            + "{\"accountId\":\"" + ACCOUNT + "\",\"type\":\"AWS::S3::Bucket\",\"ARN\":\"arn:aws:s3:::" + bucket + "\"}]");
  }

  /** {@code n} GetObject calls of {@code bytes} each, spread over the hour starting at {@code hour}. */
  static List<String> reads(String identity, String bucket, Instant hour, int n, long bytes) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(object(identity, "GetObject", bucket, "part-" + i + ".parquet", hour.plusMillis(i * (3_000_000L / n)),
          ",\"bytesTransferredIn\":0,\"bytesTransferredOut\":" + bytes).json());
    }
    return out;
  }

  /** {@code n} DeleteObject calls spread over the first 50 minutes of the hour starting at {@code hour}. */
  static List<String> deletes(String identity, String bucket, Instant hour, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(object(identity, "DeleteObject", bucket, "obj-" + i, hour.plusMillis(i * (3_000_000L / n)), "")
          .json());
    }
    return out;
  }

  /** Every day from {@code firstDay} for {@code days} days, the reads of {@link #reads} at each of the hours. */
  static List<String> daily(String identity, String bucket, Instant firstDay, int days, int[] hours, int n,
      long bytes) {
    List<String> out = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      for (int h : hours) {
        out.addAll(reads(identity, bucket, firstDay.plus(Duration.ofDays(d)).plus(Duration.ofHours(h)), n, bytes));
      }
    }
    return out;
  }

  @SafeVarargs
  static List<String> all(List<String>... parts) {
    List<String> out = new ArrayList<>();
    for (List<String> p : parts) {
      out.addAll(p);
    }
    return out;
  }
}
