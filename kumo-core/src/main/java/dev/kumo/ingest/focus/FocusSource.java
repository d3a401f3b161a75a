package dev.kumo.ingest.focus;

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
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * FinOps FOCUS 1.x cost and usage exports (AWS Data Exports, Azure Cost Management, Google Cloud's
 * BigQuery FOCUS view and others), as CSV with a header row or as JSON Lines of the same columns.
 * Normalizes into a {@link BillingLine} (OCSF class 0): the time is the charge period start, the
 * provider comes from {@code ProviderName}, the cost is {@code BilledCost} (else
 * {@code EffectiveCost}), and the usage type the provider's {@code x_UsageType} when it gives one.
 */
public final class FocusSource implements TextLogSource, JsonLogSource {
  public static final String ID = "focus";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "FinOps FOCUS cost export";
  }

  @Override
  public String examplePath() {
    return "focus/123456789012/focus-export/data/BILLING_PERIOD=2024-05/focus-export-00001.csv.gz";
  }

  @Override
  public List<String> layouts() {
    return List.of("FOCUS 1.x CSV (.csv, .csv.gz) from AWS, Azure, Google Cloud and others",
        "JSON Lines of FOCUS columns (e.g. BigQuery exports)");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.BILLING;
  }

  @Override
  public Optional<LineParser> sniff(List<String> firstLines) {
    if (firstLines.isEmpty() || !firstLines.get(0).contains("ChargePeriodStart")) {
      return Optional.empty();
    }
    List<String> fields = CsvTable.headerFields(firstLines.get(0));
    if (fields == null || !fields.contains("ChargePeriodStart")
        || !(fields.contains("BilledCost") || fields.contains("EffectiveCost"))) {
      return Optional.empty();
    }
    return CsvTable.forHeader(firstLines.get(0)).<LineParser>map(t -> t);
  }

  @Override
  public boolean recognizes(JsonObject r) {
    return r.has("ChargePeriodStart") && (r.has("BilledCost") || r.has("EffectiveCost"));
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    if (!recognizes(r)) {
      throw new InvalidRecordException(ProblemKind.NOT_SOURCE_RECORD,
          "row has no FOCUS charge columns (ChargePeriodStart, BilledCost); skipped");
    }
    Instant time = Values.time(text(r, "ChargePeriodStart"));
    String end = text(r, "ChargePeriodEnd");
    Double cost = Values.number(r.get("BilledCost"));
    if (cost == null) {
      cost = Values.number(r.get("EffectiveCost"));
    }
    String account = text(r, "SubAccountId");
    if (account == null) {
      account = text(r, "BillingAccountId");
    }
    String region = text(r, "RegionId");
    if (region == null) {
      region = text(r, "RegionName");
    }
    String service = text(r, "ServiceName");
    String usageType = text(r, "x_UsageType");
    if (usageType == null) {
      usageType = text(r, "SkuId");
    }
    String resourceId = text(r, "ResourceId");
    String operation = text(r, "x_UsageType");
    if (operation == null) {
      operation = text(r, "ChargeDescription");
    }
    BillingLine line = new BillingLine(service, usageType, text(r, "x_Operation"), resourceId, cost,
        text(r, "BillingCurrency"), Values.number(r.get("ConsumedQuantity")), text(r, "ConsumedUnit"),
        end == null ? null : Values.time(end), text(r, "ChargeCategory"));
    return new NormalizedEvent(Values.contentId(r), time == null ? NormalizedEvent.UNKNOWN_TIME : time, ID,
        OcsfClass.BILLING, new CloudContext(provider(r), account, region), Actor.UNKNOWN, Endpoint.UNKNOWN, null,
        new ApiCall(service, operation, null, null, null, null),
        resourceId == null ? List.of() : List.of(new ResourceRef(resourceId, text(r, "ResourceType"), account)),
        line, r, origin);
  }

  /** Kumo's provider name for {@code ProviderName} (FOCUS 1.0) or {@code Provider} (FOCUS 0.5). */
  static String provider(JsonObject r) {
    String p = text(r, "ProviderName");
    if (p == null) {
      p = text(r, "Provider");
    }
    if (p == null) {
      return "unknown";
    }
    String l = p.toLowerCase(Locale.ROOT);
    if (l.equals("aws") || l.startsWith("amazon")) {
      return "AWS";
    }
    if (l.startsWith("microsoft") || l.contains("azure")) {
      return "Azure";
    }
    if (l.startsWith("google") || l.equals("gcp")) {
      return "GCP";
    }
    return p;
  }

  private static @Nullable String text(JsonObject r, String column) {
    return Values.scalarText(r.get(column));
  }
}
