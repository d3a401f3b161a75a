package dev.kumo.posture.inventory;

import java.util.List;
import java.util.Locale;

/**
 * One rule of a security group, network ACL, network security group or firewall, normalised.
 *
 * @param allow false for deny rules (network ACLs, NSGs, GCP deny firewall rules)
 * @param protocol {@code tcp}, {@code udp}, {@code icmp} or {@code all}
 * @param fromPort first port, 0 with {@code all}
 * @param toPort last port (inclusive), 65535 with {@code all}
 * @param sources CIDRs, or the provider's words for everyone ({@code *}, {@code Internet}, {@code Any})
 * @param priority evaluation order where the provider has one (lower first); 0 when rules are unordered
 */
public record NetworkRule(boolean allow, String protocol, int fromPort, int toPort, List<String> sources,
    int priority) {
  public NetworkRule {
    protocol = protocol.toLowerCase(Locale.ROOT);
    sources = List.copyOf(sources);
  }

  /** An allow rule for every port of every protocol. */
  public static NetworkRule allowAll(List<String> sources) {
    return new NetworkRule(true, "all", 0, 65535, sources, 0);
  }

  /** True when any source means the whole internet. */
  public boolean fromAnywhere() {
    for (String s : sources) {
      if (isWorld(s)) {
        return true;
      }
    }
    return false;
  }

  /** True when the rule applies to {@code port} over TCP (or every protocol). */
  public boolean coversTcpPort(int port) {
    return (protocol.equals("all") || protocol.equals("tcp")) && fromPort <= port && port <= toPort;
  }

  /** True when the rule covers every port. */
  public boolean allPorts() {
    return protocol.equals("all") || (fromPort <= 0 && toPort >= 65535);
  }

  /**
   * Whether the internet reaches TCP {@code port} through {@code rules}: with ordered rules the first
   * covering rule from anywhere decides; with unordered rules (priority 0) any allow rule is enough.
   */
  public static boolean worldReaches(List<NetworkRule> rules, int port) {
    NetworkRule decisive = null;
    for (NetworkRule r : rules) {
      if (r.fromAnywhere() && r.coversTcpPort(port)) {
        if (r.priority == 0) {
          if (r.allow) {
            return true;
          }
        } else if (decisive == null || r.priority < decisive.priority) {
          decisive = r;
        }
      }
    }
    return decisive != null && decisive.allow;
  }

  /** True for {@code 0.0.0.0/0}, {@code ::/0}, {@code *}, {@code Internet}, {@code Any} and similar. */
  public static boolean isWorld(String source) {
    String s = source.trim().toLowerCase(Locale.ROOT);
    return s.equals("0.0.0.0/0") || s.equals("::/0") || s.equals("*") || s.equals("internet")
        || s.equals("any") || s.equals("0.0.0.0") || s.equals("<nw>/0") || s.equals("0.0.0.0/0.0.0.0");
  }
}
