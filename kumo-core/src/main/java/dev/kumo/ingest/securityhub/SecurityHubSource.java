package dev.kumo.ingest.securityhub;

import static dev.kumo.ingest.values.Values.text;

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
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * AWS Security Hub findings in the AWS Security Finding Format (ASFF), from any product that sends
 * to Security Hub (GuardDuty, Inspector, Macie, partner and custom products): EventBridge events
 * ({@code "detail-type":"Security Hub Findings - Imported"} or {@code - Custom Action}, findings in
 * {@code detail.findings}), SNS notifications carrying them, {@code aws securityhub get-findings}
 * pages ({@code {"Findings":[...]}}), JSON arrays or lines of findings, and Panther's
 * {@code AWS.SecurityFindingFormat}. Each finding becomes one OCSF Detection Finding (2004).
 */
public final class SecurityHubSource implements JsonLogSource {
  public static final String ID = "aws.securityhub";
  /** The detail-type value as it starts in an SNS message's JSON text (a quoted value, not a mention). */
  private static final String SNS_MARKER = "\"Security Hub Findings - ";
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-[a-z]+)+-\\d{1,2}");
  /** Where GuardDuty's findings in ASFF keep the network details ASFF's Action may lack. */
  private static final String GD_NET = "aws/guardduty/service/action/networkConnectionAction/";
  private static final String GD_API = "aws/guardduty/service/action/awsApiCallAction/";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "AWS Security Hub findings (ASFF)";
  }

  @Override
  public String examplePath() {
    return "securityhub-findings/2024/05/01/security-hub-findings-imported-1-2024-05-01-10-00-00.jsonl.gz";
  }

  @Override
  public List<String> layouts() {
    return List.of("EventBridge events (detail-type \"Security Hub Findings - Imported\" or \"- Custom Action\"), "
            + "one event per finding in detail.findings, and SNS notifications carrying them",
        "aws securityhub get-findings output {\"Findings\":[...]}, JSON arrays and JSON Lines of ASFF findings",
        "Panther AWS.SecurityFindingFormat (p_log_type)");
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("AWS.SecurityFindingFormat");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.DETECTION_FINDING;
  }

  @Override
  public boolean recognizes(JsonObject record) {
    return isFinding(record) || eventBridgeFindings(record) != null || SnsNotifications.carries(record, SNS_MARKER)
        || findingsPage(record) != null;
  }

  @Override
  public @Nullable JsonArray records(JsonObject record) {
    JsonArray page = findingsPage(record);
    if (page != null) {
      return page;
    }
    JsonArray eb = eventBridgeFindings(record);
    if (eb != null) {
      return eb;
    }
    if (SnsNotifications.carries(record, SNS_MARKER)) {
      JsonObject message = SnsNotifications.message(record);
      JsonArray inner = message == null ? null : eventBridgeFindings(message);
      if (inner == null) {
        throw new InvalidRecordException(ProblemKind.NOT_SOURCE_RECORD,
            "SNS message is not a Security Hub findings event; skipped");
      }
      return inner;
    }
    return null;
  }

  /** An ASFF finding: the format's required identifiers. */
  static boolean isFinding(JsonObject r) {
    return r.get("SchemaVersion") instanceof String && r.get("Id") instanceof String
        && r.get("ProductArn") instanceof String;
  }

  private static @Nullable JsonArray eventBridgeFindings(JsonObject r) {
    if (r.get("detail-type") instanceof String t && t.startsWith("Security Hub Findings")
        && r.get("detail") instanceof JsonObject d && d.get("findings") instanceof JsonArray a) {
      return a;
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

  /** The finding itself, also from an EventBridge event or SNS notification that holds exactly one. */
  private static JsonObject unwrap(JsonObject record) {
    if (isFinding(record)) {
      return record;
    }
    JsonObject message = SnsNotifications.message(record);
    JsonArray list = eventBridgeFindings(message != null ? message : record);
    if (list == null) {
      list = findingsPage(record);
    }
    if (list != null) {
      if (list.size() == 1 && list.get(0) instanceof JsonObject only) {
        return only;
      }
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "the record bundles " + list.size()
          + " findings; read its file to get each finding; skipped");
    }
    if (!(record.get("p_log_type") instanceof String)) {
      throw new InvalidRecordException(ProblemKind.NOT_SOURCE_RECORD,
          "not an ASFF finding (no SchemaVersion, Id and ProductArn); skipped");
    }
    return record; // a Panther fragment: normalize what is there
  }

  @Override
  public NormalizedEvent normalize(JsonObject record, Origin origin) {
    JsonObject f = unwrap(record);
    String id = text(f, "Id");
    if (id == null) {
      id = Values.contentId(f);
    }
    String account = text(f, "AwsAccountId");
    String productArn = text(f, "ProductArn");
    JsonObject severity = f.getObject("Severity");
    JsonObject provider = f.getObject("FindingProviderFields");
    String label = severityLabel(severity, provider == null ? null : provider.getObject("Severity"));
    JsonArray types = f.get("Types") instanceof JsonArray t ? t
        : provider != null && provider.get("Types") instanceof JsonArray t2 ? t2 : JsonArray.EMPTY;
    String type = !types.isEmpty() && types.get(0) instanceof String s && !s.isEmpty() ? s : text(f, "GeneratorId");
    List<ResourceRef> resources = resources(f);
    List<String> resourceIds = new ArrayList<>(resources.size());
    for (ResourceRef r : resources) {
      if (r.uid() != null) {
        resourceIds.add(r.uid());
      }
    }
    String product = product(f, productArn);
    FindingDetails details = new FindingDetails(product, type == null ? "unknown" : type, text(f, "Title"),
        text(f, "Description"), numericSeverity(severity), label, resourceIds);
    Endpoint[] ends = endpoints(f);
    if (ends[1] != null && ends[1].label() == null && ends[1].port() == null) {
      ends[1] = null; // the finding named no destination
    }
    return new NormalizedEvent(id, time(f), ID, OcsfClass.DETECTION_FINDING,
        new CloudContext("AWS", account, region(f, productArn)), actor(f), ends[0], ends[1],
        new ApiCall(product, operation(f, type), null, null, null, null), resources, details, f, origin);
  }

  private static Instant time(JsonObject f) {
    for (String key : new String[] {"UpdatedAt", "CreatedAt", "LastObservedAt", "FirstObservedAt"}) {
      Instant t = Values.time(f.get(key));
      if (t != null) {
        return t;
      }
    }
    return NormalizedEvent.UNKNOWN_TIME;
  }

  /** The product's name: ProductName, else Security Hub's product field, else the product ARN's tail. */
  private static String product(JsonObject f, @Nullable String productArn) {
    String name = text(f, "ProductName");
    if (name == null) {
      name = text(f.getObject("ProductFields"), "aws/securityhub/ProductName");
    }
    if (name == null && productArn != null) {
      int i = productArn.indexOf(":product/");
      name = i >= 0 ? productArn.substring(i + ":product/".length()) : null;
    }
    return name == null ? "Security Hub" : name;
  }

  /**
   * The finding's region, else the region in the product ARN ({@code arn:aws:securityhub:REGION::product/...}),
   * else the first resource's.
   */
  private static @Nullable String region(JsonObject f, @Nullable String productArn) {
    String region = text(f, "Region");
    if (region == null && productArn != null) {
      for (String part : productArn.split(":", 7)) {
        if (REGION.matcher(part).matches()) {
          return part;
        }
      }
    }
    if (region == null && f.get("Resources") instanceof JsonArray a && !a.isEmpty()
        && a.get(0) instanceof JsonObject r) {
      region = text(r, "Region");
    }
    return region;
  }

  /**
   * A short label for the findings table: the security control ({@code S3.2}), else the last part of
   * the first type ({@code UnauthorizedAccess:EC2-SSHBruteForce}), else the type or generator.
   */
  private static @Nullable String operation(JsonObject f, @Nullable String type) {
    String control = text(f.getObject("Compliance"), "SecurityControlId");
    if (control != null) {
      return control;
    }
    if (type != null) {
      int slash = type.lastIndexOf('/');
      return slash >= 0 && slash < type.length() - 1 ? type.substring(slash + 1) : type;
    }
    return null;
  }

  /** Severity.Label (lower case), else the provider's label, else from Severity.Normalized (0-100). */
  static String severityLabel(@Nullable JsonObject severity, @Nullable JsonObject providerSeverity) {
    for (JsonObject s : new JsonObject[] {severity, providerSeverity}) {
      String label = text(s, "Label");
      if (label != null) {
        return label.toLowerCase(Locale.ROOT);
      }
    }
    Double normalized = severity == null ? null : Values.number(severity.get("Normalized"));
    if (normalized == null) {
      return "unknown";
    }
    return normalized >= 90 ? "critical" : normalized >= 70 ? "high" : normalized >= 40 ? "medium"
        : normalized >= 1 ? "low" : "informational";
  }

  private static @Nullable Double numericSeverity(@Nullable JsonObject severity) {
    if (severity == null) {
      return null;
    }
    Double d = Values.number(severity.get("Product"));
    if (d == null) {
      d = Values.number(severity.get("Original"));
    }
    return d != null ? d : Values.number(severity.get("Normalized"));
  }

  /** Who acted: the IAM access key and principal the finding lists among its resources. */
  private static Actor actor(JsonObject f) {
    if (!(f.get("Resources") instanceof JsonArray resources)) {
      return Actor.UNKNOWN;
    }
    String principal = null;
    JsonObject key = null;
    String keyId = null;
    for (Object o : resources) {
      if (!(o instanceof JsonObject r)) {
        continue;
      }
      String type = text(r, "Type");
      if ("AwsIamAccessKey".equals(type) && key == null) {
        JsonObject details = r.getObject("Details");
        key = details == null ? null : details.getObject("AwsIamAccessKey");
        keyId = text(r, "Id");
      } else if (principal == null && ("AwsIamUser".equals(type) || "AwsIamRole".equals(type))
          && "Actor".equalsIgnoreCase(text(r, "ResourceRole"))) {
        String arn = text(r, "Id");
        principal = arn != null && arn.startsWith("arn:") ? arn : null;
      }
    }
    if (key == null && keyId == null && principal == null) {
      return Actor.UNKNOWN;
    }
    JsonObject session = key == null ? null : key.getObject("SessionContext");
    JsonObject issuer = session == null ? null : session.getObject("SessionIssuer");
    JsonObject attrs = session == null ? null : session.getObject("Attributes");
    Boolean mfa = attrs != null && attrs.get("MfaAuthenticated") instanceof Boolean b ? b : null;
    String accessKeyId = text(key, "AccessKeyId");
    String userName = text(key, "PrincipalName");
    return new Actor(text(key, "PrincipalType"), principal, text(key, "PrincipalId"),
        userName != null ? userName : text(key, "UserName"), accessKeyId != null ? accessKeyId : keyId,
        text(issuer, "Arn"), mfa, null, null);
  }

  /** [source, destination or null]: the remote party of the finding's action, else its network block. */
  private static Endpoint[] endpoints(JsonObject f) {
    JsonObject action = f.getObject("Action");
    JsonObject api = action == null ? null : action.getObject("AwsApiCallAction");
    if (api != null) {
      String ip = ip(api.getObject("RemoteIpDetails"));
      String domain = text(api.getObject("DomainDetails"), "Domain");
      if (ip != null || domain != null) {
        boolean service = ip == null && domain.toLowerCase(Locale.ROOT).endsWith(".amazonaws.com");
        return new Endpoint[] {new Endpoint(ip, ip == null ? domain : null, null, null, service), null};
      }
    }
    JsonObject net = action == null ? null : action.getObject("NetworkConnectionAction");
    if (net != null && ip(net.getObject("RemoteIpDetails")) != null) {
      Endpoint remote = new Endpoint(ip(net.getObject("RemoteIpDetails")), null,
          port(net.getObject("RemotePortDetails")), null, false);
      Endpoint local = new Endpoint(null, null, port(net.getObject("LocalPortDetails")), null, false);
      return "OUTBOUND".equalsIgnoreCase(text(net, "ConnectionDirection"))
          ? new Endpoint[] {local, remote} : new Endpoint[] {remote, local};
    }
    JsonObject probe = action == null ? null : action.getObject("PortProbeAction");
    if (probe != null && probe.get("PortProbeDetails") instanceof JsonArray details && !details.isEmpty()
        && details.get(0) instanceof JsonObject d && ip(d.getObject("RemoteIpDetails")) != null) {
      return new Endpoint[] {new Endpoint(ip(d.getObject("RemoteIpDetails")), null, null, null, false),
          new Endpoint(ip(d.getObject("LocalIpDetails")), null, port(d.getObject("LocalPortDetails")), null, false)};
    }
    Endpoint[] fromGuardDuty = guardDutyFields(f.getObject("ProductFields"));
    if (fromGuardDuty != null) {
      return fromGuardDuty;
    }
    JsonObject network = f.getObject("Network");
    if (network != null) {
      Endpoint src = new Endpoint(firstText(network, "SourceIpV4", "SourceIpV6"), text(network, "SourceDomain"),
          port(network.get("SourcePort")), null, false);
      Endpoint dst = new Endpoint(firstText(network, "DestinationIpV4", "DestinationIpV6"),
          text(network, "DestinationDomain"), port(network.get("DestinationPort")), null, false);
      return new Endpoint[] {src, dst};
    }
    return new Endpoint[] {Endpoint.UNKNOWN, null};
  }

  /** The remote party from GuardDuty's flattened product fields, when the finding is GuardDuty's. */
  private static Endpoint @Nullable [] guardDutyFields(@Nullable JsonObject fields) {
    if (fields == null) {
      return null;
    }
    String apiIp = text(fields, GD_API + "remoteIpDetails/ipAddressV4");
    if (apiIp != null) {
      return new Endpoint[] {new Endpoint(apiIp, null, null, null, false), null};
    }
    String remoteIp = text(fields, GD_NET + "remoteIpDetails/ipAddressV4");
    if (remoteIp == null) {
      return null;
    }
    Endpoint remote = new Endpoint(remoteIp, null, port(text(fields, GD_NET + "remotePortDetails/port")), null, false);
    Endpoint local = new Endpoint(text(fields, GD_NET + "localIpDetails/ipAddressV4"), null,
        port(text(fields, GD_NET + "localPortDetails/port")), null, false);
    return "OUTBOUND".equalsIgnoreCase(text(fields, GD_NET + "connectionDirection"))
        ? new Endpoint[] {local, remote} : new Endpoint[] {remote, local};
  }

  private static @Nullable String ip(@Nullable JsonObject details) {
    return firstText(details, "IpAddressV4", "IpAddressV6");
  }

  private static @Nullable String firstText(@Nullable JsonObject o, String a, String b) {
    String v = text(o, a);
    return v != null ? v : text(o, b);
  }

  private static @Nullable Integer port(@Nullable Object portOrDetails) {
    Object v = portOrDetails instanceof JsonObject d ? d.get("Port") : portOrDetails;
    Long p = Values.wholeNumber(v);
    return p != null && p >= 0 && p <= 65535 ? p.intValue() : null;
  }

  private static List<ResourceRef> resources(JsonObject f) {
    if (!(f.get("Resources") instanceof JsonArray a) || a.isEmpty()) {
      return List.of();
    }
    List<ResourceRef> out = new ArrayList<>(a.size());
    for (Object o : a) {
      String uid = o instanceof JsonObject r ? text(r, "Id") : null;
      if (uid != null) {
        out.add(new ResourceRef(uid, text((JsonObject) o, "Type"), arnAccount(uid)));
      }
    }
    return out;
  }

  /** The account of an ARN ({@code arn:partition:service:region:ACCOUNT:...}), or null. */
  private static @Nullable String arnAccount(String arn) {
    if (!arn.startsWith("arn:")) {
      return null;
    }
    String[] parts = arn.split(":", 6);
    return parts.length >= 5 && !parts[4].isEmpty() ? parts[4] : null;
  }
}
