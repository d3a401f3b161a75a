package dev.kumo.ingest.securitylake;

import static dev.kumo.ingest.values.Values.text;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.BillingLine;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Details;
import dev.kumo.event.Endpoint;
import dev.kumo.event.FindingDetails;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.values.Values;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * OCSF 1.0 and 1.1 events in JSON: Amazon Security Lake's (its native sources, converted from
 * Parquet, and custom sources) and Kumo's own {@code kumo export --format ocsf} output. Reads File
 * System Activity 1001, Security Finding 2001 and Detection Finding 2004, Authentication 3002,
 * Network 4001, HTTP 4002 and DNS 4003 Activity, API Activity 6003, other classes that describe an
 * API call (such as Account Change 3001) as API Activity, and Kumo's cost lines (class 0 with
 * {@code unmapped.billing}). Recognized by {@code class_uid}, {@code metadata.version} and
 * {@code metadata.product}.
 */
public final class SecurityLakeSource implements JsonLogSource {
  public static final String ID = "aws.securitylake";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "OCSF events (Amazon Security Lake, Kumo export)";
  }

  @Override
  public String examplePath() {
    return "security-lake/aws/CLOUD_TRAIL_MGMT/2.0/region=us-east-1/accountId=123456789012/eventDay=20240501/events.ocsf.jsonl.gz";
  }

  @Override
  public List<String> layouts() {
    return List.of("OCSF 1.0-1.1 events as JSON Lines or arrays (Security Lake data converted from Parquet)",
        "kumo export --format ocsf output",
        "classes 1001, 2001, 2004, 3002, 4001, 4002, 4003, 6003; other classes with an api object as 6003");
  }

  /** API Activity: the class most OCSF data holds; each event carries its own class. */
  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.API_ACTIVITY;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    return classUid(r) != null && r.get("metadata") instanceof JsonObject m && m.get("version") instanceof String
        && m.get("product") instanceof JsonObject;
  }

  private static @Nullable Long classUid(JsonObject r) {
    return Values.wholeNumber(r.get("class_uid"));
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    Long uid = classUid(r);
    if (uid == null || !(r.get("metadata") instanceof JsonObject metadata)) {
      throw new InvalidRecordException(ProblemKind.NOT_SOURCE_RECORD,
          "not an OCSF event (no class_uid and metadata); skipped");
    }
    JsonObject unmapped = r.getObject("unmapped");
    OcsfClass c = ocsfClass(uid, r, unmapped);
    Details details = switch (c) {
      case DETECTION_FINDING -> finding(r, metadata, unmapped);
      case AUTHENTICATION -> OcsfDetails.authentication(r);
      case NETWORK_ACTIVITY -> OcsfDetails.network(r);
      case HTTP_ACTIVITY -> OcsfDetails.http(r);
      case DNS_ACTIVITY -> OcsfDetails.dns(r);
      case FILE_SYSTEM_ACTIVITY -> OcsfDetails.file(r);
      case BILLING -> OcsfDetails.billing(unmapped == null ? null : unmapped.getObject("billing"));
      case API_ACTIVITY -> null;
    };
    Instant time = Values.time(r.get("time"));
    JsonObject dst = r.getObject("dst_endpoint");
    return new NormalizedEvent(id(r, metadata), time == null ? NormalizedEvent.UNKNOWN_TIME : time, ID, c,
        cloud(r, metadata), actor(r, "kumo".equals(metadata.get("processed_by"))),
        endpoint(r.getObject("src_endpoint"), userAgent(r)),
        dst == null ? null : endpoint(dst, null), api(r, details), resources(r), details, r, origin);
  }

  private static OcsfClass ocsfClass(long uid, JsonObject r, @Nullable JsonObject unmapped) {
    for (OcsfClass c : OcsfClass.values()) {
      if (c.uid() == uid && c != OcsfClass.BILLING) {
        return c;
      }
    }
    if (uid == 2001) {
      return OcsfClass.DETECTION_FINDING; // OCSF 1.0 Security Finding, as Security Lake 1.0 writes Security Hub
    }
    if (uid == 0 && unmapped != null && unmapped.get("billing") instanceof JsonObject) {
      return OcsfClass.BILLING;
    }
    if (r.get("api") instanceof JsonObject) {
      return OcsfClass.API_ACTIVITY; // e.g. Account Change 3001 from CloudTrail management events
    }
    String name = text(r, "class_name");
    throw new InvalidRecordException(ProblemKind.NOT_SOURCE_RECORD, "OCSF class " + uid
        + (name == null ? "" : " (" + Values.cap(name, 40) + ")") + " is not one Kumo reads; skipped");
  }

  private static String id(JsonObject r, JsonObject metadata) {
    String id = text(metadata, "uid");
    if (id == null) {
      id = text(findingInfo(r), "uid");
    }
    return id != null ? id : Values.contentId(r);
  }

  /** {@code finding_info} (OCSF 1.1), else {@code finding} (1.0). */
  private static @Nullable JsonObject findingInfo(JsonObject r) {
    JsonObject info = r.getObject("finding_info");
    return info != null ? info : r.getObject("finding");
  }

  private static CloudContext cloud(JsonObject r, JsonObject metadata) {
    JsonObject cloud = r.getObject("cloud");
    String provider = text(cloud, "provider");
    if (provider == null) {
      provider = providerOfVendor(text(metadata.getObject("product"), "vendor_name"));
    }
    String account = cloud == null ? null : text(cloud.getObject("account"), "uid");
    if (account == null) {
      account = text(cloud, "account_uid");
    }
    if (account == null) {
      JsonObject user = user(r);
      account = user == null ? null : text(user.getObject("account"), "uid");
      if (account == null) {
        account = text(user, "account_uid");
      }
    }
    return new CloudContext(provider, account, text(cloud, "region"));
  }

  private static String providerOfVendor(@Nullable String vendor) {
    if (vendor == null) {
      return "unknown";
    }
    return switch (vendor) {
      case "AWS", "Amazon", "Amazon Web Services" -> "AWS";
      case "Microsoft" -> "Azure";
      case "Google" -> "GCP";
      default -> vendor;
    };
  }

  private static @Nullable JsonObject user(JsonObject r) {
    JsonObject actor = r.getObject("actor");
    return actor == null ? null : actor.getObject("user");
  }

  /**
   * The actor. Kumo's export writes the principal (an ARN) in {@code user.uid} and the provider's id
   * in {@code uid_alt}; other producers differ, so for them whichever of the two is an ARN is the
   * principal and the other the id.
   */
  private static Actor actor(JsonObject r, boolean kumoExport) {
    JsonObject actor = r.getObject("actor");
    if (actor == null) {
      return Actor.UNKNOWN;
    }
    JsonObject user = actor.getObject("user");
    String uid = text(user, "uid");
    String uidAlt = text(user, "uid_alt");
    String principal;
    String principalId;
    if (kumoExport || isArn(uid)) {
      principal = uid;
      principalId = uidAlt;
    } else if (isArn(uidAlt)) {
      principal = uidAlt;
      principalId = uid;
    } else {
      principal = null;
      principalId = uid != null ? uid : uidAlt;
    }
    JsonObject session = actor.getObject("session");
    Boolean mfa = session == null ? null : session.get("is_mfa") instanceof Boolean b ? b
        : session.get("mfa") instanceof Boolean b2 ? b2 : null;
    Actor a = new Actor(text(user, "type"), principal, principalId, text(user, "name"), text(user, "credential_uid"),
        text(session, "issuer"), mfa, text(session, "uid_alt"), text(actor, "invoked_by"));
    return a.equals(Actor.UNKNOWN) ? Actor.UNKNOWN : a;
  }

  private static boolean isArn(@Nullable String s) {
    return s != null && s.startsWith("arn:");
  }

  private static @Nullable String userAgent(JsonObject r) {
    return text(r.getObject("http_request"), "user_agent");
  }

  /**
   * An endpoint. A service name ({@code svc_name}) without a host name, or an AWS service domain
   * without an address, marks the cloud provider's own service (CloudTrail's {@code sourceIPAddress}
   * of {@code ec2.amazonaws.com}).
   */
  private static Endpoint endpoint(@Nullable JsonObject e, @Nullable String userAgent) {
    if (e == null) {
      return userAgent == null ? Endpoint.UNKNOWN : new Endpoint(null, null, null, userAgent, false);
    }
    String ip = text(e, "ip");
    String host = text(e, "hostname");
    if (host == null) {
      host = text(e, "domain");
    }
    String svc = text(e, "svc_name");
    Long port = Values.wholeNumber(e.get("port"));
    Integer p = port != null && port >= 0 && port <= 65535 ? port.intValue() : null;
    String name = host != null ? host : svc;
    boolean service = ip == null && name != null
        && (host == null || name.toLowerCase(Locale.ROOT).endsWith(".amazonaws.com"));
    return new Endpoint(ip, name, p, userAgent, service);
  }

  /** The API call; findings and cost lines carry their own label when the event has no api object. */
  private static ApiCall api(JsonObject r, @Nullable Details details) {
    JsonObject api = r.getObject("api");
    String service = null;
    String operation = null;
    String requestId = null;
    String error = null;
    String errorMessage = null;
    if (api != null) {
      service = text(api.getObject("service"), "name");
      operation = text(api, "operation");
      requestId = text(api.getObject("request"), "uid");
      JsonObject response = api.getObject("response");
      error = text(response, "error");
      errorMessage = text(response, "error_message");
    }
    if (details instanceof FindingDetails f) {
      service = service != null ? service : f.product();
      operation = operation != null ? operation : f.type();
    } else if (details instanceof BillingLine b) {
      service = service != null ? service : b.service();
      String message = text(r, "message");
      operation = operation != null ? operation : message != null ? message : b.usageType();
    }
    if (service == null && operation == null && requestId == null && error == null && errorMessage == null) {
      return ApiCall.UNKNOWN;
    }
    return new ApiCall(service, operation, requestId, error, errorMessage, null);
  }

  private static List<ResourceRef> resources(JsonObject r) {
    if (!(r.get("resources") instanceof JsonArray a) || a.isEmpty()) {
      return List.of();
    }
    List<ResourceRef> out = new ArrayList<>(a.size());
    for (Object o : a) {
      if (o instanceof JsonObject res) {
        JsonObject owner = res.getObject("owner");
        String account = text(owner, "account_uid");
        if (account == null) {
          account = text(res, "account_uid");
        }
        out.add(new ResourceRef(text(res, "uid"), text(res, "type"), account));
      }
    }
    return out;
  }

  private static FindingDetails finding(JsonObject r, JsonObject metadata, @Nullable JsonObject unmapped) {
    JsonObject info = findingInfo(r);
    String type = null;
    if (info != null && info.get("types") instanceof JsonArray types && !types.isEmpty()
        && types.get(0) instanceof String t && !t.isEmpty()) {
      type = t;
    }
    String title = text(info, "title");
    String product = info == null ? null : text(info.getObject("product"), "name");
    JsonObject metaProduct = metadata.getObject("product");
    if (product == null) {
      product = text(metaProduct == null ? null : metaProduct.getObject("feature"), "name");
    }
    if (product == null) {
      product = text(metaProduct, "name");
    }
    List<String> resourceIds = new ArrayList<>();
    for (ResourceRef res : resources(r)) {
      if (res.uid() != null) {
        resourceIds.add(res.uid());
      }
    }
    return new FindingDetails(product == null ? "unknown" : product, type != null ? type : title != null ? title
        : "unknown", title, text(info, "desc"), unmapped == null ? null : Values.number(unmapped.get(
            "product_severity")), severityLabel(r), resourceIds);
  }

  /** The severity caption in lower case, else the caption of {@code severity_id}. */
  static String severityLabel(JsonObject r) {
    String s = text(r, "severity");
    if (s != null) {
      return s.toLowerCase(Locale.ROOT);
    }
    Long id = Values.wholeNumber(r.get("severity_id"));
    if (id == null) {
      return "unknown";
    }
    return switch (id.intValue()) {
      case 1 -> "informational";
      case 2 -> "low";
      case 3 -> "medium";
      case 4 -> "high";
      case 5 -> "critical";
      case 6 -> "fatal";
      default -> "unknown";
    };
  }
}
