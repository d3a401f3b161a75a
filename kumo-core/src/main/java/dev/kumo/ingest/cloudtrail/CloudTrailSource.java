package dev.kumo.ingest.cloudtrail;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.net.IpAddress;
import dev.kumo.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * AWS CloudTrail records, as delivered to S3, exported from CloudTrail Lake or CloudWatch Logs,
 * returned by {@code aws cloudtrail lookup-events} (the record is a JSON string in
 * {@code CloudTrailEvent}), or inside a common envelope: EventBridge {@code detail}, SIEM exports'
 * {@code _source}, and test-harness {@code event}/{@code log} keys. Normalizes into OCSF API
 * Activity (6003).
 */
public final class CloudTrailSource implements JsonLogSource {
  public static final String ID = "aws.cloudtrail";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "AWS CloudTrail";
  }

  @Override
  public String examplePath() {
    return "AWSLogs/123456789012/CloudTrail/us-east-1/2024/05/01/123456789012_CloudTrail_us-east-1_20240501T1005Z_abc.json.gz";
  }

  @Override
  public java.util.List<String> layouts() {
    return java.util.List.of("delivery files {\"Records\":[...]} (.json, .json.gz) in the S3 export tree",
        "JSON arrays of events", "JSON Lines (CloudTrail Lake, CloudWatch Logs exports)",
        "aws cloudtrail lookup-events output", "EventBridge, SIEM (_source) and Panther (p_log_type) envelopes",
        "Athena/Glue table exports with lower-cased keys (eventname, useridentity.arn; SQL-style times)");
  }

  @Override
  public java.util.Set<String> pantherLogTypes() {
    return java.util.Set.of("AWS.CloudTrail");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.API_ACTIVITY;
  }

  /** Keys under which exporters and tools nest a CloudTrail record. */
  private static final String[] ENVELOPE_KEYS = {"detail", "_source", "event", "log"};
  private static final JsonTreeReader EMBEDDED = new JsonTreeReader(100, 16 * 1024 * 1024);

  @Override
  public boolean recognizes(JsonObject record) {
    if (isCloudTrail(record) || LowercaseKeys.applies(record)) {
      return true;
    }
    if (record.get("CloudTrailEvent") instanceof String && record.has("EventName")) {
      return true; // aws cloudtrail lookup-events
    }
    for (String key : ENVELOPE_KEYS) {
      if (record.get(key) instanceof JsonObject inner && isCloudTrail(inner)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A CloudTrail record has string {@code eventSource} and {@code eventName} and either a time or a version;
   * curated fragments (e.g. rule test events) without them are still CloudTrail when the event source is an
   * AWS service endpoint or the event type is a CloudTrail one.
   */
  private static final Set<String> EVENT_TYPES = Set.of("AwsApiCall", "AwsServiceEvent", "AwsConsoleAction",
      "AwsConsoleSignIn", "AwsVpceEvent", "AwsCloudTrailInsight");

  private static boolean isCloudTrail(JsonObject r) {
    if (!(r.get("eventName") instanceof String)) {
      return false;
    }
    if (r.get("eventSource") instanceof String source) {
      return r.has("eventTime") || r.has("eventVersion") || source.endsWith(".amazonaws.com");
    }
    return r.get("eventType") instanceof String type && EVENT_TYPES.contains(type);
  }

  /** The CloudTrail event itself: the record, or the one inside a known envelope. */
  static JsonObject unwrap(JsonObject record) {
    if (isCloudTrail(record)) {
      return record;
    }
    if (LowercaseKeys.applies(record)) {
      return LowercaseKeys.restore(record);
    }
    if (record.get("CloudTrailEvent") instanceof String embedded) {
      try {
        if (EMBEDDED.read(embedded) instanceof JsonObject inner && isCloudTrail(inner)) {
          return inner;
        }
      } catch (JsonTreeReader.JsonFormatException e) {
        throw new InvalidRecordException(ProblemKind.MALFORMED_JSON,
            "CloudTrailEvent does not hold a CloudTrail record: " + e.getMessage() + "; skipped");
      }
    }
    for (String key : ENVELOPE_KEYS) {
      if (record.get(key) instanceof JsonObject inner && isCloudTrail(inner)) {
        return inner;
      }
    }
    return record;
  }

  @Override
  public NormalizedEvent normalize(JsonObject record, Origin origin) {
    JsonObject r = unwrap(record);
    String timeText = r.getString("eventTime");
    Instant time = timeText == null ? null : Timestamps.parseIso(timeText);
    if (time == null) {
      time = NormalizedEvent.UNKNOWN_TIME; // kept and counted; rules still see it
    }
    JsonObject ui = r.getObject("userIdentity");
    String id = r.getString("eventID");
    if (id == null || id.isEmpty()) {
      id = contentId(r);
    }
    String account = r.getString("recipientAccountId");
    if (account == null && ui != null) {
      account = ui.getString("accountId");
    }
    return new NormalizedEvent(id, time, ID, OcsfClass.API_ACTIVITY,
        new CloudContext("AWS", account, r.getString("awsRegion")),
        actor(r, ui), source(r), null, api(r), resources(r), null, r, origin);
  }

  private static Actor actor(JsonObject r, @Nullable JsonObject ui) {
    if (ui == null) {
      return Actor.UNKNOWN;
    }
    JsonObject ctx = ui.getObject("sessionContext");
    JsonObject issuer = ctx == null ? null : ctx.getObject("sessionIssuer");
    JsonObject attrs = ctx == null ? null : ctx.getObject("attributes");
    Boolean mfa = null;
    if (attrs != null && attrs.get("mfaAuthenticated") instanceof String m) {
      mfa = m.equalsIgnoreCase("true");
    }
    JsonObject extra = r.getObject("additionalEventData");
    if (extra != null && extra.get("MFAUsed") instanceof String used) {
      mfa = used.equalsIgnoreCase("yes");
    }
    String type = text(ui, "type");
    String userName = text(ui, "userName");
    if (userName == null && issuer != null) {
      userName = issuer.getString("userName");
    }
    if (userName == null && "Root".equals(type)) {
      userName = "root";
    }
    String sourceIdentity = ctx == null ? null : ctx.getString("sourceIdentity");
    if (sourceIdentity == null) {
      sourceIdentity = ui.getString("sourceIdentity");
    }
    return new Actor(type, text(ui, "arn"), text(ui, "principalId"), userName, text(ui, "accessKeyId"),
        issuer == null ? null : text(issuer, "arn"), mfa, sourceIdentity, text(ui, "invokedBy"));
  }

  /** A string field, or null when absent or empty (CloudTrail writes "" for unknown access keys). */
  private static @Nullable String text(JsonObject o, String key) {
    String v = o.getString(key);
    return v == null || v.isEmpty() ? null : v;
  }

  private static Endpoint source(JsonObject r) {
    String ip = text(r, "sourceIPAddress");
    String ua = text(r, "userAgent");
    if (ip == null) {
      return new Endpoint(null, null, null, ua, false);
    }
    if (IpAddress.isAddress(ip)) {
      return new Endpoint(ip, null, null, ua, false);
    }
    boolean service = ip.endsWith(".amazonaws.com") || ip.equals("AWS Internal");
    return new Endpoint(null, ip, null, ua, service);
  }

  private static ApiCall api(JsonObject r) {
    Boolean readOnly = r.get("readOnly") instanceof Boolean b ? b : null;
    return new ApiCall(r.getString("eventSource"), r.getString("eventName"), r.getString("requestID"),
        r.getString("errorCode"), r.getString("errorMessage"), readOnly);
  }

  private static List<ResourceRef> resources(JsonObject r) {
    if (!(r.get("resources") instanceof JsonArray a) || a.isEmpty()) {
      return List.of();
    }
    List<ResourceRef> out = new ArrayList<>(a.size());
    for (Object o : a) {
      if (o instanceof JsonObject res) {
        out.add(new ResourceRef(res.getString("ARN"), res.getString("type"), res.getString("accountId")));
      }
    }
    return out;
  }

  private static String contentId(JsonObject r) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(r.toJson().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

}
