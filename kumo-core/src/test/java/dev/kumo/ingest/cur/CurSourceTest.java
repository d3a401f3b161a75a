package dev.kumo.ingest.cur;

import static dev.kumo.testing.SampleFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.BillingLine;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.testing.SampleFiles;
import dev.kumo.testing.SourceTesting;
import dev.kumo.testing.SourceTesting.Read;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurSourceTest {
  private static final LoadedRules RULES = SampleFiles.builtinRules();
  private static final String GPU_RULE = "AWS Cost Report Line for GPU or Accelerated Instance Usage";

  @Test
  void read_cur2Csv_readsEveryLineAsBilling() {
    Read r = SampleFiles.read("aws.cur/cur2-2026-03.csv");
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(6).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo(CurSource.ID);
      assertThat(e.ocsfClass()).isEqualTo(OcsfClass.BILLING);
      assertThat(e.cloud().provider()).isEqualTo("AWS");
    });
    assertThat(r.events()).extracting(e -> e.origin().line()).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void normalize_cur2GpuLine_fillsTimeRegionCostAndUsage() {
    NormalizedEvent e = SampleFiles.read("aws.cur/cur2-2026-03.csv").events().get(0);
    assertThat(e.id()).isEqualTo("x7r2kq5nmf3hvb6wzc4tdj8ylgp1s9ea0oiu/2026-03-14T09:00:00Z/2026-03-14T10:00:00Z");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:00:00Z"));
    assertThat(e.cloud().account()).isEqualTo("111122223333");
    assertThat(e.cloud().region()).isEqualTo("af-south-1");
    assertThat(e.api().service()).isEqualTo("AmazonEC2");
    assertThat(e.api().operation()).isEqualTo("AFS1-BoxUsage:g4dn.12xlarge");
    assertThat(e.resources()).extracting(r -> r.uid()).containsExactly("i-0e4d2c9a7b1f35e80");
    assertThat(e.details()).isEqualTo(new BillingLine("AmazonEC2", "AFS1-BoxUsage:g4dn.12xlarge", "RunInstances",
        "i-0e4d2c9a7b1f35e80", 4.173, "USD", 1.0, "Hrs", Instant.parse("2026-03-14T10:00:00Z"), "Usage"));
    assertThat(e.raw().getString("product")).startsWith("{\"product_name\":\"Amazon Elastic Compute Cloud\"");
  }

  @Test
  void normalize_cur2LinesWithoutRegionOrResource_keepWhatIsThere() {
    List<NormalizedEvent> events = SampleFiles.read("aws.cur/cur2-2026-03.csv").events();
    NormalizedEvent transfer = events.get(2);
    assertThat(transfer.raw().getString("line_item_line_item_description"))
        .isEqualTo("$0.090 per GB - first 10 TB / month data transfer out beyond the global free tier, Linux");
    NormalizedEvent tax = events.get(5);
    assertThat(tax.cloud().region()).isNull();
    assertThat(tax.resources()).isEmpty();
    assertThat(((BillingLine) tax.details()).chargeType()).isEqualTo("Tax");
    assertThat(tax.api().operation()).isNull();
  }

  @Test
  void read_legacyCur_readsQuotedTagsAndRegion() {
    Read r = SampleFiles.read("aws.cur/cur-legacy-2026-03.csv");
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(2);
    NormalizedEvent gpu = r.events().get(0);
    assertThat(gpu.cloud().region()).isEqualTo("us-east-2");
    assertThat(gpu.time()).isEqualTo(Instant.parse("2026-03-14T09:00:00Z"));
    assertThat(((BillingLine) gpu.details()).cost()).isEqualTo(7.344);
    assertThat(gpu.raw().getString("resourceTags/user:Name")).isEqualTo("\"trainer\" node 3");
    assertThat(r.events().get(1).raw().getString("resourceTags/user:team")).isEqualTo("data, analytics");
  }

  @Test
  void read_gzippedCsv_isReadLikeThePlainOne() {
    Read r = SourceTesting.read("cur2-00001.csv.gz", SampleFiles.gzip(SampleFiles.bytes("aws.cur/cur2-2026-03.csv")));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(6);
  }

  @Test
  void read_jsonLinesOfCurColumns_areReadToo() {
    String json = SampleFiles.read("aws.cur/cur2-2026-03.csv").events().get(0).raw().toJson();
    Read r = SourceTesting.read("athena.jsonl", utf8(json + "\n"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).singleElement().satisfies(e -> assertThat(e.source()).isEqualTo(CurSource.ID));
  }

  @Test
  void read_malformedRows_areReportedAndTheOthersRead() {
    String csv = new String(SampleFiles.bytes("aws.cur/cur-legacy-2026-03.csv"), java.nio.charset.StandardCharsets.UTF_8);
    String[] lines = csv.split("\n");
    String broken = lines[0] + "\n" + lines[1] + "\nabc,\"a quoted field that goes on\nto the next line\",x\n" + lines[2]
        + "\n" + lines[1].substring(0, 40) + "\n";
    Read r = SourceTesting.read("cur.csv", utf8(broken));
    assertThat(r.events()).extracting(e -> e.origin().line()).containsExactly(2L, 5L);
    assertThat(r.problems()).extracting(p -> p.kind()).containsOnly(ProblemKind.MALFORMED_RECORD);
    assertThat(r.problems()).extracting(p -> p.line()).containsExactly(3L, 4L, 6L);
  }

  @Test
  void sniff_otherCsv_isNotClaimed() {
    assertThat(new CurSource().sniff(List.of("date,amount,lineItem/UsageType"))).isEmpty();
    assertThat(new CurSource().sniff(List.of("a,b,c"))).isEmpty();
    assertThat(new CurSource().sniff(List.of("line_item_usage_start_date,line_item_unblended_cost"))).isPresent();
  }

  @Test
  void gpuRule_firesOnGpuUsageLines_notOnOtherLines() {
    List<NormalizedEvent> cur2 = SampleFiles.read("aws.cur/cur2-2026-03.csv").events();
    assertThat(cur2).extracting(e -> SourceTesting.matchingRuleTitles(RULES, e).contains(GPU_RULE))
        .containsExactly(true, false, false, false, true, false);
    List<NormalizedEvent> legacy = SampleFiles.read("aws.cur/cur-legacy-2026-03.csv").events();
    assertThat(legacy).extracting(e -> SourceTesting.matchingRuleTitles(RULES, e).contains(GPU_RULE))
        .containsExactly(true, false);
  }
}
