package dev.kumo.posture.inventory.gcp;

import static dev.kumo.posture.inventory.ExportJson.number;
import static dev.kumo.posture.inventory.ExportJson.objects;
import static dev.kumo.posture.inventory.ExportJson.string;
import static dev.kumo.posture.inventory.ExportJson.strings;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.PortRanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One VPC firewall resource's {@code allowed} / {@code denied} entries as {@link NetworkRule}s: one per
 * (protocol, port range), the peers being {@code sourceRanges} (plus {@code tag:} source tags and {@code sa:}
 * source service accounts) for ingress and {@code destinationRanges} for egress, with the firewall's priority.
 * A GCP firewall holds one priority for all its entries, so within a resource the order never decides.
 */
final class FirewallRules {
  private static final Map<String, String> PROTOCOL_NUMBERS = Map.of("6", "tcp", "17", "udp", "1", "icmp",
      "132", "sctp");

  private FirewallRules() {}

  /** True when the firewall applies to ingress (the API default when {@code direction} is absent). */
  static boolean ingress(JsonObject data) {
    String d = string(data, "direction");
    return d == null || !d.equalsIgnoreCase("EGRESS");
  }

  /**
   * The rules of firewall {@code data}.
   *
   * @throws IllegalArgumentException naming the entry when a port is not a number or range
   */
  static List<NetworkRule> read(JsonObject data) {
    boolean ingress = ingress(data);
    Long p = number(data, "priority");
    int priority = p == null ? 1000 : (int) Math.max(0, Math.min(65535, p));
    List<String> peers = new ArrayList<>();
    if (ingress) {
      add(peers, strings(data, "sourceRanges"), "");
      add(peers, strings(data, "sourceTags"), "tag:");
      add(peers, strings(data, "sourceServiceAccounts"), "sa:");
    } else {
      add(peers, strings(data, "destinationRanges"), "");
    }
    List<NetworkRule> out = new ArrayList<>();
    for (String list : List.of("allowed", "denied")) {
      List<JsonObject> entries = objects(data, list);
      for (int i = 0; i < entries.size(); i++) {
        JsonObject e = entries.get(i);
        String proto = string(e, "IPProtocol");
        if (proto == null) {
          proto = string(e, "ip_protocol");
        }
        if (proto == null) {
          throw new IllegalArgumentException(list + "[" + i + "]: no IPProtocol");
        }
        String protocol = PROTOCOL_NUMBERS.getOrDefault(proto.trim(), proto.trim().toLowerCase(Locale.ROOT));
        List<String> ports = strings(e, "ports");
        if (ports == null || ports.isEmpty()) {
          out.add(new NetworkRule(list.equals("allowed"), protocol, 0, 65535, peers, priority));
          continue;
        }
        for (String range : ports) {
          int[] r = range(range, list + "[" + i + "]");
          out.add(new NetworkRule(list.equals("allowed"), protocol, r[0], r[1], peers, priority));
        }
      }
    }
    return out;
  }

  private static void add(List<String> peers, @Nullable List<String> values,
      String prefix) {
    if (values != null) {
      values.stream().filter(v -> !v.isBlank()).map(v -> prefix + v.trim()).forEach(peers::add);
    }
  }

  private static int[] range(String range, String where) {
    int[] ports = PortRanges.parse(range);
    if (ports == null) {
      throw new IllegalArgumentException(where + ": port '" + range + "' is not N or N-M");
    }
    return ports;
  }
}
