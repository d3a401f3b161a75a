package dev.kumo.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Small CloudTrail records and files written for tests. */
public final class CloudTrailFixtures {
  private CloudTrailFixtures() {}

  /** One compact CloudTrail record; {@code n} varies the ids and the time. */
  public static String record(int n) {
    return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE000000001\","
        + "\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accountId\":\"111122223333\","
        + "\"accessKeyId\":\"AKIAEXAMPLE000000001\",\"userName\":\"alice\"},"
        + "\"eventTime\":\"2026-03-10T10:" + String.format("%02d", n % 60) + ":00Z\","
        + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"ListBuckets\",\"awsRegion\":\"us-east-1\","
        + "\"sourceIPAddress\":\"198.51.100.7\",\"userAgent\":\"aws-cli/2.15.0\",\"requestParameters\":null,"
        + "\"responseElements\":null,\"requestID\":\"req-" + n + "\",\"eventID\":\"00000000-0000-4000-8000-"
        + String.format("%012d", n) + "\",\"readOnly\":true,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
        + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"}";
  }

  public static List<String> records(int count) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add(record(i));
    }
    return out;
  }

  /** A CloudTrail delivery file body: {"Records":[...]}. */
  public static String delivery(List<String> records) {
    return "{\"Records\":[" + String.join(",", records) + "]}";
  }

  public static byte[] gzip(byte[] data) {
    try {
      ByteArrayOutputStream bos = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
        gz.write(data);
      }
      return bos.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
