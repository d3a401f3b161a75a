package dev.kumo.export;

import static dev.kumo.json.JsonFields.field;
import static dev.kumo.json.JsonFields.stringArray;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.attack.AttackCatalog;
import dev.kumo.attack.Tactic;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.net.IpAddress;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Findings as a STIX 2.1 bundle for threat-intelligence platforms.
 *
 * <p>The bundle holds: one {@code identity} for Kumo (the {@code created_by_ref} of every object it
 * defines); one {@code identity} per cloud account seen (where the sightings were made; Kumo's identity
 * when the account is unknown); one {@code attack-pattern} per ATT&amp;CK technique (with its ATT&amp;CK
 * id, page and tactics); per finding an {@code observed-data} of its source address ({@code ipv4-addr}
 * or {@code ipv6-addr}) and principal ({@code user-account}); and per finding and technique a
 * {@code sighting} of the attack-pattern, whose description carries the rule's title, id, author and
 * licence (SigmaHQ rules are used under DRL 1.1, which requires the credit).
 *
 * <p>A sighting must be of a domain object, so findings of rules without an ATT&amp;CK technique are
 * left out, as are suppressed findings. Ids are UUIDv5: cyber-observables as STIX 2.1 prescribes, the
 * rest in Kumo's namespace over the content that identifies them. Times come from the findings: a
 * shared object's {@code created} is the earliest time of the findings that use it. Objects are sorted
 * by id, so the bytes do not depend on the order of the findings (of findings with the same rule, event
 * and group, the first in {@link dev.kumo.finding.FindingOrder#ORDER} is kept). Immutable and
 * thread-safe.
 */
public final class StixBundleWriter {
  public static final String SPEC_VERSION = "2.1";
  /** The id of Kumo's identity, the same in every bundle. */
  public static final String KUMO_IDENTITY = StixIds.kumo("identity", "kumo");

  private final AttackCatalog catalog;

  public StixBundleWriter() {
    this(AttackCatalog.bundled());
  }

  public StixBundleWriter(AttackCatalog catalog) {
    this.catalog = catalog;
  }

  /** Writes the properties of one object of the bundle (kept by id, which is also the sort key). */
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** Writes the bundle of {@code findings} (pretty-printed); {@code out} is flushed and left open. */
  public void write(List<Finding> findings, Writer out) throws IOException {
    List<Finding> used = new ArrayList<>();
    for (Finding f : ExportOrder.sorted(findings)) {
      if (f.suppressedBy() == null && !f.techniques().isEmpty()) {
        used.add(f);
      }
    }
    Map<String, Instant> firstUse = new TreeMap<>();
    for (Finding f : used) {
      earliest(firstUse, KUMO_IDENTITY, f.time());
      earliest(firstUse, whereSighted(f), f.time());
      for (String t : techniques(f)) {
        earliest(firstUse, StixIds.kumo("attack-pattern", t), f.time());
      }
    }
    Map<String, Body> objects = new TreeMap<>();
    for (Finding f : used) {
      add(objects, f, firstUse);
    }
    try (JsonGenerator g = ExportJson.generator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("type", "bundle");
      g.writeStringField("id", StixIds.kumo("bundle", String.join(",", objects.keySet())));
      g.writeArrayFieldStart("objects");
      for (Map.Entry<String, Body> o : objects.entrySet()) {
        g.writeStartObject();
        o.getValue().write(g);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void earliest(Map<String, Instant> first, String id, Instant t) {
    first.merge(id, t, (a, b) -> a.isBefore(b) ? a : b);
  }

  /** The finding's techniques, as bundled-data ids, distinct and sorted. */
  private TreeSet<String> techniques(Finding f) {
    TreeSet<String> out = new TreeSet<>();
    for (String t : f.techniques()) {
      out.add(catalog.canonicalId(t));
    }
    return out;
  }

  private static String whereSighted(Finding f) {
    String account = f.event().account();
    return account == null || account.isEmpty() ? KUMO_IDENTITY
        : StixIds.kumo("identity", "account\u001f" + platform(f.event()) + '\u001f' + account);
  }

  /** The log source's platform ({@code aws} for {@code aws.cloudtrail}). */
  private static String platform(EventSummary e) {
    int dot = e.source().indexOf('.');
    return dot < 0 ? e.source() : e.source().substring(0, dot);
  }

  private void add(Map<String, Body> objects, Finding f, Map<String, Instant> firstUse) {
    EventSummary e = f.event();
    objects.computeIfAbsent(KUMO_IDENTITY, id -> g -> {
      sdo(g, "identity", id, firstUse.get(id), false);
      g.writeStringField("name", "Kumo");
      g.writeStringField("description", "Kumo, an open-source hunter of attackers in cloud logs.");
      g.writeStringField("identity_class", "system");
    });
    String where = whereSighted(f);
    if (!where.equals(KUMO_IDENTITY)) {
      String name = accountName(e);
      objects.computeIfAbsent(where, id -> g -> {
        sdo(g, "identity", id, firstUse.get(id), true);
        g.writeStringField("name", name);
        g.writeStringField("identity_class", "organization");
      });
    }
    List<String> observables = observables(objects, e);
    long count = f.correlation() == null ? 1 : Math.max(1, Math.min(999_999_999L, f.correlation().eventCount()));
    Instant start = f.correlation() == null ? f.time() : f.correlation().firstTime();
    String uid = FindingIds.uid(f);
    String observed = observables.isEmpty() ? null : StixIds.kumo("observed-data", uid);
    if (observed != null) {
      objects.putIfAbsent(observed, g -> {
        sdo(g, "observed-data", observed, f.time(), true);
        g.writeStringField("first_observed", ExportJson.millis(start));
        g.writeStringField("last_observed", ExportJson.millis(f.time()));
        g.writeNumberField("number_observed", count);
        stringArray(g, "object_refs", observables);
      });
    }
    for (String t : techniques(f)) {
      String pattern = StixIds.kumo("attack-pattern", t);
      objects.computeIfAbsent(pattern, id -> g -> attackPattern(g, id, t, firstUse.get(id)));
      String sighting = StixIds.kumo("sighting", uid + '\u001f' + t);
      objects.putIfAbsent(sighting, g -> {
        sdo(g, "sighting", sighting, f.time(), true);
        g.writeStringField("description", description(f));
        g.writeStringField("first_seen", ExportJson.millis(start));
        g.writeStringField("last_seen", ExportJson.millis(f.time()));
        g.writeNumberField("count", count);
        g.writeStringField("sighting_of_ref", pattern);
        if (observed != null) {
          stringArray(g, "observed_data_refs", List.of(observed));
        }
        stringArray(g, "where_sighted_refs", List.of(where));
        g.writeStringField("x_kumo_finding_uid", uid);
        g.writeStringField("x_kumo_rule_id", f.ruleId());
        g.writeStringField("x_kumo_rule_source", f.ruleSource());
        field(g, "x_kumo_rule_author", f.author());
        field(g, "x_kumo_rule_license", f.license());
        g.writeStringField("x_kumo_level", f.level().id());
      });
    }
  }

  private static String accountName(EventSummary e) {
    String provider = ExportJson.provider(e.source());
    return (provider == null ? platform(e) : provider) + " account " + e.account();
  }

  /** Adds the event's cyber-observables; returns their ids, sorted. */
  private static List<String> observables(Map<String, Body> objects, EventSummary e) {
    TreeSet<String> refs = new TreeSet<>();
    String src = e.sourceIp();
    byte[] ip = src == null ? null : IpAddress.parse(src);
    if (ip != null) {
      String type = ip.length == 4 ? "ipv4-addr" : "ipv6-addr";
      String value = IpAddress.canonical(ip);
      String id = StixIds.sco(type, Map.of("value", value));
      refs.add(id);
      objects.computeIfAbsent(id, k -> g -> {
        sco(g, type, k);
        g.writeStringField("value", value);
      });
    }
    String principal = e.principal();
    if (principal != null && !principal.isEmpty()) {
      String accountType = accountType(e);
      Map<String, String> key = new LinkedHashMap<>();
      key.put("account_type", accountType);
      key.put("user_id", principal);
      String id = StixIds.sco("user-account", key);
      refs.add(id);
      objects.computeIfAbsent(id, k -> g -> {
        sco(g, "user-account", k);
        g.writeStringField("user_id", principal);
        g.writeStringField("account_type", accountType);
        g.writeStringField("display_name", principal);
      });
    }
    return new ArrayList<>(refs);
  }

  /** {@code account-type-ov} is open: {@code unix} for Linux hosts, else the platform ({@code aws}). */
  private static String accountType(EventSummary e) {
    String p = platform(e).toLowerCase(Locale.ROOT);
    return p.equals("linux") ? "unix" : p;
  }

  private static void sco(JsonGenerator g, String type, String id) throws IOException {
    g.writeStringField("type", type);
    g.writeStringField("spec_version", SPEC_VERSION);
    g.writeStringField("id", id);
  }

  private static void sdo(JsonGenerator g, String type, String id, Instant created, boolean byKumo)
      throws IOException {
    g.writeStringField("type", type);
    g.writeStringField("spec_version", SPEC_VERSION);
    g.writeStringField("id", id);
    if (byKumo) {
      g.writeStringField("created_by_ref", KUMO_IDENTITY);
    }
    g.writeStringField("created", ExportJson.millis(created));
    g.writeStringField("modified", ExportJson.millis(created));
  }

  private void attackPattern(JsonGenerator g, String id, String technique, Instant created) throws IOException {
    sdo(g, "attack-pattern", id, created, true);
    String name = catalog.name(technique);
    g.writeStringField("name", name == null ? technique : name);
    g.writeArrayFieldStart("external_references");
    g.writeStartObject();
    g.writeStringField("source_name", "mitre-attack");
    g.writeStringField("url", FindingAttacks.url(technique));
    g.writeStringField("external_id", technique);
    g.writeEndObject();
    g.writeEndArray();
    List<Tactic> tactics = catalog.tacticsFor(technique);
    if (!tactics.isEmpty()) {
      g.writeArrayFieldStart("kill_chain_phases");
      for (Tactic t : tactics) {
        g.writeStartObject();
        g.writeStringField("kill_chain_name", "mitre-attack");
        g.writeStringField("phase_name", t.shortName());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }

  /** Rule title, what happened, and the rule's credit. */
  private static String description(Finding f) {
    StringBuilder sb = new StringBuilder(f.ruleTitle()).append(": ").append(f.reason());
    sb.append(" (Kumo rule ").append(f.ruleId());
    if (f.author() != null && !f.author().isEmpty()) {
      sb.append(", by ").append(f.author());
    }
    if (f.license() != null && !f.license().isEmpty()) {
      sb.append(", licence ").append(f.license());
    }
    return sb.append(')').toString();
  }
}
