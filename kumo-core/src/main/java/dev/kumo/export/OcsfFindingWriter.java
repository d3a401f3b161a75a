package dev.kumo.export;

import static dev.kumo.json.JsonFields.field;
import static dev.kumo.json.JsonFields.stringArray;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.attack.AttackCatalog;
import dev.kumo.attack.Tactic;
import dev.kumo.finding.CorrelationInfo;
import dev.kumo.finding.CorrelationJson;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingOrder;
import dev.kumo.intel.IntelHit;
import dev.kumo.net.IpAddress;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes findings as OCSF Detection Findings (class 2004, activity Create), either one JSON object per
 * line or as one JSON array. Field order is fixed and the ids come from the findings' content, so the
 * same findings in the same order always give the same bytes; {@link #writeAll} also sorts.
 *
 * <p>The matched event's actor (principal, type, access key), source endpoint and API call are written
 * as the finding's {@code evidences}: Detection Finding has no top-level {@code actor} or
 * {@code src_endpoint} without the host profile, which does not fit cloud API events.
 *
 * <p>What Kumo knows but OCSF has no attribute for (rule source, author and licence, Kumo threat
 * categories, mutelist entry, correlation details) goes to {@code unmapped.kumo}. The rule's author and
 * licence are always written there: SigmaHQ rules are used under DRL 1.1, which requires the credit.
 *
 * <p>Not thread-safe: one writer per output.
 */
public final class OcsfFindingWriter implements AutoCloseable {
  /**
   * The OCSF version declared in {@code metadata.version}: Detection Finding's {@code is_alert} was added
   * in 1.4.0, so findings declare 1.4.0 although events are written as
   * {@link dev.kumo.ocsf.OcsfWriter#OCSF_VERSION}.
   */
  public static final String OCSF_VERSION = "1.4.0";
  public static final int CLASS_UID = 2004;
  public static final int CATEGORY_UID = 2;
  public static final int ACTIVITY_CREATE = 1;

  private final Writer out;
  private final boolean jsonArray;
  private final String productVersion;
  private final AttackCatalog catalog;
  private @Nullable JsonGenerator array;
  private boolean closed;

  /**
   * @param jsonArray true for one JSON array document, false for JSON Lines
   */
  public OcsfFindingWriter(Writer out, boolean jsonArray) {
    this(out, jsonArray, ExportJson.kumoVersion(), AttackCatalog.bundled());
  }

  /**
   * @param productVersion written as {@code metadata.product.version}
   * @param catalog names techniques and gives the ATT&amp;CK version
   */
  public OcsfFindingWriter(Writer out, boolean jsonArray, String productVersion, AttackCatalog catalog) {
    this.out = out;
    this.jsonArray = jsonArray;
    this.productVersion = productVersion;
    this.catalog = catalog;
  }

  /**
   * Writes all findings in {@link FindingOrder#ORDER} (ties broken by content, so the input order never
   * matters), then ends the document.
   */
  public static void writeAll(List<Finding> findings, Writer out, boolean jsonArray) throws IOException {
    try (OcsfFindingWriter w = new OcsfFindingWriter(out, jsonArray)) {
      for (Finding f : ExportOrder.sorted(findings)) {
        w.write(f);
      }
    }
  }

  /** Writes one finding. */
  public void write(Finding f) throws IOException {
    if (closed) {
      throw new IllegalStateException("the writer is closed");
    }
    if (jsonArray) {
      JsonGenerator g = arrayGenerator();
      finding(g, f);
      g.flush();
    } else {
      try (JsonGenerator g = ExportJson.generator(out)) {
        finding(g, f);
      }
      out.write('\n');
    }
  }

  private JsonGenerator arrayGenerator() throws IOException {
    JsonGenerator g = array;
    if (g == null) {
      g = ExportJson.generator(out);
      g.writeStartArray();
      array = g;
    }
    return g;
  }

  /** Ends the document (an empty array when nothing was written) and flushes; {@code out} stays open. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (jsonArray) {
      JsonGenerator g = arrayGenerator();
      g.writeEndArray();
      g.close();
      out.write('\n');
    }
    out.flush();
  }

  private void finding(JsonGenerator g, Finding f) throws IOException {
    EventSummary e = f.event();
    CorrelationInfo c = f.correlation();
    Instant start = c == null ? e.time() : c.firstTime();
    String uid = FindingIds.uid(f);
    String provider = ExportJson.provider(e.source());
    g.writeStartObject();
    g.writeNumberField("class_uid", CLASS_UID);
    g.writeStringField("class_name", "Detection Finding");
    g.writeNumberField("category_uid", CATEGORY_UID);
    g.writeStringField("category_name", "Findings");
    g.writeNumberField("activity_id", ACTIVITY_CREATE);
    g.writeStringField("activity_name", "Create");
    g.writeNumberField("type_uid", CLASS_UID * 100L + ACTIVITY_CREATE);
    g.writeStringField("type_name", "Detection Finding: Create");
    int severity = severityId(f);
    g.writeNumberField("severity_id", severity);
    g.writeStringField("severity", SEVERITY[severity]);
    g.writeNumberField("time", e.time().toEpochMilli());
    g.writeNumberField("start_time", start.toEpochMilli());
    g.writeNumberField("end_time", e.time().toEpochMilli());
    boolean suppressed = f.suppressedBy() != null;
    g.writeNumberField("status_id", suppressed ? 3 : 1);
    g.writeStringField("status", suppressed ? "Suppressed" : "New");
    g.writeStringField("message", f.reason());
    metadata(g, uid, provider != null);
    findingInfo(g, f, uid, start);
    enrichments(g, e.intel());
    if (provider != null) {
      g.writeObjectFieldStart("cloud");
      g.writeStringField("provider", provider);
      if (e.account() != null && !e.account().isEmpty()) {
        g.writeObjectFieldStart("account");
        g.writeStringField("uid", e.account());
        g.writeEndObject();
      }
      field(g, "region", e.region());
      g.writeEndObject();
    }
    if (!e.resources().isEmpty()) {
      g.writeArrayFieldStart("resources");
      for (String r : e.resources()) {
        g.writeStartObject();
        g.writeStringField("uid", r);
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    evidences(g, e);
    g.writeBooleanField("is_alert", !suppressed);
    g.writeNumberField("confidence_id", 0);
    g.writeStringField("confidence", "Unknown");
    int risk = severity - 1; // risk_level_id: 0 Info .. 4 Critical, one below severity_id
    g.writeNumberField("risk_level_id", risk);
    g.writeStringField("risk_level", RISK[risk]);
    unmapped(g, f);
    g.writeEndObject();
  }

  /** The rule source of findings from Kumo's Java detectors. */
  private static final String DETECTOR_SOURCE = "builtin:detector/";
  private static final String[] SEVERITY = {"Unknown", "Informational", "Low", "Medium", "High", "Critical"};
  private static final String[] RISK = {"Info", "Low", "Medium", "High", "Critical"};

  /** severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
  static int severityId(Finding f) {
    return switch (f.level()) {
      case INFORMATIONAL -> 1;
      case LOW -> 2;
      case MEDIUM -> 3;
      case HIGH -> 4;
      case CRITICAL -> 5;
    };
  }

  private void metadata(JsonGenerator g, String uid, boolean cloud) throws IOException {
    g.writeObjectFieldStart("metadata");
    g.writeStringField("version", OCSF_VERSION);
    g.writeObjectFieldStart("product");
    g.writeStringField("name", "Kumo");
    g.writeStringField("vendor_name", "Kumo");
    g.writeStringField("version", productVersion);
    g.writeEndObject();
    g.writeStringField("uid", uid);
    if (cloud) {
      stringArray(g, "profiles", List.of("cloud"));
    }
    g.writeEndObject();
  }

  /** The event's threat-intel hits as OCSF enrichments (name, value, type, provider, data). */
  private static void enrichments(JsonGenerator g, List<IntelHit> hits) throws IOException {
    if (hits.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("enrichments");
    for (IntelHit h : hits) {
      g.writeStartObject();
      g.writeStringField("name", "threat_intel." + h.type().id());
      g.writeStringField("value", h.observed());
      g.writeStringField("type", "Threat Intelligence");
      g.writeStringField("provider", h.feed());
      g.writeObjectFieldStart("data");
      g.writeStringField("indicator", h.indicator());
      if (h.id() != null) {
        g.writeStringField("indicator_id", h.id());
      }
      if (h.confidence() != null) {
        g.writeNumberField("confidence", h.confidence());
      }
      stringArray(g, "context", h.context());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void findingInfo(JsonGenerator g, Finding f, String uid, Instant start) throws IOException {
    g.writeObjectFieldStart("finding_info");
    g.writeStringField("uid", uid);
    g.writeStringField("title", f.ruleTitle());
    g.writeStringField("desc", f.reason());
    if (!f.threats().isEmpty()) {
      stringArray(g, "types", f.threats());
    }
    g.writeNumberField("created_time", f.time().toEpochMilli());
    g.writeNumberField("first_seen_time", start.toEpochMilli());
    g.writeNumberField("last_seen_time", f.time().toEpochMilli());
    g.writeObjectFieldStart("analytic");
    g.writeStringField("uid", f.ruleId());
    g.writeStringField("name", f.ruleTitle());
    g.writeNumberField("type_id", 1);
    g.writeStringField("type", "Rule");
    CorrelationInfo c = f.correlation();
    g.writeStringField("category", f.ruleSource().startsWith(DETECTOR_SOURCE) ? "Kumo detector"
        : c == null ? "Sigma rule" : "Sigma correlation: " + c.type());
    g.writeEndObject();
    attacks(g, f);
    List<String> related = f.evidence().isEmpty() ? List.of(f.event().id()) : f.evidence();
    g.writeArrayFieldStart("related_events");
    for (String id : related) {
      g.writeStartObject();
      g.writeStringField("uid", id);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void attacks(JsonGenerator g, Finding f) throws IOException {
    List<FindingAttacks.Placement> placements = FindingAttacks.of(f.rule(), catalog);
    if (placements.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("attacks");
    for (FindingAttacks.Placement p : placements) {
      g.writeStartObject();
      String t = p.technique();
      if (t != null) {
        String parent = FindingAttacks.parent(t);
        named(g, "technique", parent, catalog.name(parent));
        if (!parent.equals(t)) {
          named(g, "sub_technique", t, catalog.name(t));
        }
      }
      Tactic tactic = p.tactic();
      if (tactic != null) {
        named(g, "tactic", tactic.id(), tactic.displayName());
      }
      g.writeStringField("version", catalog.version());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void named(JsonGenerator g, String name, String uid, @Nullable String caption) throws IOException {
    g.writeObjectFieldStart(name);
    field(g, "uid", uid);
    field(g, "name", caption);
    g.writeEndObject();
  }

  private static boolean hasActor(EventSummary e) {
    return notEmpty(e.principal()) || notEmpty(e.accessKeyId());
  }

  private static void actor(JsonGenerator g, EventSummary e) throws IOException {
    if (!hasActor(e)) {
      return;
    }
    g.writeObjectFieldStart("actor");
    g.writeObjectFieldStart("user");
    field(g, "uid", e.principal());
    field(g, "type", e.principalType());
    field(g, "credential_uid", e.accessKeyId());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static boolean hasSource(EventSummary e) {
    return notEmpty(e.sourceIp());
  }

  /** The source as {@code ip} when it is an address, else as the calling service's {@code svc_name}. */
  private static void srcEndpoint(JsonGenerator g, EventSummary e) throws IOException {
    String src = e.sourceIp();
    if (src == null || src.isEmpty()) {
      return;
    }
    g.writeObjectFieldStart("src_endpoint");
    g.writeStringField(IpAddress.isAddress(src) ? "ip" : "svc_name", src);
    g.writeEndObject();
  }

  private static void evidences(JsonGenerator g, EventSummary e) throws IOException {
    boolean api = notEmpty(e.operation());
    if (!hasActor(e) && !hasSource(e) && !api) {
      return; // OCSF: an evidence needs at least one artifact
    }
    g.writeArrayFieldStart("evidences");
    g.writeStartObject();
    actor(g, e);
    srcEndpoint(g, e);
    if (api) {
      g.writeObjectFieldStart("api");
      g.writeStringField("operation", e.operation());
      if (notEmpty(e.service())) {
        g.writeObjectFieldStart("service");
        g.writeStringField("name", e.service());
        g.writeEndObject();
      }
      if (notEmpty(e.errorCode())) {
        g.writeObjectFieldStart("response");
        g.writeStringField("error", e.errorCode());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    if (notEmpty(e.userAgent())) {
      g.writeObjectFieldStart("http_request");
      g.writeStringField("user_agent", e.userAgent());
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndArray();
  }

  private static void unmapped(JsonGenerator g, Finding f) throws IOException {
    EventSummary e = f.event();
    g.writeObjectFieldStart("unmapped");
    g.writeObjectFieldStart("kumo");
    g.writeStringField("schema", Finding.SCHEMA);
    g.writeStringField("level", f.level().id());
    g.writeStringField("rule_source", f.ruleSource());
    g.writeStringField("rule_author", f.author());
    g.writeStringField("rule_license", f.license());
    stringArray(g, "threats", f.threats());
    g.writeStringField("suppressed_by", f.suppressedBy());
    g.writeStringField("log_source", e.source());
    g.writeStringField("file", e.file());
    g.writeNumberField("line", e.line());
    field(g, "destination", e.destination());
    CorrelationJson.write(g, f.correlation());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static boolean notEmpty(@Nullable String s) {
    return s != null && !s.isEmpty();
  }
}
