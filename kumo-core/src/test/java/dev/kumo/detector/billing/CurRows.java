package dev.kumo.detector.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.testing.SourceTesting;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds Cost and Usage Report 2.0 rows for detector tests and reads them through the real CUR
 * source, so tests see exactly what a hunt sees.
 */
final class CurRows {
  static final String HEADER = "identity_line_item_id,identity_time_interval,line_item_usage_start_date,"
      + "line_item_usage_end_date,line_item_usage_account_id,line_item_line_item_type,line_item_product_code,"
      + "line_item_usage_type,line_item_operation,line_item_resource_id,line_item_usage_amount,"
      + "line_item_unblended_cost,line_item_currency_code,product_region_code,pricing_unit,reservation_effective_cost";

  private final List<String> rows = new ArrayList<>();

  /** One line; {@code id} must be unique per interval. */
  final class Row {
    private String id;
    private Instant start;
    private long seconds = 3600;
    private String account = "111122223333";
    private String type = "Usage";
    private String product = "AmazonEC2";
    private String usageType = "USE1-BoxUsage:m5.xlarge";
    private String operation = "RunInstances";
    private String resource = "";
    private String cost = "0";
    private String region = "us-east-1";
    private String effective = "";

    private Row(String id, Instant start) {
      this.id = id;
      this.start = start;
    }

    Row account(String a) {
      account = a;
      return this;
    }

    Row type(String t) {
      type = t;
      return this;
    }

    Row product(String p, String usage) {
      product = p;
      usageType = usage;
      return this;
    }

    Row resource(String r) {
      resource = r;
      return this;
    }

    Row region(String r) {
      region = r;
      return this;
    }

    Row cost(double c) {
      cost = String.format(Locale.ROOT, "%.10f", c);
      return this;
    }

    Row effectiveCost(double c) {
      effective = String.format(Locale.ROOT, "%.10f", c);
      return this;
    }

    /** How long the line's usage period is (an hour unless set). */
    Row seconds(long s) {
      seconds = s;
      return this;
    }

    CurRows add() {
      Instant end = start.plusSeconds(seconds);
      rows.add(String.join(",", id, start + "/" + end, start.toString(), end.toString(), account, type, product,
          usageType, operation, resource, "1.0", cost, "USD", region, "Hrs", effective));
      return CurRows.this;
    }
  }

  Row line(String id, Instant start) {
    return new Row(id, start);
  }

  Row line(String id, LocalDate day, int hour) {
    return new Row(id, day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(hour * 3600L));
  }

  /** {@code n} lines of equal cost spread over the day's first {@code n} hours (ids {@code prefix-day-h}). */
  CurRows spread(String prefix, LocalDate day, int n, double total, java.util.function.UnaryOperator<Row> shape) {
    for (int h = 0; h < n; h++) {
      shape.apply(line(prefix + "-" + day + "-h" + h, day, h).cost(total / n)).add();
    }
    return this;
  }

  String csv() {
    return HEADER + "\n" + String.join("\n", rows) + "\n";
  }

  List<NormalizedEvent> events() {
    SourceTesting.Read r = SourceTesting.read("cur2.csv", csv().getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(rows.size());
    return r.events();
  }
}
