package dev.kumo.simulate.cur;

import dev.kumo.simulate.io.LineFile;
import dev.kumo.simulate.io.Location;
import dev.kumo.simulate.io.Tally;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Writes daily usage lines as a CUR 2.0 export (AWS Data Exports, CSV, gzip): one file per billing
 * period, {@code billing/<export>/data/BILLING_PERIOD=YYYY-MM/<export>-00001.csv.gz}, with the
 * standard column names. Rows must come in day order. Not thread-safe.
 */
public final class CurWriter implements Closeable {
  public static final String SOURCE = "aws.cur";
  static final List<String> COLUMNS = List.of("bill_bill_type", "bill_billing_entity", "bill_billing_period_end_date",
      "bill_billing_period_start_date", "bill_invoicing_entity", "bill_payer_account_id", "bill_payer_account_name",
      "identity_line_item_id", "identity_time_interval", "line_item_availability_zone", "line_item_blended_cost",
      "line_item_blended_rate", "line_item_currency_code", "line_item_legal_entity", "line_item_line_item_description",
      "line_item_line_item_type", "line_item_operation", "line_item_product_code", "line_item_resource_id",
      "line_item_unblended_cost", "line_item_unblended_rate", "line_item_usage_account_id",
      "line_item_usage_account_name", "line_item_usage_amount", "line_item_usage_end_date",
      "line_item_usage_start_date", "line_item_usage_type", "pricing_public_on_demand_cost",
      "pricing_public_on_demand_rate", "pricing_term", "pricing_unit", "product", "product_instance_type",
      "product_location", "product_product_family", "product_region_code", "product_servicecode", "resource_tags");

  private final Path root;
  private final String exportName;
  private final Tally tally;
  private final StringBuilder sb = new StringBuilder(1024);
  private @Nullable LineFile file;
  private @Nullable String period;

  public CurWriter(Path root, String exportName, Tally tally) {
    this.root = root;
    this.exportName = exportName;
    this.tally = tally;
  }

  /** Writes {@code r} to its billing period's file; returns where it landed. */
  public Location write(CurRow r) {
    try {
      LocalDate day = Instant.ofEpochMilli(r.day()).atZone(ZoneOffset.UTC).toLocalDate();
      LocalDate periodStart = day.withDayOfMonth(1);
      String p = periodStart.toString().substring(0, 7);
      if (!p.equals(period)) {
        open(p);
      }
      String start = day + "T00:00:00.000Z";
      String end = day.plusDays(1) + "T00:00:00.000Z";
      String cost = money(r.cost());
      String rate = money(r.rate());
      sb.setLength(0);
      row(sb, "Anniversary", "AWS", periodStart.plusMonths(1) + "T00:00:00.000Z", periodStart + "T00:00:00.000Z",
          "Amazon Web Services, Inc.", r.payerAccount(), r.payerName(), lineItemId(r), start + "/" + end,
          r.availabilityZone(), cost, rate, "USD", "Amazon Web Services, Inc.", r.description(), "Usage", r.operation(),
          r.productCode(), r.resourceId(), cost, rate, r.account(), r.accountName(), amount(r.amount()), end, start,
          r.usageType(), cost, rate, "OnDemand", r.unit(),
          "{\"product_name\":\"" + r.productName() + "\",\"servicecode\":\"" + r.productCode() + "\"}",
          r.instanceType(), r.location(), r.productFamily(), r.regionCode(), r.productCode(), r.tags());
      byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
      Location at = file.writeLine(b, b.length);
      tally.event(SOURCE, r.account(), r.regionCode().isEmpty() ? "global" : r.regionCode());
      return at;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void open(String p) throws IOException {
    close();
    period = p;
    file = LineFile.create(root, root.resolve("billing").resolve(exportName).resolve("data").resolve("BILLING_PERIOD=" + p)
        .resolve(exportName + "-00001.csv.gz"), tally.deflation());
    sb.setLength(0);
    row(sb, COLUMNS.toArray());
    byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
    file.writeLine(b, b.length);
  }

  private static String lineItemId(CurRow r) {
    long h = 1125899906842597L;
    for (String s : new String[] {r.account(), r.usageType(), r.resourceId(), r.operation(), r.regionCode()}) {
      for (int i = 0; i < s.length(); i++) {
        h = 31 * h + s.charAt(i);
      }
    }
    String a = Long.toString(h & Long.MAX_VALUE, 36);
    String b = Long.toString((h * 0x9E3779B97F4A7C15L) & Long.MAX_VALUE, 36);
    return (a + b + "0000000000000000000000000000000000").substring(0, 36);
  }

  private static String money(double v) {
    return String.format(Locale.ROOT, "%.10f", v);
  }

  private static String amount(double v) {
    return String.format(Locale.ROOT, "%.8f", v);
  }

  private static void row(StringBuilder sb, Object... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      String f = String.valueOf(fields[i]);
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0) {
        sb.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(f);
      }
    }
    sb.append('\n');
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      file.closeInto(tally, SOURCE);
      file = null;
    }
  }
}
