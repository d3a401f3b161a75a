package dev.kumo.posture.inventory.aws;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.ExportJson;
import dev.kumo.posture.inventory.NetworkRule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Shapes shared by AWS CLI outputs: typed field access that refuses a wrong type with the field's name,
 * timestamps, error codes, and security-group permissions and ACL entries (shapes shared via {@link Ec2Rules}). Every method throws {@link IllegalArgumentException}
 * naming the field when the shape is wrong; it never guesses.
 */
final class CliShapes {
  private static final Pattern ERROR = Pattern.compile("An error occurred \\(([A-Za-z0-9.]+)\\)");
  private static final Pattern ARN_ACCOUNT = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\\d{12}):");

  private CliShapes() {}

  /** {@code v} as an object. */
  static JsonObject object(@Nullable Object v, String what) {
    if (v instanceof JsonObject o) {
      return o;
    }
    throw new IllegalArgumentException(what + " is not a JSON object");
  }

  /** The array at {@code key}; empty when absent. */
  static JsonArray array(JsonObject o, String key) {
    Object v = o.get(key);
    if (v == null) {
      return JsonArray.EMPTY;
    }
    if (v instanceof JsonArray a) {
      return a;
    }
    throw new IllegalArgumentException(key + " is not an array");
  }

  /** The objects of the array at {@code key}; empty when absent. */
  static List<JsonObject> objects(JsonObject o, String key) {
    JsonArray a = array(o, key);
    List<JsonObject> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(object(a.get(i), key + "[" + i + "]"));
    }
    return out;
  }

  /** The required string at {@code key}. */
  static String text(JsonObject o, String key) {
    String s = optText(o, key);
    if (s == null || s.isEmpty()) {
      throw new IllegalArgumentException("missing " + key);
    }
    return s;
  }

  /** The string at {@code key}, or null when absent or JSON null. */
  static @Nullable String optText(JsonObject o, String key) {
    return ExportJson.typed(o, key, String.class, "a string");
  }

  /** The boolean at {@code key}, or null when absent. */
  static @Nullable Boolean bool(JsonObject o, String key) {
    return ExportJson.typed(o, key, Boolean.class, "a boolean");
  }

  /** The integer at {@code key}, or null when absent. */
  static @Nullable Long number(JsonObject o, String key) {
    return ExportJson.typed(o, key, Long.class, "an integer");
  }

  /** The strings of the array at {@code key}; empty when absent. */
  static List<String> strings(JsonObject o, String key) {
    JsonArray a = array(o, key);
    List<String> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      if (!(a.get(i) instanceof String s)) {
        throw new IllegalArgumentException(key + "[" + i + "] is not a string");
      }
      out.add(s);
    }
    return out;
  }

  /**
   * An ISO-8601 timestamp with offset as the CLI and the credential report print it; null for the report's
   * words for "none" ({@code N/A}, {@code no_information}, {@code not_supported}) and for an empty value.
   */
  static @Nullable Instant time(@Nullable String s) {
    if (s == null || s.isEmpty() || s.equals("N/A") || s.equals("no_information") || s.equals("not_supported")) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("'" + s + "' is not a timestamp");
      }
    }
  }

  /** The error code of text the CLI prints on stderr ({@code An error occurred (Code) when calling ...}). */
  static @Nullable String errorCode(String text) {
    Matcher m = ERROR.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  /** The first account id inside an ARN in {@code text}, or null. */
  static @Nullable String arnAccount(String text) {
    Matcher m = ARN_ACCOUNT.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  /**
   * Security-group permissions ({@code IpPermissions} or {@code IpPermissionsEgress}) as rules: one per
   * protocol, port range and source; sources are CIDRs, {@code sg-…} group ids or {@code pl-…} prefix lists.
   */
  static List<NetworkRule> securityGroupRules(JsonObject group, String key) {
    List<NetworkRule> out = new ArrayList<>();
    for (JsonObject p : objects(group, key)) {
      String protocol = Ec2Rules.protocol(text(p, "IpProtocol"));
      int from = 0;
      int to = 65535;
      Long f = number(p, "FromPort");
      Long t = number(p, "ToPort");
      if (!protocol.equals("all") && f != null && t != null && f >= 0 && t >= 0) {
        from = f.intValue();
        to = t.intValue();
      }
      List<String> sources = new ArrayList<>();
      for (Ec2Rules.SourceList list : Ec2Rules.SOURCE_LISTS) {
        for (JsonObject r : objects(p, list.array())) {
          sources.add(text(r, list.member()));
        }
      }
      out.addAll(Ec2Rules.perSource(protocol, from, to, sources));
    }
    return out;
  }

  /** Network ACL entries of one direction as ordered rules ({@code priority} = rule number). */
  static List<NetworkRule> networkAclRules(JsonObject acl, boolean egress) {
    List<NetworkRule> out = new ArrayList<>();
    for (JsonObject e : objects(acl, "Entries")) {
      if (!egress == Boolean.TRUE.equals(bool(e, "Egress"))) {
        continue;
      }
      String protocol = Ec2Rules.protocol(text(e, "Protocol"));
      int from = 0;
      int to = 65535;
      JsonObject range = e.getObject("PortRange");
      if (!protocol.equals("all") && range != null) {
        Long f = number(range, "From");
        Long t = number(range, "To");
        if (f != null && t != null) {
          from = f.intValue();
          to = t.intValue();
        }
      }
      String cidr = optText(e, "CidrBlock");
      String source = cidr != null ? cidr : text(e, "Ipv6CidrBlock");
      Long number = number(e, "RuleNumber");
      if (number == null) {
        throw new IllegalArgumentException("missing RuleNumber");
      }
      out.add(new NetworkRule("allow".equalsIgnoreCase(text(e, "RuleAction")), protocol, from, to,
          List.of(source), number.intValue()));
    }
    return out;
  }
}
