package dev.kumo.exercise.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hand-written CloudTrail logs and labels for scorer tests: one record per line, lines from 2. */
public final class DrillFixtures {
  private final List<String> records = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();

  /** A CloudTrail record by an IAM user; returns its 1-based line in the written file. */
  public long event(String id, String time, String eventSource, String eventName, String user, String userAgent) {
    records.add("{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\","
        + "\"arn\":\"arn:aws:iam::111122223333:user/" + user + "\",\"accountId\":\"111122223333\","
        + "\"accessKeyId\":\"AKIAEXAMPLEKEY000001\",\"userName\":\"" + user + "\"},"
        + "\"eventTime\":\"" + time + "\",\"eventSource\":\"" + eventSource + "\",\"eventName\":\"" + eventName
        + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.77\",\"userAgent\":\"" + userAgent
        + "\",\"requestParameters\":{\"name\":\"arn:aws:cloudtrail:us-east-1:111122223333:trail/main\"},"
        + "\"responseElements\":null,\"requestID\":\"req-" + id + "\",\"eventID\":\"" + id + "\","
        + "\"readOnly\":false,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
        + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"}");
    return records.size() + 1;
  }

  public long stopLogging(String id, String time) {
    return event(id, time, "cloudtrail.amazonaws.com", "StopLogging", "alice", "aws-cli/2.15.30");
  }

  public long describeTrails(String id, String time) {
    return event(id, time, "cloudtrail.amazonaws.com", "DescribeTrails", "alice", "aws-cli/2.15.30");
  }

  /** A label naming the event by id. */
  public void label(String eventId, String time, String step, String technique, String source) {
    labels.add("{\"schema\":\"kumo.labels/1\",\"event_id\":\"" + eventId + "\",\"file\":null,\"line\":null,"
        + "\"source\":\"" + source + "\",\"time\":\"" + time + "\",\"scenario\":\"drill\",\"scenario_title\":\"Drill\","
        + "\"step\":\"" + step + "\",\"step_title\":\"Step " + step + "\",\"technique\":\"" + technique
        + "\",\"tactic\":\"defense-evasion\",\"threat\":\"log-tampering\",\"extra\":{\"ignored\":true}}");
  }

  /** A label naming the event by file and line. */
  public void labelAt(String file, long line, String time, String step, String technique) {
    labels.add("{\"schema\":\"kumo.labels/1\",\"event_id\":null,\"file\":\"" + file + "\",\"line\":" + line
        + ",\"source\":\"aws.cloudtrail\",\"time\":\"" + time + "\",\"scenario\":\"drill\",\"step\":\"" + step
        + "\",\"technique\":\"" + technique + "\",\"tactic\":\"impact\"}");
  }

  public void rawLabel(String line) {
    labels.add(line);
  }

  /** Writes {@code dir/logs/cloudtrail/trail.json} and {@code dir/labels.jsonl}; returns the logs folder. */
  public Path write(Path dir) throws IOException {
    Path logs = dir.resolve("logs");
    Files.createDirectories(logs.resolve("cloudtrail"));
    Files.writeString(logs.resolve("cloudtrail/trail.json"),
        "{\"Records\":[\n" + String.join(",\n", records) + "\n]}\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("labels.jsonl"), String.join("\n", labels) + "\n", StandardCharsets.UTF_8);
    return logs;
  }
}
