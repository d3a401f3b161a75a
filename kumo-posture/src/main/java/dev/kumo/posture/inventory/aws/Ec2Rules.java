package dev.kumo.posture.inventory.aws;

import dev.kumo.posture.inventory.NetworkRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The EC2 security-group shapes that AWS Config, the CLI and Panther all carry (in different letter cases):
 * where an IP permission lists its sources, the EC2 protocol words, and the one-rule-per-source fan-out. Each
 * reader keeps its own field access (strict or lenient) and its own port and ACL rules.
 */
public final class Ec2Rules {
  /**
   * The arrays of an IP permission that hold sources, in the EC2 API's case: IPv4 and IPv6 CIDRs, other
   * groups ({@code sg-…}) and prefix lists ({@code pl-…}).
   */
  public static final List<SourceList> SOURCE_LISTS = List.of(new SourceList("IpRanges", "CidrIp"),
      new SourceList("Ipv6Ranges", "CidrIpv6"), new SourceList("UserIdGroupPairs", "GroupId"),
      new SourceList("PrefixListIds", "PrefixListId"));

  /**
   * One array of sources of an IP permission.
   *
   * @param array the permission's field holding the array
   * @param member the field of each element that names the source
   */
  public record SourceList(String array, String member) {}

  private Ec2Rules() {}

  /**
   * Kumo's protocol word for an EC2 protocol: null, {@code -1} and {@code all} are {@code all}; 6, 17, 1, 58
   * are {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}; anything else is kept, trimmed and lower case.
   */
  public static String protocol(@Nullable String raw) {
    if (raw == null) {
      return "all";
    }
    return switch (raw.trim().toLowerCase(Locale.ROOT)) {
      case "-1", "all" -> "all";
      case "6", "tcp" -> "tcp";
      case "17", "udp" -> "udp";
      case "1", "icmp" -> "icmp";
      case "58", "icmpv6" -> "icmpv6";
      default -> raw.trim().toLowerCase(Locale.ROOT);
    };
  }

  /** One allow rule (priority 0) per source, as security groups are written. */
  public static List<NetworkRule> perSource(String protocol, int from, int to, Collection<String> sources) {
    List<NetworkRule> out = new ArrayList<>(sources.size());
    for (String s : sources) {
      out.add(new NetworkRule(true, protocol, from, to, List.of(s), 0));
    }
    return out;
  }
}
