package dev.kumo.intel.stix;

import static dev.kumo.json.JsonFields.stringArrayIfAny;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.intel.Indicator;
import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.Sighting;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes indicators and sightings as STIX 2.1 bundles that {@link StixBundleReader} reads back.
 *
 * <p>Output is deterministic: indicators are sorted (type, value, feed, id); an indicator without an
 * id gets {@code indicator--} plus a UUIDv5 of its type, value and feed; {@code created} and
 * {@code modified} are its {@code validFrom}, else the given time. Indicators sharing one id (the
 * values of one STIX indicator) are written as one indicator object whose pattern ORs them, with the
 * first one's other fields. Values use standard objects where STIX has them and the {@code x-kumo-*}
 * objects of this package otherwise; context is kept in {@code x_kumo_context}.
 */
public final class StixWriter {
  /** The UUIDv5 namespace of Kumo's STIX ids. */
  private static final UUID NAMESPACE = UUID.fromString("5b0e9d1c-6f4b-4d55-9a0e-6b756d6f7374");
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Comparator<Indicator> ORDER = Comparator.comparing((Indicator i) -> i.type().id())
      .thenComparing(Indicator::value).thenComparing(Indicator::feed)
      .thenComparing(i -> i.id() == null ? "" : i.id());
  private static final long MAX_COUNT = 999_999_999L;

  private StixWriter() {}

  /** Writes {@code indicators} as one bundle; {@code created} is used when an indicator has no validFrom. */
  public static void writeIndicators(List<Indicator> indicators, Writer out, Instant created) throws IOException {
    Map<String, List<Indicator>> byId = group(indicators);
    try (JsonGenerator g = bundle(out, "indicators|" + String.join(",", byId.keySet()))) {
      for (Map.Entry<String, List<Indicator>> e : byId.entrySet()) {
        indicator(g, e.getKey(), e.getValue(), created);
      }
      end(g);
    }
  }

  /**
   * Writes {@code sightings} as one self-contained bundle: an {@code identity} per observer, the
   * sighted indicators, and a {@code sighting} per entry ({@code where} in {@code x_kumo_where}; a count
   * above STIX's 999999999 is written as that).
   */
  public static void writeSightings(List<Sighting> sightings, Writer out, Instant created) throws IOException {
    List<Sighting> sorted = new ArrayList<>(sightings);
    sorted.sort(Comparator.comparing(Sighting::indicator, ORDER).thenComparing(Sighting::firstSeen)
        .thenComparing(Sighting::observedBy).thenComparing(s -> s.where() == null ? "" : s.where()));
    Map<String, String> observers = new TreeMap<>();
    List<Indicator> indicators = new ArrayList<>();
    for (Sighting s : sorted) {
      observers.put(s.observedBy(), "identity--" + uuid("identity|" + s.observedBy()));
      indicators.add(s.indicator());
    }
    Map<String, List<Indicator>> byId = group(indicators);
    List<String> sightingIds = new ArrayList<>();
    for (Sighting s : sorted) {
      sightingIds.add("sighting--" + uuid("sighting|" + idOf(s.indicator()) + "|" + s.observedBy() + "|"
          + s.where() + "|" + s.firstSeen() + "|" + s.lastSeen() + "|" + s.count()));
    }
    try (JsonGenerator g = bundle(out, "sightings|" + String.join(",", sightingIds))) {
      for (Map.Entry<String, String> o : observers.entrySet()) {
        g.writeStartObject();
        common(g, "identity", o.getValue(), created);
        g.writeStringField("name", o.getKey());
        g.writeStringField("identity_class", "system");
        g.writeEndObject();
      }
      for (Map.Entry<String, List<Indicator>> e : byId.entrySet()) {
        indicator(g, e.getKey(), e.getValue(), created);
      }
      for (int k = 0; k < sorted.size(); k++) {
        Sighting s = sorted.get(k);
        g.writeStartObject();
        common(g, "sighting", sightingIds.get(k), created);
        g.writeStringField("sighting_of_ref", idOf(s.indicator()));
        g.writeNumberField("count", Math.min(s.count(), MAX_COUNT));
        g.writeStringField("first_seen", s.firstSeen().toString());
        g.writeStringField("last_seen", s.lastSeen().toString());
        g.writeArrayFieldStart("where_sighted_refs");
        g.writeString(observers.get(s.observedBy()));
        g.writeEndArray();
        if (s.where() != null) {
          g.writeStringField("x_kumo_where", s.where());
        }
        g.writeEndObject();
      }
      end(g);
    }
  }

