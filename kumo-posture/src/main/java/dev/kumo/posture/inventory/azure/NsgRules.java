package dev.kumo.posture.inventory.azure;

import static dev.kumo.posture.inventory.ExportJson.array;
import static dev.kumo.posture.inventory.ExportJson.number;
import static dev.kumo.posture.inventory.ExportJson.object;
import static dev.kumo.posture.inventory.ExportJson.objects;
import static dev.kumo.posture.inventory.ExportJson.string;
import static dev.kumo.posture.inventory.ExportJson.strings;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.PortRanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Network security group rules ({@code securityRules} and {@code defaultSecurityRules}) as
 * {@link NetworkRule}s: one per destination port range, with allow, priority and the peer prefixes (source for
 * inbound rules, destination for outbound ones). Protocol {@code *} becomes {@code all} with the rule's ports.
 */
final class NsgRules {
  /** Inbound and outbound rules of one NSG. */
  record Split(List<NetworkRule> ingress, List<NetworkRule> egress) {}

  private NsgRules() {}

  /**
   * Reads the rules of NSG {@code properties}.
   *
   * @throws IllegalArgumentException naming the rule when one is malformed
   */
  static Split read(JsonObject properties) {
    List<NetworkRule> in = new ArrayList<>();
    List<NetworkRule> out = new ArrayList<>();
    for (String list : List.of("securityRules", "defaultSecurityRules")) {
      List<JsonObject> rules = objects(properties, list);
      for (int i = 0; i < rules.size(); i++) {
        JsonObject rule = rules.get(i);
        JsonObject p = object(rule, "properties");
        JsonObject props = p == null ? rule : p;
        String where = list + "[" + i + "]" + (string(rule, "name") == null ? "" : " (" + string(rule, "name") + ")");
        String direction = require(string(props, "direction"), where, "direction");
        boolean inbound = direction.equalsIgnoreCase("Inbound");
        if (!inbound && !direction.equalsIgnoreCase("Outbound")) {
          throw new IllegalArgumentException(where + ": direction '" + direction + "' is neither Inbound nor Outbound");
        }
        String access = require(string(props, "access"), where, "access");
        if (!access.equalsIgnoreCase("Allow") && !access.equalsIgnoreCase("Deny")) {
          throw new IllegalArgumentException(where + ": access '" + access + "' is neither Allow nor Deny");
        }
        Long priority = number(props, "priority");
        if (priority == null || priority < 1 || priority > 65535) {
          throw new IllegalArgumentException(where + ": priority missing or out of range");
        }
        String protocol = require(string(props, "protocol"), where, "protocol").trim();
        protocol = protocol.equals("*") ? "all" : protocol.toLowerCase(Locale.ROOT);
        String peer = inbound ? "source" : "destination";
        List<String> peers = joined(props, peer + "AddressPrefix", peer + "AddressPrefixes");
        if (peers.isEmpty()) {
          for (JsonObject asg : objects(props, peer + "ApplicationSecurityGroups")) {
            String id = string(asg, "id");
            if (id != null) {
              peers.add(id);
            }
          }
        }
        List<String> ports = joined(props, "destinationPortRange", "destinationPortRanges");
        if (ports.isEmpty()) {
          throw new IllegalArgumentException(where + ": no destinationPortRange(s)");
        }
        for (String range : ports) {
          int[] fromTo = ports(range, where);
          (inbound ? in : out).add(new NetworkRule(access.equalsIgnoreCase("Allow"), protocol, fromTo[0], fromTo[1],
              peers, priority.intValue()));
        }
      }
    }
    return new Split(in, out);
  }

  private static List<String> joined(JsonObject props, String single, String plural) {
    List<String> out = new ArrayList<>();
    String one = string(props, single);
    if (one != null && !one.isBlank()) {
      out.add(one.trim());
    }
    List<String> many = strings(props, plural);
    if (many != null) {
      many.stream().filter(s -> !s.isBlank()).map(String::trim).forEach(out::add);
    }
    return out;
  }

  private static int[] ports(String range, String where) {
    String r = range.trim();
    if (r.equals("*")) {
      return new int[] {0, 65535};
    }
    int[] ports = PortRanges.parse(r);
    if (ports == null) {
      throw new IllegalArgumentException(where + ": port range '" + range + "' is not N, N-M or *");
    }
    return ports;
  }

  private static String require(@Nullable String value, String where, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(where + ": missing " + field);
    }
    return value;
  }

  /** Whether {@code properties} carries rule lists at all. */
  static boolean present(JsonObject properties) {
    return array(properties, "securityRules") != null || array(properties, "defaultSecurityRules") != null;
  }
}
