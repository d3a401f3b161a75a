package dev.kumo.ingest.vpcflow;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.NetworkTraffic;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.ingest.netlogs.ContentId;
import dev.kumo.ingest.netlogs.Times;
import dev.kumo.ingest.netlogs.Values;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads records already in OCSF Network Activity form (Panther's {@code OCSF.NetworkActivity},
 * Amazon Security Lake's flow logs exported as JSON). The record keeps its OCSF layout.
 */
final class OcsfNetworkActivity {
  private OcsfNetworkActivity() {}

  static NormalizedEvent normalize(JsonObject r, Origin origin) {
    JsonObject src = r.getObject("src_endpoint");
    JsonObject dst = r.getObject("dst_endpoint");
    JsonObject conn = r.getObject("connection_info");
    JsonObject traffic = r.getObject("traffic");
    JsonObject cloud = r.getObject("cloud");
    JsonObject account = cloud == null ? null : cloud.getObject("account");
    JsonObject metadata = r.getObject("metadata");
    String protocol = Values.text(conn, "protocol_name");
    if (protocol == null && conn != null) {
      protocol = VpcFlowFields.protocolName(Values.toLong(conn.get("protocol_num")));
    }
    protocol = protocol == null ? null : protocol.toLowerCase(Locale.ROOT);
    String disposition = Values.text(r, "disposition");
    String action = disposition == null ? null : switch (disposition.toLowerCase(Locale.ROOT)) {
      case "allowed" -> "accept";
      case "blocked", "denied", "dropped", "rejected" -> "reject";
      default -> null;
    };
    String direction = direction(Values.text(conn, "direction"));
    Instant time = Times.parse(r.get("time"));
    String id = Values.text(metadata, "uid");
    Endpoint srcEndpoint = endpoint(src);
    Endpoint dstEndpoint = endpoint(dst);
    NetworkTraffic details = new NetworkTraffic(protocol, traffic == null ? null : Values.toLong(traffic.get("bytes")),
        traffic == null ? null : Values.toLong(traffic.get("packets")), action, direction, null,
        Values.text(src, "vpc_uid"), Values.text(src, "instance_uid"), null, Times.parse(r.get("end_time")));
    String status = Values.text(r, "status_code");
    String provider = Values.text(cloud, "provider");
    String operation = Values.label(action == null ? null : action.toUpperCase(Locale.ROOT),
        protocol == null ? null : dstEndpoint.port() == null ? protocol : protocol + "/" + dstEndpoint.port());
    return new NormalizedEvent(id == null ? ContentId.of(r) : id, time == null ? NormalizedEvent.UNKNOWN_TIME : time,
        VpcFlowSource.ID, OcsfClass.NETWORK_ACTIVITY,
        new CloudContext(provider == null ? "AWS" : provider, Values.text(account, "uid"), Values.text(cloud, "region")),
        Actor.UNKNOWN, srcEndpoint, dstEndpoint,
        new ApiCall("vpc-flow-logs", operation == null ? status : operation, null, null, null, null), List.of(),
        details, r, origin);
  }

  /** OCSF's {@code Inbound}/{@code Outbound}; {@code Lateral} and {@code Unknown} say nothing of the interface. */
  private static @Nullable String direction(@Nullable String ocsf) {
    if (ocsf == null) {
      return null;
    }
    return switch (ocsf.toLowerCase(Locale.ROOT)) {
      case "inbound" -> "inbound";
      case "outbound" -> "outbound";
      default -> null;
    };
  }

  private static Endpoint endpoint(@Nullable JsonObject e) {
    if (e == null) {
      return Endpoint.UNKNOWN;
    }
    return new Endpoint(Values.address(Values.text(e, "ip")), Values.text(e, "hostname"), Values.port(e.get("port")),
        null, false);
  }
}