  /** The indicators by STIX id, in sorted order. */
  private static Map<String, List<Indicator>> group(List<Indicator> indicators) {
    List<Indicator> sorted = new ArrayList<>(indicators);
    sorted.sort(ORDER);
    Map<String, List<Indicator>> byId = new LinkedHashMap<>();
    for (Indicator i : sorted) {
      List<Indicator> same = byId.computeIfAbsent(idOf(i), k -> new ArrayList<>());
      if (!same.contains(i)) {
        same.add(i);
      }
    }
    return byId;
  }

  /** The indicator's STIX id: its own when it is one, else derived from type, value and feed. */
  static String idOf(Indicator i) {
    if (i.id() != null && i.id().startsWith("indicator--")) {
      return i.id();
    }
    return "indicator--" + uuid(i.type().id() + "|" + i.value() + "|" + i.feed());
  }

  private static JsonGenerator bundle(Writer out, String seed) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out).useDefaultPrettyPrinter();
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    g.writeStringField("type", "bundle");
    g.writeStringField("id", "bundle--" + uuid(seed));
    g.writeArrayFieldStart("objects");
    return g;
  }

  private static void end(JsonGenerator g) throws IOException {
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
  }

  private static void common(JsonGenerator g, String type, String id, Instant created) throws IOException {
    g.writeStringField("type", type);
    g.writeStringField("spec_version", "2.1");
    g.writeStringField("id", id);
    String t = MILLIS.format(created.truncatedTo(ChronoUnit.MILLIS));
    g.writeStringField("created", t);
    g.writeStringField("modified", t);
  }

  private static void indicator(JsonGenerator g, String id, List<Indicator> values, Instant created)
      throws IOException {
    Indicator first = values.get(0);
    Instant from = first.validFrom() == null ? created : first.validFrom();
    g.writeStartObject();
    common(g, "indicator", id, from);
    List<String> parts = new ArrayList<>();
    for (Indicator i : values) {
      parts.add(comparison(i));
    }
    g.writeStringField("pattern", String.join(" OR ", parts));
    g.writeStringField("pattern_type", "stix");
    g.writeStringField("valid_from", from.toString());
    if (first.validUntil() != null) {
      g.writeStringField("valid_until", first.validUntil().toString());
    }
    if (first.confidence() != null) {
      g.writeNumberField("confidence", first.confidence());
    }
    if (first.description() != null) {
      g.writeStringField("description", first.description());
    }
    stringArrayIfAny(g, "labels", first.labels());
    if (!first.killChain().isEmpty()) {
      g.writeArrayFieldStart("kill_chain_phases");
      for (String phase : first.killChain()) {
        int colon = phase.indexOf(':');
        g.writeStartObject();
        g.writeStringField("kill_chain_name", colon < 0 ? "kumo" : phase.substring(0, colon));
        g.writeStringField("phase_name", colon < 0 ? phase : phase.substring(colon + 1));
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    stringArrayIfAny(g, "x_kumo_context", first.context());
    g.writeEndObject();
  }

  /** The comparison expression matching {@code i}'s value, in brackets. */
  static String comparison(Indicator i) {
    return "[" + objectPath(i.type(), i.value()) + " = " + quote(i.value()) + "]";
  }

  private static String objectPath(IndicatorType type, String value) {
    return switch (type) {
      case IP -> value.indexOf(':') >= 0 ? "ipv6-addr:value" : "ipv4-addr:value";
      case DOMAIN -> "domain-name:value";
      case URL -> "url:value";
      case FILE_HASH -> "file:hashes." + switch (value.length()) {
        case 32 -> "MD5";
        case 40 -> "'SHA-1'";
        case 128 -> "'SHA-512'";
        default -> "'SHA-256'";
      };
      case EMAIL -> "email-addr:value";
      case USER_AGENT -> "network-traffic:extensions.'http-request-ext'.request_header.'User-Agent'";
      case ACCESS_KEY -> "x-kumo-access-key:value";
      case ACCOUNT -> "x-kumo-account:value";
      case ARN -> "x-kumo-arn:value";
      case WALLET -> "x-kumo-wallet:value";
    };
  }

  /** A STIX pattern string literal: quotes, with {@code \} and {@code '} escaped by a backslash. */
  static String quote(String v) {
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** A name-based (version 5, SHA-1) UUID of {@code name} in Kumo's namespace. */
  static UUID uuid(String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      ByteBuffer ns = ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
          .putLong(NAMESPACE.getLeastSignificantBits());
      sha1.update(ns.array());
      byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      h[6] = (byte) ((h[6] & 0x0f) | 0x50);
      h[8] = (byte) ((h[8] & 0x3f) | 0x80);
      ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
      return new UUID(b.getLong(), b.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is always available", e);
    }
  }
}
