package dev.kumo.intel.misp;

import dev.kumo.intel.Indicator;
import dev.kumo.intel.IntelLoad;
import dev.kumo.intel.IntelProblem;
import dev.kumo.intel.Indicators;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads MISP events and MISP feed directories as indicators.
 *
 * <p>An attribute becomes indicators when its type is an indicator type (see {@link MispTypes}: IP,
 * domain and hostname, absolute URL/URI, file hashes and the hash of {@code filename|hash}, e-mail,
 * user agent, crypto wallets), it is marked {@code to_ids: true} and not {@code deleted}. Every
 * other attribute is counted in ONE problem per event ("N attributes not used as indicators: ...");
 * deleted attributes' uuids are also returned as revoked. Attributes inside objects count the same;
 * a deleted object's attributes count as deleted.
 *
 * <p>Each indicator has: id = the attribute uuid (both halves of a {@code domain|ip} share it); feed =
 * the given name; context = {@code event: <info>} then the event's and the attribute's galaxy clusters
 * ({@code threat-actor: X}, {@code malware: X}, {@code attack-pattern: T1071 ...}); labels = the event
 * tags then the attribute tags; confidence from an admiralty-scale or estimative-language tag (the
 * attribute's first), else null; validFrom = {@code first_seen}, else the attribute {@code timestamp};
 * validUntil = null always ({@code last_seen} is when it was last seen, not an expiry); description =
 * the attribute comment, or null. Stateless and thread-safe.
 */
public final class MispReader {
  private static final JsonTreeReader JSON = new JsonTreeReader(128, 64 * 1024 * 1024);
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

  private MispReader() {}

  /**
   * Reads one MISP event document: {@code {"Event": {...}}}, a bare event object, a
   * {@code {"response": [{"Event": ...}, ...]}} REST answer, or a JSON array of events. Malformed
   * JSON or a document that is no event gives a problem, not an exception.
   *
   * @param file the name problems give
   * @param feed the feed name indicators carry
   * @throws IOException only when {@code in} cannot be read
   */
  public static IntelLoad readEvent(InputStream in, String file, String feed) throws IOException {
    byte[] bytes = in.readAllBytes();
    Object root;
    try {
      root = JSON.read(bytes, 0, bytes.length);
    } catch (JsonTreeReader.JsonFormatException e) {
      return new IntelLoad(List.of(), List.of(new IntelProblem(file, "document", "not valid JSON: " + e.getMessage())),
          List.of(), List.of());
    }
    List<JsonObject> events = new ArrayList<>();
    if (!findEvents(root, events)) {
      return new IntelLoad(List.of(), List.of(new IntelProblem(file, "document",
          "not a MISP event (expected {\"Event\": {...}}, an event object or {\"response\": [...]})")), List.of(), List.of());
    }
    Collector c = new Collector(file, feed);
    for (JsonObject event : events) {
      c.event(event);
    }
    return c.load();
  }

  /**
   * Reads a MISP feed directory: the events {@code manifest.json} lists, each from {@code <uuid>.json}.
   * Event files the manifest does not list are not read; {@code hashes.csv} is ignored. A listed file
   * that is missing, a manifest key that is not a uuid, or a missing or malformed manifest is a problem.
   *
   * @throws IOException when a file exists but cannot be read
   */
  public static IntelLoad readFeed(Path dir, String feed) throws IOException {
    Path manifest = dir.resolve("manifest.json");
    List<IntelLoad> loads = new ArrayList<>();
    List<IntelProblem> problems = new ArrayList<>();
    Object root;
    try {
      byte[] bytes = Files.readAllBytes(manifest);
      root = JSON.read(bytes, 0, bytes.length);
    } catch (NoSuchFileException e) {
      return only(new IntelProblem(manifest.toString(), "document", "no manifest.json in the feed directory"));
    } catch (JsonTreeReader.JsonFormatException e) {
      return only(new IntelProblem(manifest.toString(), "document", "not valid JSON: " + e.getMessage()));
    }
    if (!(root instanceof JsonObject entries)) {
      return only(new IntelProblem(manifest.toString(), "document", "manifest.json is not an object of event uuids"));
    }
    for (int i = 0; i < entries.size(); i++) {
      String uuid = entries.keyAt(i);
      if (!UUID.matcher(uuid).matches()) {
        problems.add(new IntelProblem(manifest.toString(), "entry '" + uuid + "'", "not an event uuid"));
        continue;
      }
      Path eventFile = dir.resolve(uuid + ".json");
      try (InputStream in = Files.newInputStream(eventFile)) {
        loads.add(readEvent(in, eventFile.toString(), feed));
      } catch (NoSuchFileException e) {
        problems.add(new IntelProblem(manifest.toString(), "event " + uuid,
            "listed in manifest.json but " + uuid + ".json is missing"));
      }
    }
    loads.add(new IntelLoad(List.of(), problems, List.of(), List.of()));
    return merge(loads);
  }

  private static IntelLoad only(IntelProblem p) {
    return new IntelLoad(List.of(), List.of(p), List.of(), List.of());
  }

  private static IntelLoad merge(List<IntelLoad> loads) {
    List<Indicator> indicators = new ArrayList<>();
    List<IntelProblem> problems = new ArrayList<>();
    List<String> revoked = new ArrayList<>();
    for (IntelLoad l : loads) {
      indicators.addAll(l.indicators());
      problems.addAll(l.problems());
      revoked.addAll(l.revoked());
    }
    return new IntelLoad(indicators, problems, revoked, List.of());
  }

  private static boolean findEvents(Object root, List<JsonObject> out) {
    if (root instanceof JsonArray a) {
      boolean any = false;
      for (Object e : a) {
        any |= findEvents(e, out);
      }
      return any;
    }
    if (!(root instanceof JsonObject o)) {
      return false;
    }
    if (o.get("Event") instanceof JsonObject e) {
      out.add(e);
      return true;
    }
    if (o.get("response") instanceof JsonArray r) {
      return findEvents(r, out);
    }
    if (o.has("Attribute") || o.has("Object") || o.has("info")) {
      out.add(o);
      return true;
    }
    return false;
  }

  /** Gathers one document's indicators, problems and revoked ids. */
  private static final class Collector {
    private final String file;
    private final String feed;
    private final List<Indicator> indicators = new ArrayList<>();
    private final List<IntelProblem> problems = new ArrayList<>();
    private final List<String> revoked = new ArrayList<>();

    Collector(String file, String feed) {
      this.file = file;
      this.feed = feed;
    }

    IntelLoad load() {
      return new IntelLoad(indicators, problems, revoked, List.of());
    }

    void event(JsonObject event) {
      String info = text(event.get("info"));
      String uuid = text(event.get("uuid"));
      List<String> eventTags = MispTags.names(event);
      List<String> context = new ArrayList<>();
      if (info != null && !info.isBlank()) {
        context.add("event: " + info.strip());
      }
      context.addAll(MispTags.galaxyContext(event));
      Skipped skipped = new Skipped();
      for (JsonObject attr : MispTags.objects(event.get("Attribute"))) {
        attribute(attr, false, eventTags, context, skipped);
      }
      for (JsonObject obj : MispTags.objects(event.get("Object"))) {
        boolean objectDeleted = isTrue(obj.get("deleted"));
        for (JsonObject attr : MispTags.objects(obj.get("Attribute"))) {
          attribute(attr, objectDeleted, eventTags, context, skipped);
        }
      }
      if (skipped.total() > 0) {
        problems.add(new IntelProblem(file, "event " + (uuid != null ? uuid : info != null ? "'" + info + "'" : "(no uuid)"),
            skipped.summary()));
      }
    }

    private void attribute(JsonObject attr, boolean objectDeleted, List<String> eventTags, List<String> eventContext,
        Skipped skipped) {
      String uuid = text(attr.get("uuid"));
      String where = "attribute " + (uuid != null ? uuid : "(no uuid)");
      String type = text(attr.get("type"));
      if (objectDeleted || isTrue(attr.get("deleted"))) {
        skipped.deleted++;
        if (uuid != null) {
          revoked.add(uuid);
        }
        return;
      }
      if (type == null) {
        problems.add(new IntelProblem(file, where, "attribute has no type"));
        return;
      }
      if (!MispTypes.isIndicator(type)) {
        skipped.types.merge(type, 1, Integer::sum);
        return;
      }
      if (!isTrue(attr.get("to_ids"))) {
        skipped.notIds++;
        return;
      }
      String value = text(attr.get("value"));
      if (value == null) {
        problems.add(new IntelProblem(file, where, type + " attribute has no value"));
        return;
      }
      List<MispTypes.Part> parts;
      try {
        parts = MispTypes.parts(type, value);
      } catch (IllegalArgumentException e) {
        problems.add(new IntelProblem(file, where, e.getMessage()));
        return;
      }
      List<String> attrTags = MispTags.names(attr);
      LinkedHashSet<String> labels = new LinkedHashSet<>(eventTags);
      labels.addAll(attrTags);
      Integer confidence = MispTags.confidence(attrTags);
      if (confidence == null) {
        confidence = MispTags.confidence(eventTags);
      }
      LinkedHashSet<String> context = new LinkedHashSet<>(eventContext);
      context.addAll(MispTags.galaxyContext(attr));
      Instant validFrom = validFrom(attr, where);
      String comment = text(attr.get("comment"));
      String description = comment == null || comment.isBlank() ? null : comment.strip();
      for (MispTypes.Part part : parts) {
        try {
          String canonical = Indicators.canonical(part.type(), part.raw());
          indicators.add(new Indicator(part.type(), canonical, feed, uuid, confidence, validFrom, null,
              List.copyOf(labels), List.of(), List.copyOf(context), description));
        } catch (IllegalArgumentException e) {
          problems.add(new IntelProblem(file, where, type + ": " + e.getMessage()));
        }
      }
    }

    private @Nullable Instant validFrom(JsonObject attr, String where) {
      String firstSeen = text(attr.get("first_seen"));
      if (firstSeen != null && !firstSeen.isBlank()) {
        try {
          return OffsetDateTime.parse(firstSeen.strip()).toInstant();
        } catch (DateTimeException e) {
          problems.add(new IntelProblem(file, where, "first_seen '" + firstSeen + "' is not a time; using timestamp"));
        }
      }
      String ts = text(attr.get("timestamp"));
      if (ts == null || ts.isBlank()) {
        return null;
      }
      try {
        return Instant.ofEpochSecond(Long.parseLong(ts.strip()));
      } catch (NumberFormatException | DateTimeException e) {
        problems.add(new IntelProblem(file, where, "timestamp '" + ts + "' is not epoch seconds; no valid-from time"));
        return null;
      }
    }
  }

  /** Attributes of one event that gave no indicator, for its summary problem. */
  private static final class Skipped {
    final Map<String, Integer> types = new TreeMap<>();
    int notIds;
    int deleted;

    int total() {
      return types.values().stream().mapToInt(Integer::intValue).sum() + notIds + deleted;
    }

    String summary() {
      List<String> parts = new ArrayList<>();
      if (!types.isEmpty()) {
        List<String> t = new ArrayList<>();
        types.forEach((k, v) -> t.add(k + " (" + v + ")"));
        int n = types.values().stream().mapToInt(Integer::intValue).sum();
        parts.add(n + " of types " + String.join(", ", t) + " (not indicator types)");
      }
      if (notIds > 0) {
        parts.add(notIds + " not marked to_ids");
      }
      if (deleted > 0) {
        parts.add(deleted + " deleted");
      }
      int n = total();
      return n + (n == 1 ? " attribute" : " attributes") + " not used as indicators: " + String.join("; ", parts);
    }
  }

  private static @Nullable String text(@Nullable Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof BigDecimal || v instanceof java.math.BigInteger) {
      return v.toString();
    }
    return null;
  }

  /** MISP writes booleans as true/false, "1"/"0" or "true"/"false". */
  private static boolean isTrue(@Nullable Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      return s.equals("1") || s.equalsIgnoreCase("true");
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    return false;
  }
}
