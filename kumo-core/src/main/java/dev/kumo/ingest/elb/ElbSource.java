package dev.kumo.ingest.elb;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.HttpRequest;
import dev.kumo.event.NetworkTraffic;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.TextLogSource;
import dev.kumo.ingest.netlogs.ContentId;
import dev.kumo.ingest.netlogs.Sniffing;
import dev.kumo.ingest.netlogs.Times;
import dev.kumo.ingest.netlogs.Values;
import dev.kumo.ingest.netlogs.WebFields;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Elastic Load Balancing access logs: Application Load Balancer and Classic Load Balancer requests,
 * normalized into OCSF HTTP Activity (4002), and Network Load Balancer TLS connections, normalized
 * into Network Activity (4001) since they carry no HTTP request. Text as delivered to S3 (see
 * {@link ElbLineParser} for the record layout); records already in that layout are read as JSON.
 */
public final class ElbSource implements JsonLogSource, TextLogSource {
  public static final String ID = "aws.elb";
  private static final String SERVICE = "elasticloadbalancing.amazonaws.com";
  private static final int MAX_OPERATION = 200;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Elastic Load Balancing access logs";
  }

  @Override
  public String examplePath() {
    return "AWSLogs/123456789012/elasticloadbalancing/us-east-1/2024/05/01/123456789012_elasticloadbalancing_us-east-1_app.web.50dc6c495c0c9188_20240501T1005Z_203.0.113.12_2kd8a0c3.log.gz";
  }

  @Override
  public List<String> layouts() {
    return List.of("Application Load Balancer access log text (all field versions)",
        "Classic Load Balancer access log text", "Network Load Balancer TLS access log text",
        "JSON records in Kumo's parsed layout");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.HTTP_ACTIVITY;
  }

  @Override
  public Optional<LineParser> sniff(List<String> firstLines) {
    return Sniffing.firstOrMost(firstLines, ElbLineParser::looksLikeElb) ? Optional.of(new ElbLineParser())
        : Optional.empty();
  }

  @Override
  public boolean recognizes(JsonObject r) {
    return r.get("elb") instanceof String && r.has("time") && r.has("client_ip")
        && (r.has("elb_status_code") || r.has("request_url") || r.has("request_processing_time") || r.has("listener"));
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    Instant time = Times.parse(r.get("time"));
    if (time == null) {
      time = NormalizedEvent.UNKNOWN_TIME;
    }
    String elb = Values.text(r, "elb");
    String arn = Values.text(r, "target_group_arn");
    if (arn == null) {
      arn = Values.text(r, "chosen_cert_arn");
    }
    CloudContext cloud = new CloudContext("AWS", Values.arnPart(arn, 4), Values.arnPart(arn, 3));
    List<ResourceRef> resources = elb == null ? List.of()
        : List.of(new ResourceRef(elb, "AWS::ElasticLoadBalancingV2::LoadBalancer", cloud.account()));
    Endpoint client = new Endpoint(Values.address(Values.text(r, "client_ip")), null, Values.port(r.get("client_port")),
        Values.text(r, "user_agent"), false);
    if (ElbLineParser.isNlb(r)) {
      return nlb(r, origin, time, cloud, client, elb, resources);
    }
    String method = Values.text(r, "request_method");
    String url = Values.text(r, "request_url");
    Long status = Values.toLong(r.get("elb_status_code"));
    String operation = method == null && url == null ? "connection"
        : Values.truncate(Values.label(method, url), MAX_OPERATION);
    String trace = Values.text(r, "trace_id");
    HttpRequest http = new HttpRequest(method, url, status == null ? null : status.intValue(),
        Values.toLong(r.get("received_bytes")), Values.toLong(r.get("sent_bytes")), Values.text(r, "request_protocol"),
        null, null);
    return new NormalizedEvent(ContentId.of(r), time, ID, OcsfClass.HTTP_ACTIVITY, cloud, Actor.UNKNOWN, client,
        target(r, "target_ip", "target_port", elb), new ApiCall(SERVICE, operation, trace, Values.text(r, "error_reason"),
            null, null), resources, http, WebFields.attach(r, url, null), origin);
  }

  private static NormalizedEvent nlb(JsonObject r, Origin origin, Instant time, CloudContext cloud, Endpoint client,
      @Nullable String elb, List<ResourceRef> resources) {
    Long in = Values.toLong(r.get("received_bytes"));
    Long out = Values.toLong(r.get("sent_bytes"));
    NetworkTraffic traffic = new NetworkTraffic("tls", in == null || out == null ? null : in + out, null, null,
        "inbound", null, null, null, null, null);
    return new NormalizedEvent(ContentId.of(r), time, ID, OcsfClass.NETWORK_ACTIVITY, cloud, Actor.UNKNOWN, client,
        target(r, "destination_ip", "destination_port", elb),
        new ApiCall(SERVICE, "TLS connection", null, Values.text(r, "incoming_tls_alert"), null, null),
        resources, traffic, r, origin);
  }

  /**
   * The server side: the target that served the request (address and port) and the host name the
   * client asked for (TLS SNI, else the request URL's host), or the load balancer's name.
   */
  private static Endpoint target(JsonObject r, String ipKey, String portKey, @Nullable String elb) {
    String ip = Values.address(Values.text(r, ipKey));
    String host = Values.text(r, "domain_name");
    if (host == null) {
      host = Values.urlHost(Values.text(r, "request_url"));
    }
    return new Endpoint(ip, host != null ? host : elb, Values.port(r.get(portKey)), null, false);
  }
}
