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
import dev.kumo.ingest.LogSource;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.net.IpAddress;
import dev.kumo.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * AWS CloudTrail records, as delivered to S3, exported from CloudTrail Lake or CloudWatch Logs, or
 * wrapped by EventBridge ({@code "detail-type": "AWS API Call via CloudTrail"}). Normalizes into
 * OCSF API Activity (6003).
 */
public final class CloudTrailSource implements LogSource {
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
  public OcsfClass ocsfClass() {
    return OcsfClass.API_ACTIVITY;
  }

  @Override
  public boolean recognizes(JsonObject record) {
    JsonObject r = unwrap(record);
    return r.get("eventSource") instanceof String && r.get("eventName") instanceof String
        && (r.has("eventTime") || r.has("eventVersion"));
  }

  /** The CloudTrail event itself: the record, or the {@code detail} of an EventBridge envelope. */
  static JsonObject unwrap(JsonObject record) {
    if (!record.has("eventName") && record.get("detail") instanceof JsonObject d && d.has("eventName")) {
      return d;
    }
    return record;
  }

  @Override
  public NormalizedEvent normalize(JsonObject record, Origin origin) {
    JsonObject r = unwrap(record);
    String timeText = r.getString("eventTime");
    Instant time = timeText == null ? null : Timestamps.parseIso(timeText);
    if (time == null) {
      throw new InvalidRecordException(ProblemKind.BAD_TIMESTAMP, timeText == null
          ? "CloudTrail record has no eventTime; skipped"
          : "eventTime '" + clip(timeText) + "' is not an ISO-8601 time; skipped");
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
        actor(r, ui), source(r), api(r), resources(r), r, origin);
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
    String type = ui.getString("type");
    String userName = ui.getString("userName");
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
    return new Actor(type, ui.getString("arn"), ui.getString("principalId"), userName, ui.getString("accessKeyId"),
        issuer == null ? null : issuer.getString("arn"), mfa, sourceIdentity, ui.getString("invokedBy"));
  }

  private static Endpoint source(JsonObject r) {
    String ip = r.getString("sourceIPAddress");
    String ua = r.getString("userAgent");
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

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
