package dev.kumo.testing;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.DnsQuery;
import dev.kumo.event.Endpoint;
import dev.kumo.event.HttpRequest;
import dev.kumo.event.NetworkTraffic;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds network events for detector tests, as the VPC flow log, Route 53 Resolver and load balancer
 * sources normalize them (source ids {@code aws.vpcflow}, {@code aws.route53resolver},
 * {@code aws.elb}): flow records with their addresses, ports and counters, DNS queries, HTTP
 * requests to a target.
 */
public final class NetEvents {
  private static int counter;

  private NetEvents() {}

  /** A flow record builder: {@code flow("10.0.1.5", "198.51.100.7", 443)}. */
  public static Flow flow(String src, String dst, int dstPort) {
    return new Flow(src, dst, dstPort);
  }

  /** A flow record of one direction of a flow, as one interface logs it. */
  public static final class Flow {
    private final String src;
    private final String dst;
    private final int dstPort;
    private int srcPort = 40_000;
    private String protocol = "tcp";
    private long packets = 10;
    private long bytes = 4_000;
    private String action = "accept";
    private String direction;
    private String eni = "eni-0a1b2c3d4e5f60718";
    private String instance;
    private Integer tcpFlags;
    private Instant time = Instant.parse("2026-03-10T10:00:00Z");
    private String id;

    private Flow(String src, String dst, int dstPort) {
      this.src = src;
      this.dst = dst;
      this.dstPort = dstPort;
    }

    public Flow srcPort(int p) {
      this.srcPort = p;
      return this;
    }

    public Flow protocol(String p) {
      this.protocol = p;
      return this;
    }

    public Flow packets(long p, long b) {
      this.packets = p;
      this.bytes = b;
      return this;
    }

    public Flow rejected() {
      this.action = "reject";
      return this;
    }

    public Flow direction(String d) {
      this.direction = d;
      return this;
    }

    public Flow eni(String e) {
      this.eni = e;
      return this;
    }

    public Flow instance(String i) {
      this.instance = i;
      return this;
    }

    public Flow tcpFlags(int f) {
      this.tcpFlags = f;
      return this;
    }

    public Flow time(Instant t) {
      this.time = t;
      return this;
    }

    public Flow time(String t) {
      return time(Instant.parse(t));
    }

    public Flow id(String i) {
      this.id = i;
      return this;
    }

    public NormalizedEvent build() {
      String eventId = id != null ? id : "flow-" + (++counter);
      List<ResourceRef> resources = new ArrayList<>();
      resources.add(new ResourceRef(eni, "AWS::EC2::NetworkInterface", "111122223333"));
      if (instance != null) {
        resources.add(new ResourceRef(instance, "AWS::EC2::Instance", "111122223333"));
      }
      JsonObject raw = JsonObject.of("srcaddr", src, "dstaddr", dst, "srcport", (long) srcPort, "dstport", (long) dstPort,
          "packets", packets, "bytes", bytes, "action", action.toUpperCase(), "interface-id", eni);
      return new NormalizedEvent(eventId, time, "aws.vpcflow", OcsfClass.NETWORK_ACTIVITY,
          new CloudContext("AWS", "111122223333", "us-east-1"), Actor.UNKNOWN,
          new Endpoint(src, null, srcPort, null, false), new Endpoint(dst, null, dstPort, null, false),
          new ApiCall("vpc-flow-logs", action.toUpperCase() + " " + protocol + "/" + dstPort, null, null, null, null),
          resources, new NetworkTraffic(protocol, bytes, packets, action, direction, eni, "vpc-0abc", instance,
              tcpFlags, time.plusSeconds(60)), raw, new Origin("flows.log", counter, counter));
    }
  }

  /** A Route 53 Resolver query by {@code src} (instance {@code instance}, or null) for {@code name}. */
  public static NormalizedEvent dns(String src, String instance, String name, Instant time, String id) {
    List<ResourceRef> resources = instance == null ? List.of()
        : List.of(new ResourceRef(instance, "AWS::EC2::Instance", "111122223333"));
    return new NormalizedEvent(id, time, "aws.route53resolver", OcsfClass.DNS_ACTIVITY,
        new CloudContext("AWS", "111122223333", "us-east-1"), Actor.UNKNOWN, new Endpoint(src, null, 53_211, null, false),
        new Endpoint(null, "Route 53 Resolver", null, null, true),
        new ApiCall("route53resolver.amazonaws.com", "A " + name, null, null, null, true), resources,
        new DnsQuery(name, "A", "NOERROR", List.of("198.51.100.80"), "UDP"), JsonObject.of("query_name", name,
            "srcaddr", src), new Origin("dns.json", 1, 1));
  }

  /** A load balancer request from {@code client} to the target {@code targetIp:8080}. */
  public static NormalizedEvent http(String client, String targetIp, String method, String url, String userAgent,
      int status, Instant time, String id) {
    return new NormalizedEvent(id, time, "aws.elb", OcsfClass.HTTP_ACTIVITY,
        new CloudContext("AWS", "111122223333", "us-east-1"), Actor.UNKNOWN,
        new Endpoint(client, null, 51_822, userAgent, false), new Endpoint(targetIp, "shop.example.com", 8080, null, false),
        new ApiCall("elasticloadbalancing.amazonaws.com", method + " " + url, null, null, null, null),
        List.of(new ResourceRef("app/shop-prod/50dc6c495c0c9188", "AWS::ElasticLoadBalancingV2::LoadBalancer",
            "111122223333")),
        new HttpRequest(method, url, status, 412L, 3_810L, "HTTP/1.1", null, null),
        JsonObject.of("request_url", url, "client_ip", client, "target_ip", targetIp), new Origin("elb.log", 1, 1));
  }
}
