package dev.kumo.ingest.azure;

import dev.kumo.event.Endpoint;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonNull;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonText;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.net.IpAddress;
import dev.kumo.time.Timestamps;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Shared reading of Microsoft cloud records (Azure, Entra ID, Microsoft 365), whose exports disagree
 * on key casing (diagnostic settings write {@code operationName}, Log Analytics
 * {@code OperationName}, Panther lower-cases everything): lookups try the exact key first, then any
 * casing. Stateless and thread-safe.
 */
public final class AzureRecords {
  /** Parses JSON held as text (Log Analytics dynamic columns, AKS audit lines, M365 AuditData). */
  public static final JsonTreeReader EMBEDDED = new JsonTreeReader(100, 16 * 1024 * 1024);

  /** Timestamps before this are placeholders ({@code 0001-01-01T00:00:00Z}), not times. */
  private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

  private AzureRecords() {}

  /** The value of {@code key} in any casing, or null when absent. */
  public static @Nullable Object get(JsonObject o, String key) {
    return o.getIgnoreCase(key);
  }

  /** A non-empty string value of {@code key} (numbers as their JSON text), in any casing; else null. */
  public static @Nullable String text(JsonObject o, String key) {
    Object v = o.getIgnoreCase(key);
    if (v instanceof String s) {
      return s.isEmpty() ? null : s;
    }
    if (v == null || v == JsonNull.INSTANCE || v instanceof JsonObject || v instanceof JsonArray) {
      return null;
    }
    return JsonText.scalarText(v);
  }

