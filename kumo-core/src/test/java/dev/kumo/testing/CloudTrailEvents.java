package dev.kumo.testing;

import dev.kumo.event.NormalizedEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds CloudTrail records for tests and reads them through the real CloudTrail source, so tests
 * see exactly what a hunt sees.
 */
public final class CloudTrailEvents {
  private static int counter;

  private String time = "2026-03-10T10:00:00Z";
  private String eventSource = "sts.amazonaws.com";
  private String eventName = "GetCallerIdentity";
  private String sourceIp = "203.0.113.10";
  private String userAgent = "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64";
  private String region = "us-east-1";
  private String account = "111122223333";
  private String identity = user("alice");
  private String requestParameters = "null";
  private String responseElements = "null";
  private String errorCode;
  private String eventId;
  private String extra = "";

  private CloudTrailEvents() {}

  public static CloudTrailEvents event() {
    return new CloudTrailEvents();
  }

  /** userIdentity of an IAM user with a long-term key. */
  public static String user(String name) {
    return "{\"type\":\"IAMUser\",\"principalId\":\"AIDA" + name.toUpperCase() + "\",\"arn\":\"arn:aws:iam::111122223333:user/"
        + name + "\",\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIA" + name.toUpperCase() + "\",\"userName\":\""
        + name + "\"}";
  }

  /** userIdentity of an assumed-role session. */
  public static String role(String role, String session, String accessKey) {
    return "{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:" + session + "\",\"arn\":\"arn:aws:sts::111122223333:"
        + "assumed-role/" + role + "/" + session + "\",\"accountId\":\"111122223333\",\"accessKeyId\":\"" + accessKey
        + "\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAEXAMPLE\",\"arn\":"
        + "\"arn:aws:iam::111122223333:role/" + role + "\",\"accountId\":\"111122223333\",\"userName\":\"" + role
        + "\"},\"attributes\":{\"creationDate\":\"2026-03-10T09:00:00Z\",\"mfaAuthenticated\":\"false\"}}}";
  }

  /** userIdentity of EC2 instance-profile credentials (with the ec2RoleDelivery marker). */
  public static String instanceRole(String role, String instanceId) {
    return role(role, instanceId, "ASIA" + instanceId.toUpperCase().replace("-", "")).replace(
        "\"attributes\":", "\"ec2RoleDelivery\":\"2.0\",\"attributes\":");
  }

  public CloudTrailEvents time(String t) {
    this.time = t;
    return this;
  }

  public CloudTrailEvents call(String service, String name) {
    this.eventSource = service;
    this.eventName = name;
    return this;
  }

  public CloudTrailEvents ip(String ip) {
    this.sourceIp = ip;
    return this;
  }

  public CloudTrailEvents userAgent(String ua) {
    this.userAgent = ua;
    return this;
  }

  public CloudTrailEvents region(String r) {
    this.region = r;
    return this;
  }

  public CloudTrailEvents account(String a) {
    this.account = a;
    return this;
  }

  public CloudTrailEvents identity(String userIdentityJson) {
    this.identity = userIdentityJson;
    return this;
  }

  public CloudTrailEvents request(String json) {
    this.requestParameters = json;
    return this;
  }

  public CloudTrailEvents response(String json) {
    this.responseElements = json;
    return this;
  }

  public CloudTrailEvents error(String code) {
    this.errorCode = code;
    return this;
  }

  public CloudTrailEvents id(String id) {
    this.eventId = id;
    return this;
  }

  /** Extra top-level members, as JSON text without braces (e.g. {@code "readOnly":true}). */
  public CloudTrailEvents extra(String members) {
    this.extra = "," + members;
    return this;
  }

  public String json() {
    String id = eventId != null ? eventId : "evt-" + (++counter);
    return "{\"eventVersion\":\"1.09\",\"userIdentity\":" + identity + ",\"eventTime\":\"" + time + "\",\"eventSource\":\""
        + eventSource + "\",\"eventName\":\"" + eventName + "\",\"awsRegion\":\"" + region + "\",\"sourceIPAddress\":\""
        + sourceIp + "\",\"userAgent\":\"" + userAgent + "\",\"requestParameters\":" + requestParameters
        + ",\"responseElements\":" + responseElements + (errorCode == null ? "" : ",\"errorCode\":\"" + errorCode + "\"")
        + ",\"requestID\":\"req-" + id + "\",\"eventID\":\"" + id + "\",\"readOnly\":false,\"eventType\":\"AwsApiCall\","
        + "\"managementEvent\":true,\"recipientAccountId\":\"" + account + "\"" + extra + "}";
  }

  public NormalizedEvent build() {
    return parse(List.of(json())).get(0);
  }

  /** Reads CloudTrail records (JSON text) through the real reader. */
  public static List<NormalizedEvent> parse(List<String> records) {
    String file = "{\"Records\":[" + String.join(",", records) + "]}";
    SourceTesting.Read r = SourceTesting.read("trail.json", file.getBytes(StandardCharsets.UTF_8));
    if (!r.problems().isEmpty()) {
      throw new AssertionError("test records did not parse: " + r.problems());
    }
    return new ArrayList<>(r.events());
  }
}
