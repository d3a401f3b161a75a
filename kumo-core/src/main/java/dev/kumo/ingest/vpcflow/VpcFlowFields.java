package dev.kumo.ingest.vpcflow;

import dev.kumo.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The field names of VPC Flow Logs. Kumo's record layout uses AWS's own names, as the header line of
 * S3-delivered files writes them ({@code srcaddr}, {@code log-status}, {@code flow-direction} ...);
 * JSON exports that use other spellings (Panther's {@code srcAddr}, {@code status}; snake_case
 * {@code log_status}) are renamed to them.
 */
final class VpcFlowFields {
  private VpcFlowFields() {}

  /** The default format (version 2), the layout of files without a header line. */
  static final List<String> DEFAULT_V2 = List.of("version", "account-id", "interface-id", "srcaddr", "dstaddr",
      "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log-status");

  /** Every field AWS documents, versions 2 to 8. */
  static final Set<String> KNOWN = Set.of("version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport",
      "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log-status", "vpc-id", "subnet-id",
      "instance-id", "tcp-flags", "type", "pkt-srcaddr", "pkt-dstaddr", "region", "az-id", "sublocation-type",
      "sublocation-id", "pkt-src-aws-service", "pkt-dst-aws-service", "flow-direction", "traffic-path",
      "ecs-cluster-arn", "ecs-cluster-name", "ecs-container-instance-arn", "ecs-container-instance-id",
      "ecs-container-id", "ecs-second-container-id", "ecs-service-name", "ecs-task-definition-arn", "ecs-task-arn",
      "ecs-task-id", "reject-reason", "encryption-status");

  /** Fields holding whole numbers. */
  static final Set<String> NUMERIC = Set.of("version", "srcport", "dstport", "protocol", "packets", "bytes", "start",
      "end", "tcp-flags", "traffic-path", "encryption-status");

  /** Fields that only flow records have: one of them makes a JSON object a flow record. */
  static final Set<String> DISTINCTIVE = Set.of("srcaddr", "dstaddr", "interface-id", "log-status", "pkt-srcaddr");

  /** Other spellings of the fields in JSON exports (Panther, Sentinel-style camelCase). */
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("account", "account-id"), Map.entry("accountId", "account-id"),
      Map.entry("interfaceId", "interface-id"), Map.entry("srcAddr", "srcaddr"), Map.entry("dstAddr", "dstaddr"),
      Map.entry("srcPort", "srcport"), Map.entry("dstPort", "dstport"), Map.entry("status", "log-status"),
      Map.entry("logStatus", "log-status"), Map.entry("vpcId", "vpc-id"), Map.entry("subNetId", "subnet-id"),
      Map.entry("subnetId", "subnet-id"), Map.entry("instanceId", "instance-id"), Map.entry("tcpFlags", "tcp-flags"),
      Map.entry("pktSrcAddr", "pkt-srcaddr"), Map.entry("pktDstAddr", "pkt-dstaddr"), Map.entry("azId", "az-id"),
      Map.entry("sublocationType", "sublocation-type"), Map.entry("sublocationId", "sublocation-id"),
      Map.entry("pktSrcAwsService", "pkt-src-aws-service"), Map.entry("pktDstAwsService", "pkt-dst-aws-service"),
      Map.entry("flowDirection", "flow-direction"), Map.entry("trafficPath", "traffic-path"),
      Map.entry("rejectReason", "reject-reason"), Map.entry("pkt_src_addr", "pkt-srcaddr"),
      Map.entry("pkt_dst_addr", "pkt-dstaddr"));

  /** The AWS name of a JSON key, or null when the key is not a flow log field. */
  static @Nullable String canonical(String key) {
    if (KNOWN.contains(key)) {
      return key;
    }
    String alias = ALIASES.get(key);
    if (alias != null) {
      return alias;
    }
    if (key.indexOf('_') > 0) {
      String dashed = key.replace('_', '-');
      return KNOWN.contains(dashed) ? dashed : null;
    }
    return null;
  }

  /** Whether {@code record} already uses AWS's names only (no renaming needed). */
  static boolean usesAwsNames(JsonObject record) {
    for (int i = 0; i < record.size(); i++) {
      String k = record.keyAt(i);
      if (!KNOWN.contains(k) && canonical(k) != null) {
        return false;
      }
    }
    return true;
  }

  /** {@code record} with its keys renamed to AWS's names; other keys (Panther's {@code p_*}) are kept. */
  static JsonObject toAwsNames(JsonObject record) {
    JsonObject.Builder b = JsonObject.builder();
    for (int i = 0; i < record.size(); i++) {
      String k = record.keyAt(i);
      String c = canonical(k);
      b.put(c == null ? k : c, record.valueAt(i));
    }
    return b.build();
  }

  private static final String[] PROTOCOLS = new String[256];

  static {
    for (int i = 0; i < PROTOCOLS.length; i++) {
      PROTOCOLS[i] = Integer.toString(i);
    }
    PROTOCOLS[1] = "icmp";
    PROTOCOLS[2] = "igmp";
    PROTOCOLS[6] = "tcp";
    PROTOCOLS[17] = "udp";
    PROTOCOLS[41] = "ipv6";
    PROTOCOLS[47] = "gre";
    PROTOCOLS[50] = "esp";
    PROTOCOLS[51] = "ah";
    PROTOCOLS[58] = "icmpv6";
    PROTOCOLS[132] = "sctp";
  }

  /** The lower-case name of an IANA protocol number ({@code tcp}, {@code udp} ...), else the number. */
  static @Nullable String protocolName(@Nullable Long number) {
    if (number == null) {
      return null;
    }
    return number >= 0 && number < 256 ? PROTOCOLS[number.intValue()] : number.toString();
  }
}
