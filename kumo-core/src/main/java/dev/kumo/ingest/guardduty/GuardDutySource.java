package dev.kumo.ingest.guardduty;

import static dev.kumo.ingest.values.Values.arrayCi;
import static dev.kumo.ingest.values.Values.getCi;
import static dev.kumo.ingest.values.Values.objectCi;
import static dev.kumo.ingest.values.Values.textCi;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.FindingDetails;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.values.SnsNotifications;
import dev.kumo.ingest.values.Values;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Amazon GuardDuty findings, imported as signals rather than detected again: the findings GuardDuty
 * exports to S3 (JSON Lines), {@code aws guardduty get-findings} pages ({@code {"Findings":[...]}},
 * PascalCase keys), EventBridge events ({@code "detail-type":"GuardDuty Finding"}), SNS
 * notifications carrying those events, and Panther's {@code AWS.GuardDuty}. Normalizes into OCSF
 * Detection Finding (2004): the finding type is the operation, the actor comes from the access key
 * the finding names, and the source endpoint is the remote party GuardDuty saw (the instance itself
 * for outbound connections, with the remote party as destination).
 */
public final class GuardDutySource implements JsonLogSource {
  public static final String ID = "aws.guardduty";
  /** The product name findings carry (OCSF {@code finding_info.product.name}). */
  public static final String PRODUCT = "GuardDuty";
  /** The detail-type value as it appears in an SNS message's JSON text (a quoted value, not a mention). */
  private static final String SNS_MARKER = "\"GuardDuty Finding\"";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Amazon GuardDuty findings";
  }

  @Override
  public String examplePath() {
    return "AWSLogs/123456789012/GuardDuty/us-east-1/2024/05/01/0f5c1a7e-6d3b-3c8e-9a51-4c1f0e2b7d90.jsonl.gz";
  }

  @Override
  public List<String> layouts() {
    return List.of("S3 export of findings (JSON Lines, .jsonl.gz) and JSON arrays of findings",
        "aws guardduty get-findings output {\"Findings\":[...]}",
        "EventBridge events (detail-type \"GuardDuty Finding\") and SNS notifications carrying them",
        "Panther AWS.GuardDuty (p_log_type)");
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("AWS.GuardDuty");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.DETECTION_FINDING;
  }

  @Override
  public boolean recognizes(JsonObject record) {
    return isFinding(record) || eventBridgeFinding(record) != null
        || SnsNotifications.carries(record, SNS_MARKER) || findingsPage(record) != null;
  }

  @Override
  public @Nullable JsonArray records(JsonObject record) {
    return findingsPage(record);
  }

  /** A GuardDuty finding: a type, and a service block written by GuardDuty. */
  static boolean isFinding(JsonObject r) {
    if (!(getCi(r, "type") instanceof String)) {
      return false;
    }
    JsonObject service = objectCi(r, "service");
    if (service != null && "guardduty".equalsIgnoreCase(textCi(service, "serviceName"))) {
      return true;
    }
    String arn = textCi(r, "arn");
    return arn != null && arn.startsWith("arn:") && arn.contains(":guardduty:");
  }

  private static @Nullable JsonObject eventBridgeFinding(JsonObject r) {
    if ("GuardDuty Finding".equals(r.get("detail-type")) && r.get("detail") instanceof JsonObject d && isFinding(d)) {
      return d;
    }
    return null;
  }

  private static @Nullable JsonArray findingsPage(JsonObject r) {
    if (r.get("Findings") instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject first
        && isFinding(first)) {
      return a;
    }
    return null;
  }

  /** The finding itself: the record, or the one inside an EventBridge event or SNS notification. */
  static JsonObject unwrap(JsonObject record) {
    if (isFinding(record)) {
      return record;
    }
    JsonObject inner = record;
    JsonObject sns = SnsNotifications.message(record);
    if (sns != null) {
      inner = sns;
    }
    JsonObject eb = eventBridgeFinding(inner);
    if (eb != null) {
      return eb;
    }
    if (inner != record || !(record.get("p_log_type") instanceof String)) {
      throw new InvalidRecordException(ProblemKind.NOT_SOURCE_RECORD,
          "not a GuardDuty finding (no finding type and GuardDuty service block); skipped");
    }
    return record; // a Panther fragment: normalize what is there
  }

  @Override
  public NormalizedEvent normalize(JsonObject record, Origin origin) {
    JsonObject f = unwrap(record);
    JsonObject service = objectCi(f, "service");
    JsonObject resource = objectCi(f, "resource");
    String account = textCi(f, "accountId");
    String id = textCi(f, "id");
    if (id == null) {
      id = textCi(f, "arn");
    }
    if (id == null) {
      id = Values.contentId(f);
    }
    String type = textCi(f, "type");
    Double severity = Values.number(getCi(f, "severity"));
    List<ResourceRef> resources = resources(resource, service, account);
    List<String> resourceIds = new ArrayList<>(resources.size());
    for (ResourceRef r : resources) {
      if (r.uid() != null) {
        resourceIds.add(r.uid());
      }
    }
    FindingDetails details = new FindingDetails(PRODUCT, type == null ? "unknown" : type, textCi(f, "title"),
        textCi(f, "description"), severity, severityLabel(severity), resourceIds);
    JsonObject action = objectCi(service, "action");
    Endpoint[] ends = endpoints(action, userAgent(service));
    if (ends[1] != null && ends[1].label() == null && ends[1].port() == null) {
      ends[1] = null; // GuardDuty named no destination
    }
    return new NormalizedEvent(id, time(f, service), ID, OcsfClass.DETECTION_FINDING,
        new CloudContext("AWS", account, textCi(f, "region")), actor(resource), ends[0], ends[1],
        new ApiCall(PRODUCT, type, null, null, null, null), resources, details, f, origin);
  }

  /** When the finding was last updated, else created, else when its activity was last seen. */
  private static Instant time(JsonObject f, @Nullable JsonObject service) {
    for (Object v : new Object[] {getCi(f, "updatedAt"), getCi(f, "createdAt"), getCi(service, "eventLastSeen")}) {
      Instant t = Values.time(v);
      if (t != null) {
        return t;
      }
    }
    return NormalizedEvent.UNKNOWN_TIME;
  }

  /**
   * GuardDuty's severity bands: 1.0-3.9 low, 4.0-6.9 medium, 7.0-8.9 high, 9.0-10.0 critical
   * ({@code unknown} without a severity).
   */
  public static String severityLabel(@Nullable Double severity) {
    if (severity == null) {
      return "unknown";
    }
    return severity >= 9 ? "critical" : severity >= 7 ? "high" : severity >= 4 ? "medium" : "low";
  }

  private static Actor actor(@Nullable JsonObject resource) {
    JsonObject key = objectCi(resource, "accessKeyDetails");
    if (key != null) {
      return new Actor(textCi(key, "userType"), null, textCi(key, "principalId"), textCi(key, "userName"),
          textCi(key, "accessKeyId"), null, null, null, null);
    }
    JsonObject k8s = objectCi(objectCi(resource, "kubernetesDetails"), "kubernetesUserDetails");
    if (k8s != null && textCi(k8s, "username") != null) {
      return new Actor("KubernetesUser", null, textCi(k8s, "uid"), textCi(k8s, "username"), null, null, null, null,
          null);
    }
    return Actor.UNKNOWN;
  }

  /** The user agent GuardDuty recorded for API-call findings, when it did. */
  private static @Nullable String userAgent(@Nullable JsonObject service) {
    JsonObject info = objectCi(service, "additionalInfo");
    Object ua = getCi(info, "userAgent");
    if (ua instanceof JsonObject o) {
      String full = textCi(o, "fullUserAgent");
      return full != null ? full : textCi(o, "userAgent");
    }
    return ua instanceof String s && !s.isEmpty() ? s : null;
  }

  /** [source, destination or null] from the finding's action. */
  private static Endpoint[] endpoints(@Nullable JsonObject action, @Nullable String userAgent) {
    JsonObject api = objectCi(action, "awsApiCallAction");
    if (api != null) {
      String ip = ip(objectCi(api, "remoteIpDetails"));
      String domain = textCi(objectCi(api, "domainDetails"), "domain");
      boolean service = ip == null && domain != null && domain.toLowerCase(Locale.ROOT).endsWith(".amazonaws.com");
      return new Endpoint[] {new Endpoint(ip, ip == null ? domain : null, null, userAgent, service), null};
    }
    JsonObject net = objectCi(action, "networkConnectionAction");
    if (net != null) {
      Endpoint remote = new Endpoint(ip(objectCi(net, "remoteIpDetails")), null,
          port(objectCi(net, "remotePortDetails")), null, false);
      Endpoint local = new Endpoint(ip(objectCi(net, "localIpDetails")), null,
          port(objectCi(net, "localPortDetails")), null, false);
      return "OUTBOUND".equalsIgnoreCase(textCi(net, "connectionDirection"))
          ? new Endpoint[] {local, remote} : new Endpoint[] {remote, local};
    }
    JsonArray probes = arrayCi(objectCi(action, "portProbeAction"), "portProbeDetails");
    if (probes != null && !probes.isEmpty() && probes.get(0) instanceof JsonObject probe) {
      return new Endpoint[] {new Endpoint(ip(objectCi(probe, "remoteIpDetails")), null, null, null, false),
          new Endpoint(ip(objectCi(probe, "localIpDetails")), null, port(objectCi(probe, "localPortDetails")), null,
              false)};
    }
    JsonObject dns = objectCi(action, "dnsRequestAction");
    if (dns != null) {
      return new Endpoint[] {Endpoint.UNKNOWN, new Endpoint(null, textCi(dns, "domain"), null, null, false)};
    }
    for (String kind : new String[] {"kubernetesApiCallAction", "rdsLoginAttemptAction"}) {
      JsonObject a = objectCi(action, kind);
      if (a != null) {
        String ua = textCi(a, "userAgent");
        return new Endpoint[] {new Endpoint(ip(objectCi(a, "remoteIpDetails")), null, null,
            ua != null ? ua : userAgent, false), null};
      }
    }
    return new Endpoint[] {userAgent == null ? Endpoint.UNKNOWN : new Endpoint(null, null, null, userAgent, false),
        null};
  }

  private static @Nullable String ip(@Nullable JsonObject details) {
    String v4 = textCi(details, "ipAddressV4");
    return v4 != null ? v4 : textCi(details, "ipAddressV6");
  }

  private static @Nullable Integer port(@Nullable JsonObject details) {
    Long p = Values.wholeNumber(getCi(details, "port"));
    return p != null && p >= 0 && p <= 65535 ? p.intValue() : null;
  }

  /** The resources the finding names: the affected resource, then what the API call touched. */
  private static List<ResourceRef> resources(@Nullable JsonObject resource, @Nullable JsonObject service,
      @Nullable String account) {
    List<ResourceRef> out = new ArrayList<>(2);
    if (resource != null) {
      add(out, textCi(objectCi(resource, "instanceDetails"), "instanceId"), "AWS::EC2::Instance", account);
      add(out, textCi(objectCi(resource, "accessKeyDetails"), "accessKeyId"), "AWS::IAM::AccessKey", account);
      JsonArray buckets = arrayCi(resource, "s3BucketDetails");
      if (buckets != null) {
        for (Object b : buckets) {
          if (b instanceof JsonObject bucket) {
            String arn = textCi(bucket, "arn");
            add(out, arn != null ? arn : textCi(bucket, "name"), "AWS::S3::Bucket", account);
          }
        }
      }
      add(out, firstText(objectCi(resource, "eksClusterDetails"), "arn", "name"), "AWS::EKS::Cluster", account);
      add(out, firstText(objectCi(resource, "lambdaDetails"), "functionArn", "functionName"), "AWS::Lambda::Function",
          account);
      add(out, firstText(objectCi(resource, "rdsDbInstanceDetails"), "dbInstanceArn", "dbInstanceIdentifier"),
          "AWS::RDS::DBInstance", account);
      add(out, firstText(objectCi(resource, "ecsClusterDetails"), "arn", "name"), "AWS::ECS::Cluster", account);
    }
    JsonObject affected = objectCi(objectCi(objectCi(service, "action"), "awsApiCallAction"), "affectedResources");
    if (affected != null) {
      for (int i = 0; i < affected.size(); i++) {
        if (affected.valueAt(i) instanceof String arn && !arn.isEmpty()) {
          add(out, arn, affected.keyAt(i), account);
        }
      }
    }
    return out;
  }

  private static @Nullable String firstText(@Nullable JsonObject o, String a, String b) {
    String v = textCi(o, a);
    return v != null ? v : textCi(o, b);
  }

  private static void add(List<ResourceRef> out, @Nullable String uid, String type, @Nullable String account) {
    if (uid != null) {
      for (ResourceRef r : out) {
        if (uid.equals(r.uid())) {
          return;
        }
      }
      out.add(new ResourceRef(uid, type, account));
    }
  }
}
