package dev.kumo.intel.stix;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.kumo.intel.Indicator;
import dev.kumo.intel.IntelLoad;
import dev.kumo.intel.IntelProblem;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads STIX 2.1 indicators: a bundle, a TAXII envelope ({@code {"objects": [...], "more": …}}), a bare
 * JSON array of objects, or a single object.
 *
 * <p>The input is streamed: one object at a time is held as a tree, and only what the result needs is
 * kept from it (the indicators, the names of threat actors, malware and the like, and the
 * relationships between them), so a bundle of any number of objects is read in memory proportional to
 * its indicators. Limits per value: nesting depth {@value #MAX_DEPTH}, strings of
 * {@value #MAX_STRING} characters.
 *
 * <p>What each object gives:
 * <ul>
 *   <li>{@code indicator} with {@code pattern_type} {@code stix} (or none): one Kumo indicator per usable
 *       comparison of its pattern (see {@link StixPattern} and the object paths of this package), with
 *       its validity, confidence, labels and indicator types (both as labels), kill-chain phases,
 *       description (or name), and context; every unusable part is an {@link IntelProblem} whose
 *       {@code where} is the indicator's id. An indicator with no usable part gives one problem and no
 *       indicator.
 *   <li>any object with {@code revoked: true}: its id in {@link IntelLoad#revoked()}, nothing else.
 *   <li>{@code threat-actor}, {@code intrusion-set}, {@code malware}, {@code tool}, {@code campaign},
 *       {@code attack-pattern} related to an indicator ({@code indicates}, {@code attributed-to},
 *       {@code uses}, {@code targets}, {@code related-to}, either direction): {@code kind: name} in the
 *       indicator's context; then one hop further from those, adding only who is behind them (the
 *       threat actors, intrusion sets and campaigns related to them: a campaign's threat actor, the
 *       campaign using a malware), not their siblings (all the malware a campaign uses). An attack
 *       pattern is named by its ATT&amp;CK id and name ({@code attack-pattern: T1071 Application Layer
 *       Protocol}). Objects must be in the same input; their order does not matter.
 *   <li>{@code sighting} objects and all other types: quietly used as context only (they are not
 *       indicators and not errors).
 * </ul>
 * Malformed JSON gives one problem with its line and column; the rest of the input is skipped and what
 * was read before it is kept. Nothing is thrown for bad input.
 */
public final class StixBundleReader {
  static final int MAX_DEPTH = 64;
  static final int MAX_STRING = 16 * 1024 * 1024;
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxNumberLength(1000).build())
      .build();

  private StixBundleReader() {}

  /**
   * Reads {@code in} (UTF-8 JSON) to its end; does not close it.
   *
   * @param file the file name or URL, for problems
   * @param feed the feed name given to every indicator
   * @throws UncheckedIOException only when reading {@code in} itself fails
   */
  public static IntelLoad read(InputStream in, String file, String feed) {
    Collector c = new Collector(file, feed);
    try (JsonParser p = FACTORY.createParser(in)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      readDocument(p, c);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "end of input" : "line " + at.getLineNr() + " column " + at.getColumnNr();
      c.problem(where, "malformed JSON: " + firstLine(String.valueOf(e.getOriginalMessage()))
          + "; the rest of the file is skipped");
    } catch (JsonTreeReader.JsonFormatException e) {
      c.problem("object " + (c.count + 1), e.getMessage() + "; the rest of the file is skipped");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c.finish();
  }

  private static void readDocument(JsonParser p, Collector c) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      c.problem("line 1", "empty file: no STIX bundle");
      return;
    }
    if (t == JsonToken.START_ARRAY) {
      readObjects(p, c);
    } else if (t == JsonToken.START_OBJECT) {
      readTopObject(p, c);
    } else {
      c.problem(at(p), "not a STIX bundle, object or array of objects");
      return;
    }
    if (p.nextToken() != null) {
      c.problem(at(p), "unexpected data after the JSON value; skipped");
    }
  }

  /** A bundle or envelope (fields other than {@code objects} are kept only in case it is one object). */
  private static void readTopObject(JsonParser p, Collector c) throws IOException {
    JsonObject.Builder single = JsonObject.builder();
    boolean sawObjects = false;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (name.equals("objects") && v == JsonToken.START_ARRAY) {
        sawObjects = true;
        readObjects(p, c);
      } else if (name.equals("objects")) {
        sawObjects = true;
        c.problem(at(p), "\"objects\" is not an array; skipped");
        p.skipChildren();
      } else {
        single.put(name, JsonTreeReader.readValue(p, v));
      }
    }
    JsonObject top = single.build();
    if (sawObjects) {
      return;
    }
    Object type = top.get("type");
    if ("bundle".equals(type)) {
      return; // an empty bundle
    }
    if (type instanceof String) {
      c.object(top);
    } else {
      c.problem("line 1", "not a STIX bundle, TAXII envelope or object: no \"objects\" and no \"type\"");
    }
  }

  private static void readObjects(JsonParser p, Collector c) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      String where = at(p);
      Object o = JsonTreeReader.readValue(p, t);
      if (o instanceof JsonObject obj && obj.get("type") instanceof String) {
        c.object(obj);
      } else {
        c.problem(where, "not a STIX object (an object with a \"type\")");
      }
    }
  }

  private static String at(JsonParser p) {
    JsonLocation l = p.currentTokenLocation();
    return "line " + l.getLineNr() + " column " + l.getColumnNr();
  }

  private static String firstLine(String m) {
    int nl = m.indexOf('\n');
    String s = nl < 0 ? m : m.substring(0, nl);
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  /** What the objects read so far give; one per call to {@link #read}. */
  private static final class Collector {
    private static final Set<String> NAMED = Set.of("threat-actor", "intrusion-set", "malware", "tool",
        "campaign", "attack-pattern");
    /** Who is behind something: the only kinds the second hop adds (not the sibling malware of a campaign). */
    private static final Set<String> ACTORS = Set.of("threat-actor", "intrusion-set", "campaign");
    private static final Set<String> LINKS = Set.of("indicates", "attributed-to", "uses", "targets", "related-to");

    private final String file;
    private final String feed;
    private final List<Indicator> indicators = new ArrayList<>();
    private final List<IntelProblem> problems = new ArrayList<>();
    private final List<String> revoked = new ArrayList<>();
    private final Set<String> revokedIds = new LinkedHashSet<>();
    /** id of a named object -> {@code kind: name}. */
    private final Map<String, String> names = new LinkedHashMap<>();
    /** id -> ids it is related to, both directions. */
    private final Map<String, Set<String>> links = new LinkedHashMap<>();
    private int count;

    Collector(String file, String feed) {
      this.file = file;
      this.feed = feed;
    }

    void problem(String where, String reason) {
      problems.add(new IntelProblem(file, where, reason));
    }

    void object(JsonObject o) {
      count++;
      String type = (String) o.get("type");
      String id = o.getString("id");
      if (Boolean.TRUE.equals(o.get("revoked"))) {
        if (id != null && revokedIds.add(id)) {
          revoked.add(id);
        } else if (id == null) {
          problem("object " + count, "revoked " + type + " without an id");
        }
        return;
      }
      switch (type) {
        case "indicator" -> StixIndicators.read(o, id == null ? "object " + count : id, feed, indicators,
            (w, r) -> problem(w, r));
        case "relationship" -> relationship(o);
        default -> {
          if (NAMED.contains(type) && id != null) {
            String name = nameOf(type, o);
            if (name != null) {
              names.put(id, type + ": " + name);
            }
          }
        }
      }
    }

    private void relationship(JsonObject o) {
      String kind = o.getString("relationship_type");
      String source = o.getString("source_ref");
      String target = o.getString("target_ref");
      if (kind == null || source == null || target == null || !LINKS.contains(kind)) {
        return;
      }
      links.computeIfAbsent(source, k -> new LinkedHashSet<>()).add(target);
      links.computeIfAbsent(target, k -> new LinkedHashSet<>()).add(source);
    }

    private static String nameOf(String type, JsonObject o) {
      String name = o.getString("name");
      if (type.equals("attack-pattern") && o.get("external_references") instanceof JsonArray refs) {
        for (Object r : refs) {
          if (r instanceof JsonObject ref && ref.get("external_id") instanceof String ext
              && ((ref.get("source_name") instanceof String src && src.startsWith("mitre-"))
                  || ext.matches("T\\d{4}(\\.\\d{3})?"))) {
            return name == null ? ext : ext + " " + name;
          }
        }
      }
      return name;
    }

    IntelLoad finish() {
      List<Indicator> out = new ArrayList<>(indicators.size());
      for (Indicator i : indicators) {
        if (i.id() != null && revokedIds.contains(i.id())) {
          continue; // a later version in the same input revokes it
        }
        Set<String> context = new LinkedHashSet<>(i.context());
        if (i.id() != null) {
          Set<String> near = links.getOrDefault(i.id(), Set.of());
          for (String n : near) {
            addName(context, n);
          }
          for (String n : near) {
            if (names.containsKey(n)) {
              for (String far : links.getOrDefault(n, Set.of())) {
                if (ACTORS.contains(far.substring(0, Math.max(far.indexOf("--"), 0)))) {
                  addName(context, far);
                }
              }
            }
          }
        }
        out.add(context.size() == i.context().size() ? i : new Indicator(i.type(), i.value(), i.feed(), i.id(),
            i.confidence(), i.validFrom(), i.validUntil(), i.labels(), i.killChain(), List.copyOf(context),
            i.description()));
      }
      return new IntelLoad(out, problems, revoked, List.of());
    }

    private void addName(Set<String> context, String id) {
      String name = names.get(id);
      if (name != null && !revokedIds.contains(id)) {
        context.add(name);
      }
    }
  }
}
