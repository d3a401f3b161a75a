package dev.kumo.bench;

import dev.kumo.detect.DetectionEngine;
import dev.kumo.detect.EngineBuilder;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.Origin;
import dev.kumo.ingest.cloudtrail.CloudTrailSource;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.sigma.RuleLoadResult;
import dev.kumo.sigma.RuleLoader;
import dev.kumo.sigma.compile.CompileOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic rules and CloudTrail records for the benchmarks (deterministic). */
final class BenchData {
  static final String[] SERVICES = {"s3", "ec2", "iam", "sts", "kms", "ssm", "lambda", "rds", "cloudtrail", "logs"};

  private BenchData() {}

  /** {@code n} rules in the style of SigmaHQ's CloudTrail rules, each on its own operation. */
  static String rules(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String svc = SERVICES[i % SERVICES.length];
      sb.append("title: synthetic rule ").append(i).append('\n')
          .append("logsource: {product: aws, service: cloudtrail}\n")
          .append("detection:\n")
          .append("    selection:\n")
          .append("        eventSource: ").append(svc).append(".amazonaws.com\n")
          .append("        eventName:\n")
          .append("            - Operation").append(i).append('\n')
          .append("            - OtherOperation").append(i).append('\n')
          .append("    filter:\n")
          .append("        userAgent|contains: 'internal-tool'\n")
          .append("    condition: selection and not filter\n")
          .append("level: medium\n---\n");
    }
    return sb.toString();
  }

  static DetectionEngine engine(String rules) {
    RuleLoadResult r = new RuleLoader().loadText(rules, "bench.yml", false);
    if (!r.errors().isEmpty()) {
      throw new IllegalStateException(r.errors().toString());
    }
    return EngineBuilder.defaults(CompileOptions.defaults()).build(r.rules()).engine();
  }

  /**
   * A realistic record. Half the events call one of the operations rules 0-99 watch (so 100 and
   * 1,000 rules see the same matches), half call operations no rule watches.
   */
  static String record(int i, SplittableRandom rnd) {
    String svc = SERVICES[rnd.nextInt(SERVICES.length)];
    return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:session"
        + (i % 50) + "\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/role" + (i % 7) + "/session" + (i % 50)
        + "\",\"accountId\":\"111122223333\",\"accessKeyId\":\"ASIAEXAMPLE" + (i % 13) + "\",\"sessionContext\":"
        + "{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAEXAMPLE\",\"arn\":\"arn:aws:iam::111122223333:role/role"
        + (i % 7) + "\",\"accountId\":\"111122223333\",\"userName\":\"role" + (i % 7) + "\"},\"attributes\":"
        + "{\"creationDate\":\"2026-03-10T09:00:00Z\",\"mfaAuthenticated\":\"false\"}}},\"eventTime\":\"2026-03-10T10:"
        + String.format("%02d", i % 60) + ":00Z\",\"eventSource\":\"" + svc + ".amazonaws.com\",\"eventName\":\""
        + (rnd.nextBoolean() ? "Operation" + rnd.nextInt(100) : "Unrelated" + rnd.nextInt(1000)) + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100." + (i % 250)
        + "\",\"userAgent\":\"aws-sdk-java/2.25.0 Linux/6.1 OpenJDK_64-Bit_Server_VM/17\",\"requestParameters\":"
        + "{\"bucketName\":\"bucket-" + i + "\",\"Host\":\"bucket.s3.amazonaws.com\",\"tags\":[{\"key\":\"a\",\"value\":\"b\"}]},"
        + "\"responseElements\":null,\"requestID\":\"REQ" + i + "\",\"eventID\":\"00000000-0000-4000-8000-"
        + String.format("%012d", i) + "\",\"readOnly\":true,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
        + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\","
        + "\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":\"" + svc + ".us-east-1.amazonaws.com\"}}";
  }

  static List<byte[]> recordBytes(int n) {
    SplittableRandom rnd = new SplittableRandom(42);
    List<byte[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(record(i, rnd).getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  static NormalizedEvent[] events(int n) {
    JsonTreeReader reader = new JsonTreeReader(100, 1 << 24);
    CloudTrailSource source = new CloudTrailSource();
    List<byte[]> bytes = recordBytes(n);
    NormalizedEvent[] out = new NormalizedEvent[n];
    for (int i = 0; i < n; i++) {
      byte[] b = bytes.get(i);
      out[i] = source.normalize((JsonObject) reader.read(b, 0, b.length), new Origin("bench", i + 1, i + 1));
    }
    return out;
  }
}
