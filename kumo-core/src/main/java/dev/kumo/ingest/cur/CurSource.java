package dev.kumo.ingest.cur;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.BillingLine;
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
import dev.kumo.ingest.csv.CsvTable;
import dev.kumo.ingest.values.Values;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * AWS Cost and Usage Report lines: CUR 2.0 from Data Exports ({@code line_item_usage_type} ...) and
 * legacy CUR ({@code lineItem/UsageType} ...), as CSV with a header row (gzip usual) or as JSON
 * Lines of the same columns (query results). Normalizes into a {@link BillingLine} (OCSF class 0):
 * the time is the usage start, the region the product's region (else the availability zone's), the
 * operation the usage type.
 */
public final class CurSource implements TextLogSource, JsonLogSource {
  public static final String ID = "aws.cur";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "AWS Cost and Usage Report";
  }

  @Override
  public String examplePath() {
    return "cur/123456789012/cur2/data/BILLING_PERIOD=2024-05/cur2-00001.csv.gz";
  }

  @Override
  public List<String> layouts() {
    return List.of("CUR 2.0 CSV (Data Exports, line_item_* columns, .csv.gz)",
        "legacy CUR CSV (lineItem/* columns, .csv.gz)", "JSON Lines of either column set");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.BILLING;
  }

  @Override
  public Optional<LineParser> sniff(List<String> firstLines) {
    if (firstLines.isEmpty()) {
      return Optional.empty();
    }
    String header = firstLines.get(0);
    if (!header.contains("line_item_") && !header.contains("lineItem/")) {
      return Optional.empty(); // cheap pre-check before splitting
    }
    List<String> fields = CsvTable.headerFields(header);
    if (fields == null || !isCurHeader(fields)) {
      return Optional.empty();
    }
    return CsvTable.forHeader(header).<LineParser>map(t -> t);
  }

  private static boolean isCurHeader(List<String> fields) {
    for (CurColumns c : new CurColumns[] {CurColumns.V2, CurColumns.LEGACY}) {
      if (fields.contains(c.usageStart()) && (fields.contains(c.usageType()) || fields.contains(c.unblendedCost()))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    for (CurColumns c : new CurColumns[] {CurColumns.V2, CurColumns.LEGACY}) {
      if (r.has(c.usageStart()) && (r.has(c.usageType()) || r.has(c.unblendedCost()))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    CurColumns c = CurColumns.of(r);
    if (c == null) {
      throw new InvalidRecordException(ProblemKind.NOT_SOURCE_RECORD,
          "row has no Cost and Usage Report line-item columns; skipped");
    }
    String start = text(r, c.usageStart());
    Instant time = start == null ? null : Values.time(start);
    String end = text(r, c.usageEnd());
    Instant periodEnd = end == null ? null : Values.time(end);
    String account = text(r, c.usageAccount());
    if (account == null) {
      account = text(r, c.payerAccount());
    }
    String productCode = text(r, c.productCode());
    String usageType = text(r, c.usageType());
    String resourceId = text(r, c.resourceId());
    BillingLine line = new BillingLine(productCode, usageType, text(r, c.operation()), resourceId,
        Values.number(r.get(c.unblendedCost())), text(r, c.currency()), Values.number(r.get(c.usageAmount())),
        text(r, c.pricingUnit()), periodEnd, text(r, c.lineItemType()));
    return new NormalizedEvent(id(r, c), time == null ? NormalizedEvent.UNKNOWN_TIME : time, ID, OcsfClass.BILLING,
        new CloudContext("AWS", account, region(r, c)), Actor.UNKNOWN, Endpoint.UNKNOWN, null,
        new ApiCall(productCode, usageType, null, null, null, null),
        resourceId == null ? List.of() : List.of(new ResourceRef(resourceId, null, account)), line, r, origin);
  }

  /** The line item id with its time interval (the id alone repeats across hours), else a content id. */
  private static String id(JsonObject r, CurColumns c) {
    String id = text(r, c.lineItemId());
    if (id == null) {
      return Values.contentId(r);
    }
    String interval = text(r, c.timeInterval());
    return interval == null ? id : id + "/" + interval;
  }

  /** The product's region code, else the region column, else the availability zone without its letter. */
  private static @Nullable String region(JsonObject r, CurColumns c) {
    String region = text(r, c.regionCode());
    if (region == null) {
      region = text(r, c.region());
    }
    if (region != null) {
      return region;
    }
    String az = text(r, c.availabilityZone());
    if (az != null && az.length() > 1 && Character.isLowerCase(az.charAt(az.length() - 1))
        && Character.isDigit(az.charAt(az.length() - 2))) {
      return az.substring(0, az.length() - 1);
    }
    return null;
  }

  /** A column's value as text (JSON Lines may hold numbers), or null when empty. */
  private static @Nullable String text(JsonObject r, String column) {
    return Values.scalarText(r.get(column));
  }
}
