package dev.kumo.ingest.m365;

import static dev.kumo.ingest.azure.AzureRecords.firstText;
import static dev.kumo.ingest.azure.AzureRecords.has;
import static dev.kumo.ingest.azure.AzureRecords.text;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.TextLogSource;
import dev.kumo.ingest.azure.AzureRecords;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.net.IpAddress;
import dev.kumo.time.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Microsoft 365 unified audit log (Exchange, SharePoint and OneDrive, Entra ID, Teams, Defender
 * for Office, Purview ...), normalized into OCSF API Activity (6003). Reads Office 365 Management
 * Activity API records (JSON arrays or JSON Lines; also Panther's {@code Microsoft365.Audit.*}, whose
 * keys may be lower-cased), {@code Search-UnifiedAuditLog} and Purview audit-search exports (CSV with
 * the record as JSON text in the {@code AuditData} column, or the same objects as JSON), and the
 * Microsoft Sentinel {@code OfficeActivity} table.
 *
 * <p>Rules see the Management Activity API record ({@code CreationTime}, {@code Operation},
 * {@code Workload}, {@code ResultStatus}, {@code UserId}, {@code ClientIP}, {@code ObjectId} ...; any
 * casing): an export's {@code AuditData} is parsed and becomes the record, and its columns
 * ({@code CreationDate}, {@code Operations}, {@code UserIds}) fill in what the JSON lacks;
 * {@code OfficeActivity}'s {@code OfficeWorkload} is also given as {@code Workload}.
 */
public final class M365AuditSource implements JsonLogSource, TextLogSource {
  public static final String ID = "m365.audit";

  /** Key of the record {@link LineParser#flush()} returns for a CSV row left open at the end of a file. */
  static final String UNTERMINATED = "kumo.unterminatedCsvRow";

