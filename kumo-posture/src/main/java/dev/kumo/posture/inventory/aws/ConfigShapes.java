package dev.kumo.posture.inventory.aws;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.posture.inventory.ExportJson;
import dev.kumo.posture.inventory.NetworkRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Shape helpers for AWS Config configuration items: field access that tolerates both the camelCase of the
 * classic recorders and the PascalCase of CloudFormation-schema resource types, JSON carried as strings
 * (the APIs, and some supplementary configurations, wrap objects in JSON text, sometimes twice), EC2 IP
 * permissions (with {@link Ec2Rules}) and network ACL entries as {@link NetworkRule}s, and resource-type to kind names.
 */
final class ConfigShapes {
  private static final int MAX_UNWRAP = 3;

  /** Limits for JSON carried inside JSON strings, as for whole files. */
  static final JsonTreeReader JSON = new JsonTreeReader(256, 256 * 1024 * 1024);

  private ConfigShapes() {}

  /**
   * The value of {@code name} in {@code o} (exact name first, then ignoring case), JSON text unwrapped; null
   * when absent or JSON null.
   */
  static @Nullable Object field(@Nullable JsonObject o, String name) {
    if (o == null) {
      return null;
    }
    return unwrap(o.getIgnoreCase(name));
  }

  /** The first of {@code names} present in {@code o}, as {@link #field}. */
  static @Nullable Object first(@Nullable JsonObject o, String... names) {
    for (String n : names) {
      Object v = field(o, n);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** An object field, or null when absent or not an object. */
  static @Nullable JsonObject object(@Nullable JsonObject o, String... names) {
    return first(o, names) instanceof JsonObject j ? j : null;
  }

  /** An array field; empty when absent or not an array. */
  static List<Object> array(@Nullable JsonObject o, String... names) {
    return first(o, names) instanceof JsonArray a ? a : List.of();
  }

  /** The objects of an array field, other elements left out. */
  static List<JsonObject> objects(@Nullable JsonObject o, String... names) {
    List<JsonObject> out = new ArrayList<>();
    for (Object v : array(o, names)) {
      if (unwrap(v) instanceof JsonObject j) {
        out.add(j);
      }
    }
    return out;
  }

  /** A non-empty string field (numbers and booleans as text), or null. */
  static @Nullable String string(@Nullable JsonObject o, String... names) {
    String s = ExportJson.string(first(o, names));
    return s == null || s.isEmpty() ? null : s;
  }

  /** A boolean field (also {@code "true"}/{@code "false"} text), or null. */
  static @Nullable Boolean bool(@Nullable JsonObject o, String... names) {
    return ExportJson.bool(first(o, names));
  }

  /** A whole-number field (also numeric text), or null. */
  static @Nullable Long number(@Nullable JsonObject o, String... names) {
    return ExportJson.number(first(o, names));
  }

  /**
   * Parses JSON text that holds an object, an array or another JSON string (up to three levels deep), and
   * turns JSON null into Java null; any other value is returned as is. Text that fails to parse stays text.
   */
  static @Nullable Object unwrap(@Nullable Object v) {
    Object cur = v;
    for (int i = 0; i < MAX_UNWRAP && cur instanceof String s; i++) {
      String t = s.trim();
      if (!(t.startsWith("{") || t.startsWith("[") || t.startsWith("\""))) {
        break;
      }
      try {
        cur = JSON.read(t);
      } catch (RuntimeException e) {
        break;
      }
    }
    return cur == JsonNull.INSTANCE ? null : cur;
  }

  /**
   * Security-group IP permissions (Config's {@code ipPermissions} / {@code ipPermissionsEgress}) as rules:
   * one allow rule per protocol, port range and source, priority 0. Sources are IPv4 and IPv6 CIDRs, other
   * groups ({@code sg-…}) and prefix lists ({@code pl-…}).
   */
  static List<NetworkRule> ipPermissions(List<Object> permissions) {
    List<NetworkRule> out = new ArrayList<>();
    for (Object p : permissions) {
      if (!(unwrap(p) instanceof JsonObject perm)) {
        continue;
      }
      String proto = Ec2Rules.protocol(string(perm, "ipProtocol"));
      int from = 0;
      int to = 65535;
      if (!proto.equals("all")) {
        from = port(number(perm, "fromPort"), 0);
        to = port(number(perm, "toPort"), 65535);
      }
      Set<String> sources = new LinkedHashSet<>();
      for (Object r : array(perm, "ipv4Ranges")) {
        addSource(sources, r, "cidrIp");
      }
      for (Ec2Rules.SourceList list : Ec2Rules.SOURCE_LISTS) {
        for (Object r : array(perm, list.array())) {
          addSource(sources, r, list.member());
        }
      }
      out.addAll(Ec2Rules.perSource(proto, from, to, sources));
    }
    return out;
  }

  /**
   * Network ACL entries of one direction as ordered rules ({@code priority} = rule number, {@code allow} from
   * the rule action).
   */
  static List<NetworkRule> aclEntries(List<Object> entries, boolean egress) {
    List<NetworkRule> out = new ArrayList<>();
    for (Object e : entries) {
      if (!(unwrap(e) instanceof JsonObject entry) || !Boolean.valueOf(egress).equals(bool(entry, "egress"))) {
        continue;
      }
      String proto = Ec2Rules.protocol(string(entry, "protocol"));
      JsonObject range = object(entry, "portRange");
      int from = 0;
      int to = 65535;
      if (range != null && (proto.equals("tcp") || proto.equals("udp"))) {
        from = port(number(range, "from"), 0);
        to = port(number(range, "to"), 65535);
      }
      String source = string(entry, "cidrBlock", "ipv6CidrBlock");
      Long ruleNumber = number(entry, "ruleNumber");
      out.add(new NetworkRule("allow".equalsIgnoreCase(string(entry, "ruleAction")), proto, from, to,
          source == null ? List.of() : List.of(source), ruleNumber == null ? 0 : ruleNumber.intValue()));
    }
    return out;
  }

  private static int port(@Nullable Long p, int whenNone) {
    return p == null || p < 0 || p > 65535 ? whenNone : p.intValue();
  }

  private static void addSource(Set<String> sources, Object range, String key) {
    Object v = unwrap(range);
    String s = v instanceof String str ? str : v instanceof JsonObject o ? string(o, key) : null;
    if (s != null && !s.isBlank()) {
      sources.add(s);
    }
  }

  /** The strings of an array of strings, or of the {@code key} member of an array of objects. */
  static List<String> strings(List<Object> values, @Nullable String key) {
    List<String> out = new ArrayList<>();
    for (Object v : values) {
      Object u = unwrap(v);
      String s = u instanceof String str ? str : u instanceof JsonObject o && key != null ? string(o, key) : null;
      if (s != null && !s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * The kind of a resource type Kumo has no explicit mapping for: {@code AWS::DynamoDB::Table} becomes
   * {@code aws.dynamodb.table}, {@code AWS::EC2::NetworkInterface} {@code aws.ec2.network_interface}.
   */
  static String genericKind(String resourceType) {
    String[] parts = resourceType.split("::");
    if (parts.length < 3) {
      return "aws.other." + snake(resourceType.replace("::", "_"));
    }
    return "aws." + parts[1].toLowerCase(Locale.ROOT) + "." + snake(parts[2]);
  }

  /** {@code NetworkInterface} → {@code network_interface}, {@code DBCluster} → {@code db_cluster}. */
  static String snake(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char prev = s.charAt(i - 1);
        boolean nextLower = i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
        if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
          out.append('_');
        }
      }
      out.append(Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : '_');
    }
    return out.toString();
  }
}