  /** Whether {@code value} equals one of {@code options}, ignoring case (no allocation). */
  public static boolean oneOf(@Nullable String value, String... options) {
    if (value == null) {
      return false;
    }
    for (String o : options) {
      if (o.equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} starts with {@code prefix}, ignoring case. */
  public static boolean startsWithIgnoreCase(String s, String prefix) {
    return s.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  /** Whether {@code s} ends with {@code suffix}, ignoring case. */
  public static boolean endsWithIgnoreCase(String s, String suffix) {
    return s.length() >= suffix.length() && s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
  }

  /** Whether {@code s} contains {@code needle}, ignoring case (no allocation). */
  public static boolean containsIgnoreCase(String s, String needle) {
    return lastIndexOfIgnoreCase(s, needle) >= 0;
  }

  /** The first of {@code keys} that has a non-empty text value. */
  public static @Nullable String firstText(JsonObject o, String... keys) {
    for (String k : keys) {
      String v = text(o, k);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** The object value of {@code key} in any casing, or null. */
  public static @Nullable JsonObject object(JsonObject o, String key) {
    return o.getIgnoreCase(key) instanceof JsonObject j ? j : null;
  }

  /** The array value of {@code key} in any casing, or null. */
  public static @Nullable JsonArray array(JsonObject o, String key) {
    return o.getIgnoreCase(key) instanceof JsonArray a ? a : null;
  }

  /** Whether {@code o} has {@code key} in any casing. */
  public static boolean has(JsonObject o, String key) {
    return o.getIgnoreCase(key) != null;
  }

  /** Whether the text value of {@code key} equals one of {@code values}, ignoring case. */
  public static boolean textIn(JsonObject o, String key, String... values) {
    if (!(o.getIgnoreCase(key) instanceof String s)) {
      return false;
    }
    for (String v : values) {
      if (v.equalsIgnoreCase(s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first usable time among {@code keys}: ISO-8601 (any fraction length, with or without zone,
   * {@code T} or a space between date and time) or epoch seconds/milliseconds. Null when none.
   */
  public static @Nullable Instant time(JsonObject o, String... keys) {
    for (String k : keys) {
      Object v = o.getIgnoreCase(k);
      if (v == null) {
        continue;
      }
      Instant t = v instanceof String s ? parseTime(s) : Timestamps.parseLenient(v);
      if (t != null && t.isAfter(EARLIEST)) {
        return t;
      }
    }
    return null;
  }

  /**
   * Parses an ISO-8601 time, also with a space instead of {@code T} (Panther, Log Analytics CSV), or
   * PowerShell's JSON date {@code /Date(<epoch ms>)/}. Null when it is none of these.
   */
  public static @Nullable Instant parseTime(String s) {
    Instant fast = fastIso(s);
    if (fast != null) {
      return fast;
    }
    String t = s.trim();
    if (t.startsWith("/Date(") && t.endsWith(")/")) {
      return powerShellDate(t.substring(6, t.length() - 2));
    }
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + 'T' + t.substring(11);
    }
    return Timestamps.parseIso(t);
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss} (or a space for {@code T}), an optional fraction of 1 to 9 digits
   * and an optional {@code Z} or {@code ±hh:mm} offset (none means UTC), read without allocating;
   * null for any other form (longer fractions ...), which the general parser handles.
   */
  private static @Nullable Instant fastIso(String s) {
    int n = s.length();
    if (n < 19 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' && s.charAt(10) != ' '
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1 || day > 31
        || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int i = 19;
    long nanos = 0;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      int count = i - start;
      if (count == 0 || i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        return null;
      }
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = 0;
    if (i < n && s.charAt(i) == 'Z') {
      i++;
    } else if (i + 6 == n && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || om < 0 || oh > 18 || om > 59) {
        return null;
      }
      offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
      i = n;
    }
    if (i != n) {
      return null;
    }
    try {
      long days = java.time.LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(days * 86400L + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
    } catch (java.time.DateTimeException e) {
      return null; // 31 April and the like
    }
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static @Nullable Instant powerShellDate(String body) {
    int zone = Math.max(body.indexOf('+', 1), body.indexOf('-', 1));
    String digits = zone > 0 ? body.substring(0, zone) : body;
    if (digits.isEmpty() || digits.length() > 15) {
      return null;
    }
    try {
      return Instant.ofEpochMilli(Long.parseLong(digits));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The event time, or {@link NormalizedEvent#UNKNOWN_TIME}. */
  public static Instant timeOrUnknown(JsonObject o, String... keys) {
    Instant t = time(o, keys);
    return t == null ? NormalizedEvent.UNKNOWN_TIME : t;
  }

  /** A client endpoint: an IP address when the text is one, else a name; {@code <null>} and empty mean unknown. */
  public static Endpoint endpoint(@Nullable String address, @Nullable String userAgent) {
    String ua = userAgent == null || userAgent.isEmpty() ? null : userAgent;
    if (address == null || address.isEmpty() || address.equals("<null>")) {
      return ua == null ? Endpoint.UNKNOWN : new Endpoint(null, null, null, ua, false);
    }
    if (IpAddress.isAddress(address)) {
      return new Endpoint(address, null, null, ua, false);
    }
    return new Endpoint(null, address, null, ua, false);
  }

  /** The subscription id in an ARM resource id ({@code /subscriptions/<id>/...}), or null. */
  public static @Nullable String subscriptionOf(@Nullable String resourceId) {
    if (resourceId == null) {
      return null;
    }
    String prefix = "/subscriptions/";
    if (!resourceId.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return null;
    }
    int end = resourceId.indexOf('/', prefix.length());
    String id = end < 0 ? resourceId.substring(prefix.length()) : resourceId.substring(prefix.length(), end);
    return id.isEmpty() ? null : id.toLowerCase(Locale.ROOT);
  }

  /**
   * The resource provider of an ARM resource id (the segment after its last {@code /providers/}),
   * or of an operation name ({@code Microsoft.Compute/virtualMachines/write}); null when neither has one.
   */
  public static @Nullable String providerOf(@Nullable String resourceId, @Nullable String operationName) {
    if (resourceId != null) {
      int p = lastIndexOfIgnoreCase(resourceId, "/providers/");
      if (p >= 0) {
        int start = p + "/providers/".length();
        int end = resourceId.indexOf('/', start);
        String provider = end < 0 ? resourceId.substring(start) : resourceId.substring(start, end);
        if (!provider.isEmpty()) {
          return provider;
        }
      }
    }
    if (operationName != null) {
      int slash = operationName.indexOf('/');
      if (slash > 0 && operationName.regionMatches(true, 0, "Microsoft.", 0, 10)) {
        return operationName.substring(0, slash);
      }
    }
    return null;
  }

  private static int lastIndexOfIgnoreCase(String s, String needle) {
    for (int i = s.length() - needle.length(); i >= 0; i--) {
      if (s.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * One flat record for rules. With {@code properties} (the diagnostic-settings layout): the members
   * of {@code properties} first, then the envelope's members whose names {@code properties} does not
   * already hold in any casing; {@code properties} itself is dropped, its content being now at the
   * top level, where the Log Analytics tables and Microsoft Graph put the same fields. Then each of
   * {@code extras} (alternating key and value; null, JSON null and empty text skipped) that neither
   * part holds.
   * Returns {@code envelope} itself when there is nothing to lift or add.
   */
  public static JsonObject flatten(JsonObject envelope, @Nullable JsonObject properties, @Nullable Object... extras) {
    boolean adds = false;
    for (int i = 0; i + 1 < extras.length && !adds; i += 2) {
      adds = usable(extras[i + 1]) && !holds(envelope, properties, (String) extras[i]);
    }
    if (properties == null && !adds) {
      return envelope;
    }
    JsonObject.Builder b = JsonObject.builder();
    if (properties != null) {
      for (int i = 0, n = properties.size(); i < n; i++) {
        b.put(properties.keyAt(i), properties.valueAt(i));
      }
    }
    for (int i = 0, n = envelope.size(); i < n; i++) {
      String k = envelope.keyAt(i);
      Object v = envelope.valueAt(i);
      if (properties == null || v != properties && properties.getIgnoreCase(k) == null) {
        b.put(k, v);
      }
    }
    for (int i = 0; i + 1 < extras.length; i += 2) {
      if (usable(extras[i + 1]) && !holds(envelope, properties, (String) extras[i])) {
        b.put((String) extras[i], extras[i + 1]);
      }
    }
    return b.build();
  }

  private static boolean usable(@Nullable Object v) {
    return v != null && v != JsonNull.INSTANCE && !(v instanceof String s && s.isEmpty());
  }

  private static boolean holds(JsonObject envelope, @Nullable JsonObject properties, String key) {
    return properties != null && properties.getIgnoreCase(key) != null || envelope.getIgnoreCase(key) != null;
  }

  /**
   * Parses string values that hold JSON objects, or arrays of objects or strings (Log Analytics
   * exports write dynamic columns as JSON text). Other values, such as {@code "[]"}, and text that is
   * not valid JSON stay as they are.
   * Returns {@code record} itself when nothing needed parsing.
   */
  public static JsonObject parseJsonText(JsonObject record) {
    JsonObject.Builder b = null;
    for (int i = 0, n = record.size(); i < n; i++) {
      Object v = record.valueAt(i);
      Object parsed = v instanceof String s && looksLikeJson(s) ? parseOrNull(s) : null;
      if (parsed != null && b == null) {
        b = JsonObject.builder();
        for (int j = 0; j < i; j++) {
          b.put(record.keyAt(j), record.valueAt(j));
        }
      }
      if (b != null) {
        b.put(record.keyAt(i), parsed != null ? parsed : v);
      }
    }
    return b == null ? record : b.build();
  }

  private static boolean looksLikeJson(String s) {
    int n = s.length();
    if (n < 2) {
      return false;
    }
    char first = s.charAt(0);
    char last = s.charAt(n - 1);
    return first == '{' && last == '}' || first == '[' && last == ']' && n > 2 && (s.charAt(1) == '{' || s.charAt(1) == '"');
  }

  /** The JSON value held in {@code text}, or null when it is not valid JSON within limits. */
  public static @Nullable Object parseOrNull(String text) {
    try {
      return EMBEDDED.read(text);
    } catch (JsonTreeReader.JsonFormatException e) {
      return null;
    }
  }

  /**
   * A stable id derived from the record's content ({@code sha256:} and 32 hex digits), for records
   * without their own id. The record is hashed as it is walked, without building its JSON text.
   */
  public static String contentId(JsonObject r) {
    ContentHash h = HASH.get();
    h.value(r);
    return "sha256:" + HexFormat.of().formatHex(h.finish(), 0, 16);
  }

  private static final ThreadLocal<ContentHash> HASH = ThreadLocal.withInitial(ContentHash::new);

  /** SHA-256 over a tree's keys and values in document order, through a reused buffer. */
  private static final class ContentHash {
    private final MessageDigest digest;
    private final byte[] buf = new byte[8192];
    private int len;

    ContentHash() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is always available", e);
      }
    }

    void value(Object v) {
      if (v instanceof JsonObject o) {
        put('{');
        for (int i = 0, n = o.size(); i < n; i++) {
          text(o.keyAt(i));
          put(':');
          value(o.valueAt(i));
        }
        put('}');
      } else if (v instanceof JsonArray a) {
        put('[');
        for (int i = 0, n = a.size(); i < n; i++) {
          value(a.get(i));
          put(',');
        }
        put(']');
      } else if (v instanceof String s) {
        text(s);
      } else {
        put('#');
        String t = JsonText.scalarText(v);
        for (int i = 0; i < t.length(); i++) {
          put((byte) t.charAt(i));
        }
        put(';');
      }
    }

    /** A string as its length then its UTF-16 code units, so no two strings hash alike. */
    private void text(String s) {
      int n = s.length();
      put((byte) (n >>> 24));
      put((byte) (n >>> 16));
      put((byte) (n >>> 8));
      put((byte) n);
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        put((byte) (c >>> 8));
        put((byte) c);
      }
    }

    private void put(char c) {
      put((byte) c);
    }

    private void put(byte b) {
      if (len == buf.length) {
        digest.update(buf, 0, len);
        len = 0;
      }
      buf[len++] = b;
    }

    byte[] finish() {
      digest.update(buf, 0, len);
      len = 0;
      return digest.digest();
    }
  }

  /** {@code text} cut to at most 80 characters, for one-line problem messages. */
  public static String clip(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