  private static final String[] USER_TYPES = {"Regular", "Reserved", "Admin", "DcAdmin", "System", "Application",
      "ServicePrincipal", "CustomPolicy", "SystemPolicy", "PartnerTechnician", "Guest"};

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Microsoft 365 unified audit log";
  }

  @Override
  public String examplePath() {
    return "AuditLog_2024-05-01_2024-05-08.csv (Purview audit search export)";
  }

  @Override
  public List<String> layouts() {
    return List.of("Office 365 Management Activity API records (JSON arrays, JSON Lines)",
        "Purview audit search and Search-UnifiedAuditLog CSV exports (AuditData column parsed), also as JSON",
        "Microsoft Sentinel OfficeActivity table exports",
        "Panther Microsoft365.Audit.AzureActiveDirectory / .Exchange / .SharePoint (p_log_type)");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.API_ACTIVITY;
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("Microsoft365.Audit.AzureActiveDirectory", "Microsoft365.Audit.Exchange",
        "Microsoft365.Audit.SharePoint", "Microsoft365.Audit.General", "Microsoft365.Audit.DLP");
  }

  @Override
  public boolean recognizes(JsonObject r) {
    if (has(r, "Operation") && (has(r, "Workload") && (has(r, "CreationTime") || has(r, "RecordType"))
        || has(r, "CreationTime") && has(r, "RecordType") && has(r, "OrganizationId"))) {
      return true;
    }
    if (r.get("AuditData") instanceof String) {
      return r.has("Operations") || r.has("Operation") || r.has("CreationDate");
    }
    return r.get("OfficeWorkload") instanceof String && r.has("Operation");
  }

  // ---- CSV exports ----

  @Override
  public Optional<LineParser> sniff(List<String> firstLines) {
    for (String line : firstLines) {
      String t = CsvRows.stripBom(line).trim();
      if (t.isEmpty() || t.startsWith("#TYPE ")) {
        continue;
      }
      List<String> header = CsvRows.header(t);
      if (header != null && containsIgnoreCase(header, "AuditData") && (containsIgnoreCase(header, "CreationDate")
          || containsIgnoreCase(header, "Operations") || containsIgnoreCase(header, "Operation"))) {
        return Optional.of(new CsvParser(header));
      }
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean containsIgnoreCase(List<String> names, String name) {
    for (String n : names) {
      if (n.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** One export file: its header line first, then one record per row. */
  private static final class CsvParser implements LineParser {
    private final CsvRows rows;
    private boolean headerSeen;

    CsvParser(List<String> header) {
      this.rows = new CsvRows(header);
    }

    @Override
    public @Nullable JsonObject parse(String line) {
      if (!headerSeen) {
        String t = CsvRows.stripBom(line).trim();
        if (t.isEmpty() || t.startsWith("#TYPE ")) {
          return null;
        }
        headerSeen = true;
        return null;
      }
      JsonObject row = rows.row(line);
      if (row != null && !(row.getIgnoreCase("AuditData") instanceof String data && !data.isBlank())) {
        throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "CSV row without AuditData; skipped");
      }
      return row;
    }

    @Override
    public List<JsonObject> flush() {
      return rows.unterminated() ? List.of(JsonObject.of(UNTERMINATED, Boolean.TRUE)) : List.of();
    }
  }

  // ---- normalization ----

  /** The Management Activity API record rules see (see the class comment). */
  static JsonObject canonical(JsonObject record) {
    if (record.get(UNTERMINATED) != null) {
      throw new InvalidRecordException(ProblemKind.INCOMPLETE_RECORD,
          "the file ends inside a quoted CSV field; the last row is skipped");
    }
    Object auditData = record.getIgnoreCase("AuditData");
    if (auditData instanceof String text) {
      JsonObject data = parseAuditData(text);
      return AzureRecords.flatten(data, null, "CreationTime", record.getIgnoreCase("CreationDate"),
          "Operation", first(record, "Operations", "Operation"), "UserId", first(record, "UserIds", "UserId"),
          "RecordType", record.getIgnoreCase("RecordType"));
    }
    if (auditData instanceof JsonObject data) {
      return AzureRecords.flatten(data, null, "CreationTime", record.getIgnoreCase("CreationDate"),
          "Operation", first(record, "Operations", "Operation"), "UserId", first(record, "UserIds", "UserId"));
    }
    if (record.get("OfficeWorkload") instanceof String workload) {
      JsonObject r = AzureRecords.parseJsonText(record);
      return AzureRecords.flatten(r, null, "Workload", workload, "Id", record.get("OfficeId"), "CreationTime", record.get("TimeGenerated"));
    }
    return record;
  }

  private static JsonObject parseAuditData(String text) {
    Object data;
    try {
      data = AzureRecords.EMBEDDED.read(text);
    } catch (JsonTreeReader.JsonFormatException e) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_JSON, "AuditData is not JSON ("
          + AzureRecords.clip(e.getMessage()) + "); skipped");
    }
    if (!(data instanceof JsonObject o)) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "AuditData holds no JSON object; skipped");
    }
    return o;
  }

  private static @Nullable Object first(JsonObject o, String a, String b) {
    Object v = o.getIgnoreCase(a);
    return v != null ? v : o.getIgnoreCase(b);
  }

  @Override
  public NormalizedEvent normalize(JsonObject record, Origin origin) {
    JsonObject r = canonical(record);
    String workload = text(r, "Workload");
    String operation = text(r, "Operation");
    String org = text(r, "OrganizationId");
    String id = text(r, "Id");
    if (id == null) {
      id = AzureRecords.contentId(r);
    }
    String logonError = text(r, "LogonError");
    String result = text(r, "ResultStatus");
    String errorCode = logonError != null ? logonError
        : AzureRecords.oneOf(result, "Failed", "Failure", "False") ? result : null;
    String objectId = text(r, "ObjectId");
    List<ResourceRef> resources = objectId == null ? List.of()
        : List.of(new ResourceRef(objectId, text(r, "ItemType"), org));
    return new NormalizedEvent(id, time(r), ID, OcsfClass.API_ACTIVITY, new CloudContext("Microsoft 365", org, null),
        actor(r), source(r), null, new ApiCall(workload, operation, null, errorCode, null, null), resources, null, r,
        origin);
  }

  private static Instant time(JsonObject r) {
    for (String key : new String[] {"CreationTime", "TimeGenerated", "CreationDate"}) {
      Object v = r.getIgnoreCase(key);
      if (v instanceof String s) {
        Instant t = AzureRecords.parseTime(s);
        if (t != null) {
          return t;
        }
      } else if (v != null) {
        Instant t = Timestamps.parseLenient(v);
        if (t != null) {
          return t;
        }
      }
    }
    return NormalizedEvent.UNKNOWN_TIME;
  }

  private static Actor actor(JsonObject r) {
    String user = text(r, "UserId");
    String key = text(r, "UserKey");
    if (user == null && key == null) {
      return Actor.UNKNOWN;
    }
    String type = null;
    Object userType = r.getIgnoreCase("UserType");
    if (userType instanceof Long n && n >= 0 && n < USER_TYPES.length) {
      type = USER_TYPES[n.intValue()];
    } else if (userType instanceof String s && !s.isEmpty()) {
      type = s;
    }
    return new Actor(type, user != null ? user : key, key, user, null, null, null, null, null);
  }

  private static Endpoint source(JsonObject r) {
    String ip = clientIp(firstText(r, "ClientIP", "ClientIPAddress", "ActorIpAddress"));
    String ua = firstText(r, "UserAgent", "ClientInfoString");
    if (ua == null && r.getIgnoreCase("ExtendedProperties") instanceof JsonArray props) {
      for (Object o : props) {
        if (o instanceof JsonObject p && "UserAgent".equalsIgnoreCase(text(p, "Name"))) {
          ua = text(p, "Value");
          break;
        }
      }
    }
    if (ip == null) {
      return ua == null ? Endpoint.UNKNOWN : new Endpoint(null, null, null, ua, false);
    }
    return IpAddress.isAddress(ip) ? new Endpoint(ip, null, null, ua, false) : new Endpoint(null, ip, null, ua, false);
  }

  /** The address of a client IP as the audit log writes it: bare, {@code ip:port} or {@code [ipv6]:port}. */
  static @Nullable String clientIp(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    if (v.startsWith("[")) {
      int end = v.indexOf(']');
      return end > 1 ? v.substring(1, end) : null;
    }
    int colon = v.indexOf(':');
    if (colon > 0 && v.indexOf(':', colon + 1) < 0 && v.indexOf('.') > 0) {
      return v.substring(0, colon); // IPv4 with a port
    }
    return v.isEmpty() ? null : v;
  }

}
