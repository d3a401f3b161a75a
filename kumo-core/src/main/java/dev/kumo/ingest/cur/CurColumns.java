package dev.kumo.ingest.cur;

import dev.kumo.json.JsonObject;
import org.jspecify.annotations.Nullable;

/**
 * The column names of one CUR generation: legacy CUR ({@code lineItem/UsageType}) or CUR 2.0 from
 * Data Exports ({@code line_item_usage_type}).
 */
record CurColumns(String lineItemId, String timeInterval, String usageStart, String usageEnd, String usageAccount,
    String payerAccount, String lineItemType, String productCode, String usageType, String operation,
    String resourceId, String usageAmount, String unblendedCost, String currency, String regionCode,
    String region, String availabilityZone, String pricingUnit) {

  static final CurColumns LEGACY = new CurColumns("identity/LineItemId", "identity/TimeInterval",
      "lineItem/UsageStartDate", "lineItem/UsageEndDate", "lineItem/UsageAccountId", "bill/PayerAccountId",
      "lineItem/LineItemType", "lineItem/ProductCode", "lineItem/UsageType", "lineItem/Operation",
      "lineItem/ResourceId", "lineItem/UsageAmount", "lineItem/UnblendedCost", "lineItem/CurrencyCode",
      "product/regionCode", "product/region", "lineItem/AvailabilityZone", "pricing/unit");

  static final CurColumns V2 = new CurColumns("identity_line_item_id", "identity_time_interval",
      "line_item_usage_start_date", "line_item_usage_end_date", "line_item_usage_account_id", "bill_payer_account_id",
      "line_item_line_item_type", "line_item_product_code", "line_item_usage_type", "line_item_operation",
      "line_item_resource_id", "line_item_usage_amount", "line_item_unblended_cost", "line_item_currency_code",
      "product_region_code", "product_region", "line_item_availability_zone", "pricing_unit");

  /** The generation whose columns {@code r} uses, or null when it holds neither's line-item columns. */
  static @Nullable CurColumns of(JsonObject r) {
    if (r.has(V2.usageType) || r.has(V2.usageStart) || r.has(V2.lineItemId)) {
      return V2;
    }
    if (r.has(LEGACY.usageType) || r.has(LEGACY.usageStart) || r.has(LEGACY.lineItemId)) {
      return LEGACY;
    }
    return null;
  }
}
