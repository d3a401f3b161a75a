package dev.kumo.serve.alert;

import dev.kumo.sigma.Level;
import dev.kumo.text.Escape;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Formats alerts as RFC 5424 syslog messages framed by octet counting (RFC 6587 section 3.4.1, as RFC 5425 requires
 * for TLS). Header fields are printable US-ASCII cut to their limits, {@code -} when empty; structured data goes in
 * one element {@code sdId} with PARAM-VALUEs escaped ({@code " \ ]}); control characters in log text are made
 * visible. The MSG is UTF-8 with a BOM. Immutable.
 */
public final class SyslogFormat {
  /** Longest reason text put in MSG, and longest structured-data value, in characters. */
  static final int MSG_TEXT_MAX = 2000;
  static final int PARAM_MAX = 512;

  private final int facility;
  private final String hostname;
  private final String appName;
  private final String procId;
  private final String sdId;

  /**
   * @param facility 0 to 23
   * @param hostname this host's name as the receiver should see it
   * @param sdId the SD-ID of the element (a name with {@code @} and an enterprise number for private ids)
   */
  public SyslogFormat(int facility, String hostname, String appName, String procId, String sdId) {
    if (facility < 0 || facility > 23) {
      throw new IllegalArgumentException("syslog facility must be 0 to 23, got " + facility);
    }
    if (!validSdName(sdId)) {
      throw new IllegalArgumentException("not a valid SD-ID: " + sdId);
    }
    this.facility = facility;
    this.hostname = header(hostname, 255);
    this.appName = header(appName, 48);
    this.procId = header(procId, 128);
    this.sdId = sdId;
  }

  /** Syslog severity for a finding level: critical 2, high 3 (error), medium 4 (warning), low 5, informational 6. */
  public static int severity(Level level) {
    return switch (level) {
      case CRITICAL -> 2;
      case HIGH -> 3;
      case MEDIUM -> 4;
      case LOW -> 5;
      case INFORMATIONAL -> 6;
    };
  }

  /** The message with its octet-count frame: {@code LEN SP SYSLOG-MSG}, as bytes. */
  public byte[] frame(Alert a) {
    byte[] msg = message(a);
    byte[] len = (msg.length + " ").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[len.length + msg.length];
    System.arraycopy(len, 0, out, 0, len.length);
    System.arraycopy(msg, 0, out, len.length, msg.length);
    return out;
  }

  /** The RFC 5424 message as UTF-8 bytes (no frame). */
  public byte[] message(Alert a) {
    StringBuilder sb = new StringBuilder(512);
    sb.append('<').append(facility * 8 + severity(a.level())).append(">1 ")
        .append(timestamp(a.raised())).append(' ')
        .append(hostname).append(' ')
        .append(appName).append(' ')
        .append(procId).append(' ')
        .append(header(a.kind().id(), 32)).append(' ');
    sb.append('[').append(sdId);
    param(sb, "schema", Alert.SCHEMA);
    param(sb, "level", a.level().id());
    param(sb, "rule_id", a.ruleId());
    param(sb, "rule_name", a.ruleName());
    param(sb, "rule_title", a.ruleTitle());
    param(sb, "rule_author", a.author());
    param(sb, "techniques", join(a.techniques()));
    param(sb, "tactics", join(a.tactics()));
    param(sb, "principal", a.principal());
    param(sb, "account", a.account());
    param(sb, "region", a.region());
    for (String r : a.resources()) {
      param(sb, "resource", r);
    }
    param(sb, "source_ip", a.sourceIp());
    param(sb, "event_id", a.eventId());
    param(sb, "log_source", a.logSource());
    param(sb, "event_time", a.eventTime().toString());
    param(sb, "first_seen", a.firstSeen() == null ? null : a.firstSeen().toString());
    param(sb, "last_seen", a.lastSeen() == null ? null : a.lastSeen().toString());
    param(sb, "count", Long.toString(a.count()));
    param(sb, "suppressed", a.suppressed() == 0 ? null : Long.toString(a.suppressed()));
    param(sb, "incident_id", a.incidentId());
    sb.append("] \uFEFF");
    String reason = Escape.terminal(a.reason());
    sb.append(Escape.terminal(a.headline())).append(": ")
        .append(reason.length() > MSG_TEXT_MAX ? reason.substring(0, MSG_TEXT_MAX) + "\u2026" : reason);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** RFC 3339 in UTC with at most six fractional digits. */
  static String timestamp(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS).toString();
  }

  /** A header field: printable US-ASCII (33 to 126) only, other characters as {@code ?}, cut, {@code -} if empty. */
  static String header(@Nullable String value, int max) {
    if (value == null || value.isEmpty()) {
      return "-";
    }
    StringBuilder sb = new StringBuilder(Math.min(value.length(), max));
    for (int i = 0; i < value.length() && sb.length() < max; i++) {
      char c = value.charAt(i);
      sb.append(c >= 33 && c <= 126 ? c : '?');
    }
    return sb.toString();
  }

  /** A PARAM-VALUE: control characters made visible, then {@code " \ ]} escaped with a backslash. */
  static String paramValue(String value) {
    String v = Escape.terminal(value);
    if (v.length() > PARAM_MAX) {
      int end = PARAM_MAX;
      if (Character.isHighSurrogate(v.charAt(end - 1))) {
        end--;
      }
      v = v.substring(0, end) + "\u2026";
    }
    StringBuilder sb = new StringBuilder(v.length() + 8);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '"' || c == '\\' || c == ']') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** SD-NAME rules: 1 to 32 printable US-ASCII characters except {@code = SP ] "}. */
  static boolean validSdName(String s) {
    if (s.isEmpty() || s.length() > 32) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 33 || c > 126 || c == '=' || c == ']' || c == '"') {
        return false;
      }
    }
    return true;
  }

  private static void param(StringBuilder sb, String name, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      sb.append(' ').append(name).append("=\"").append(paramValue(value)).append('"');
    }
  }

  private static @Nullable String join(List<String> values) {
    return values.isEmpty() ? null : String.join(",", values);
  }
}
