package dev.kumo.ingest.vpcflow;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.NetworkTraffic;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.TextLogSource;
import dev.kumo.ingest.netlogs.ContentId;
import dev.kumo.ingest.netlogs.Times;
import dev.kumo.ingest.netlogs.Values;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Amazon VPC Flow Logs, normalized into OCSF Network Activity (4001). Reads the text AWS delivers:
 * files with a header line naming the fields (S3 delivery, any custom format of versions 2 to 8),
 * headerless default-format lines (CloudWatch Logs, with or without the time an export task puts
 * before each line); and JSON records with AWS's, Panther's or snake_case field names. Records keep
 * AWS's field names ({@code srcaddr}, {@code dstport}, {@code log-status} ...), {@code -} fields are
 * left out, and NODATA/SKIPDATA records are kept with what they have. Panther's OCSF Network Activity
 * records are read too, in their own layout.
 */
public final class VpcFlowSource implements JsonLogSource, TextLogSource {
  public static final String ID = "aws.vpcflow";
  private static final String OCSF_TYPE = "OCSF.NetworkActivity";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Amazon VPC Flow Logs";
  }

  @Override
  public String examplePath() {
    return "AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/05/01/123456789012_vpcflowlogs_us-east-1_fl-0a1b2c3d_20240501T1005Z_ab12cd34.log.gz";
  }

  @Override
  public List<String> layouts() {
    return List.of("S3 delivery text with a header line (default or custom format, versions 2 to 8)",
        "headerless default-format lines (CloudWatch Logs exports, with or without a leading time)",
        "JSON records with AWS, snake_case or Panther (AWS.VPCFlow) field names",
        "Panther OCSF.NetworkActivity records");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.NETWORK_ACTIVITY;
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("AWS.VPCFlow", OCSF_TYPE);
  }

  @Override
  public Optional<LineParser> sniff(List<String> firstLines) {
    return firstLines.isEmpty() ? Optional.empty() : Optional.ofNullable(VpcFlowLineParser.forFile(firstLines.get(0)));
  }

  /** A JSON object made only of flow log fields (any spelling), one of them only flow records have. */
  @Override
  public boolean recognizes(JsonObject record) {
    boolean distinctive = false;
    int known = 0;
    for (int i = 0; i < record.size(); i++) {
      String k = record.keyAt(i);
      String c = VpcFlowFields.canonical(k);
      if (c == null) {
        if (!k.startsWith("p_")) {
          return false;
        }
      } else {
        known++;
        distinctive |= VpcFlowFields.DISTINCTIVE.contains(c);
      }
    }
    return distinctive && known >= 2;
  }

  @Override
  public NormalizedEvent normalize(JsonObject record, Origin origin) {
    if (OCSF_TYPE.equals(record.get("p_log_type"))) {
      return OcsfNetworkActivity.normalize(record, origin);
    }
    JsonObject r = VpcFlowFields.usesAwsNames(record) ? record : VpcFlowFields.toAwsNames(record);
    Long protocolNumber = Values.toLong(r.get("protocol"));
    String protocol = VpcFlowFields.protocolName(protocolNumber);
    Integer srcPort = Values.port(r.get("srcport"));
    Integer dstPort = Values.port(r.get("dstport"));
    String action = Values.text(r, "action");
    String status = Values.text(r, "log-status");
    String account = Values.text(r, "account-id");
    String eni = Values.text(r, "interface-id");
    String instance = Values.text(r, "instance-id");
    Instant time = Times.parse(r.get("start"));
    Instant end = Times.parse(r.get("end"));
    Long flags = Values.toLong(r.get("tcp-flags"));
    NetworkTraffic traffic = new NetworkTraffic(protocol, Values.toLong(r.get("bytes")), Values.toLong(r.get("packets")),
        action == null ? null : action.toLowerCase(Locale.ROOT), direction(Values.text(r, "flow-direction")), eni,
        Values.text(r, "vpc-id"), instance, flags == null ? null : flags.intValue(), end);
    return new NormalizedEvent(ContentId.of(r), time == null ? NormalizedEvent.UNKNOWN_TIME : time, ID,
        OcsfClass.NETWORK_ACTIVITY, new CloudContext("AWS", account, Values.text(r, "region")), Actor.UNKNOWN,
        endpoint(Values.text(r, "srcaddr"), srcPort), endpoint(Values.text(r, "dstaddr"), dstPort),
        new ApiCall("vpc-flow-logs", operation(action, status, protocol, dstPort), null, null, null, null),
        resources(eni, instance, account), traffic, r, origin);
  }

  private static Endpoint endpoint(@Nullable String address, @Nullable Integer port) {
    if (address == null && port == null) {
      return Endpoint.UNKNOWN;
    }
    return new Endpoint(Values.address(address), null, port, null, false);
  }

  static @Nullable String direction(@Nullable String flowDirection) {
    if (flowDirection == null) {
      return null;
    }
    return switch (flowDirection) {
      case "ingress" -> "inbound";
      case "egress" -> "outbound";
      default -> null;
    };
  }

  /** {@code ACCEPT tcp/22}, {@code REJECT icmp}, or the log status of records without traffic. */
  private static @Nullable String operation(@Nullable String action, @Nullable String status,
      @Nullable String protocol, @Nullable Integer dstPort) {
    String what = protocol == null ? (dstPort == null ? null : "port " + dstPort)
        : dstPort == null || "icmp".equals(protocol) || "icmpv6".equals(protocol) ? protocol : protocol + "/" + dstPort;
    if (action == null && status != null && !status.equals("OK")) {
      return status;
    }
    return Values.label(action, what);
  }

  private static List<ResourceRef> resources(@Nullable String eni, @Nullable String instance, @Nullable String account) {
    if (eni == null && instance == null) {
      return List.of();
    }
    List<ResourceRef> out = new ArrayList<>(2);
    if (eni != null) {
      out.add(new ResourceRef(eni, "AWS::EC2::NetworkInterface", account));
    }
    if (instance != null) {
      out.add(new ResourceRef(instance, "AWS::EC2::Instance", account));
    }
    return out;
  }
}
