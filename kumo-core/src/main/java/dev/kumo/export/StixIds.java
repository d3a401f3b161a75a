package dev.kumo.export;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** STIX 2.1 identifiers, all deterministic (UUIDv5). */
final class StixIds {
  /** The namespace STIX 2.1 (section 2.9) prescribes for the ids of cyber-observable objects. */
  static final UUID SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

  private StixIds() {}

  /**
   * The id of a cyber-observable object as STIX 2.1 prescribes: {@code type--UUIDv5(SCO namespace,
   * JCS(id-contributing properties))}, with the properties' canonical JSON (RFC 8785) as the name.
   * Null and empty properties are left out.
   */
  static String sco(String type, Map<String, String> contributing) {
    TreeMap<String, String> sorted = new TreeMap<>(); // RFC 8785 sorts by UTF-16 code units, as String does
    contributing.forEach((k, v) -> {
      if (v != null && !v.isEmpty()) {
        sorted.put(k, v);
      }
    });
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      jcsString(sb, e.getKey());
      sb.append(':');
      jcsString(sb, e.getValue());
    }
    sb.append('}');
    return type + "--" + Uuids.v5(SCO_NAMESPACE, sb.toString());
  }

  /** The id of a domain or relationship object Kumo defines: {@code type--UUIDv5(Kumo namespace, key)}. */
  static String kumo(String type, String key) {
    return type + "--" + Uuids.v5(Uuids.KUMO, type + '\u001f' + key);
  }

  /** A string as RFC 8785 serializes it (ECMAScript JSON.stringify escapes). */
  static void jcsString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
