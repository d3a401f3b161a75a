package dev.kumo.ingest.route53resolver;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.DnsQuery;
import dev.kumo.event.Endpoint;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.netlogs.ContentId;
import dev.kumo.ingest.netlogs.Times;
import dev.kumo.ingest.netlogs.Values;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Amazon Route 53 Resolver query logs, one JSON object per query as delivered to S3, CloudWatch
 * Logs and Firehose ({@code query_name}, {@code query_type}, {@code rcode}, {@code answers},
 * {@code srcaddr}, {@code srcids}, {@code firewall_rule_action} ...), normalized into OCSF DNS
 * Activity (4003). Panther's {@code AWS.VPCDns} records have the same layout; its
 * {@code OCSF.DnsActivity} records are read in their OCSF layout.
 */
public final class Route53ResolverSource implements JsonLogSource {
  public static final String ID = "aws.route53resolver";
  private static final String OCSF_TYPE = "OCSF.DnsActivity";
  private static final String SERVICE = "route53resolver.amazonaws.com";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Amazon Route 53 Resolver query logs";
  }

  @Override
  public String examplePath() {
    return "AWSLogs/123456789012/vpcdnsquerylogs/vpc-0a1b2c3d/2024/05/01/vpc-0a1b2c3d_vpcdnsquerylogs_123456789012_20240501T1005Z_ab12cd34.log.gz";
  }

  @Override
  public List<String> layouts() {
    return List.of("JSON Lines as delivered to S3, CloudWatch Logs and Firehose",
        "Panther AWS.VPCDns and OCSF.DnsActivity records");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.DNS_ACTIVITY;
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("AWS.VPCDns", OCSF_TYPE);
  }

  @Override
  public boolean recognizes(JsonObject r) {
    return r.get("query_name") instanceof String && (r.has("query_type") || r.has("query_timestamp"))
        && (r.has("srcaddr") || r.has("srcids") || r.has("vpc_id") || r.has("account_id"));
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    if (OCSF_TYPE.equals(r.get("p_log_type"))) {
      return ocsf(r, origin);
    }
    String name = Values.text(r, "query_name");
    if (name == null) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "Route 53 Resolver record without query_name; skipped");
    }
    String hostname = Values.withoutTrailingDot(name);
    String type = Values.text(r, "query_type");
    String account = Values.text(r, "account_id");
    JsonObject srcIds = r.getObject("srcids");
    String instance = Values.text(srcIds, "instance");
    String resolverEndpoint = Values.text(srcIds, "resolver_endpoint");
    Instant time = Times.parse(r.get("query_timestamp"));
    String firewallAction = Values.text(r, "firewall_rule_action");
    return new NormalizedEvent(ContentId.of(r), time == null ? NormalizedEvent.UNKNOWN_TIME : time, ID,
        OcsfClass.DNS_ACTIVITY, new CloudContext("AWS", account, Values.text(r, "region")), Actor.UNKNOWN,
        new Endpoint(Values.address(Values.text(r, "srcaddr")), null, Values.port(r.get("srcport")), null, false),
        new Endpoint(null, resolverEndpoint == null ? "Route 53 Resolver" : resolverEndpoint, null, null, true),
        new ApiCall(SERVICE, Values.label(type, hostname), null,
            "BLOCK".equals(firewallAction) ? "BlockedByDnsFirewall" : null, null, true),
        resources(instance, Values.text(r, "vpc_id"), account),
        new DnsQuery(hostname, type, Values.text(r, "rcode"), answers(r.get("answers"), "Rdata"),
            Values.text(r, "transport")), r, origin);
  }

  /** The answers' data: an array of {@code {Rdata, Type, Class}} (or one such object, as Panther's tests have). */
  private static List<String> answers(@Nullable Object answers, String dataKey) {
    if (answers instanceof JsonObject one) {
      String d = Values.textIgnoreCase(one, dataKey);
      return d == null ? List.of() : List.of(d);
    }
    if (!(answers instanceof JsonArray a) || a.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(a.size());
    for (Object o : a) {
      if (o instanceof JsonObject answer) {
        String d = Values.textIgnoreCase(answer, dataKey);
        if (d != null) {
          out.add(d);
        }
      }
    }
    return out;
  }

  private static List<ResourceRef> resources(@Nullable String instance, @Nullable String vpc, @Nullable String account) {
    if (instance == null && vpc == null) {
      return List.of();
    }
    List<ResourceRef> out = new ArrayList<>(2);
    if (instance != null) {
      out.add(new ResourceRef(instance, "AWS::EC2::Instance", account));
    }
    if (vpc != null) {
      out.add(new ResourceRef(vpc, "AWS::EC2::VPC", account));
    }
    return out;
  }

  /** A record already in OCSF DNS Activity form; it keeps its layout. */
  private static NormalizedEvent ocsf(JsonObject r, Origin origin) {
    JsonObject query = r.getObject("query");
    String name = Values.text(query, "hostname");
    if (name == null) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "OCSF DNS Activity record without query.hostname; skipped");
    }
    String hostname = Values.withoutTrailingDot(name);
    String type = Values.text(query, "type");
    JsonObject src = r.getObject("src_endpoint");
    JsonObject cloud = r.getObject("cloud");
    JsonObject account = cloud == null ? null : cloud.getObject("account");
    JsonObject metadata = r.getObject("metadata");
    JsonObject conn = r.getObject("connection_info");
    String instance = Values.text(src, "instance_uid");
    String accountId = Values.text(account, "uid");
    String id = Values.text(metadata, "uid");
    Instant time = Times.parse(r.get("time"));
    String provider = Values.text(cloud, "provider");
    return new NormalizedEvent(id == null ? ContentId.of(r) : id, time == null ? NormalizedEvent.UNKNOWN_TIME : time, ID,
        OcsfClass.DNS_ACTIVITY, new CloudContext(provider == null ? "AWS" : provider, accountId, Values.text(cloud, "region")),
        Actor.UNKNOWN, new Endpoint(Values.address(Values.text(src, "ip")), null, src == null ? null : Values.port(src.get("port")),
            null, false),
        Endpoint.UNKNOWN, new ApiCall(SERVICE, Values.label(type, hostname), null, null, null, true),
        resources(instance, Values.text(src, "vpc_uid"), accountId),
        new DnsQuery(hostname, type, Values.text(r, "rcode"), answers(r.get("answers"), "rdata"),
            Values.text(conn, "protocol_name")), r, origin);
  }
}
