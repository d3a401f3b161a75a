package dev.kumo.detector.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.SnapshotReplay;
import dev.kumo.detector.StreamReplay;
import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.BillingLine;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.finding.Finding;
import dev.kumo.ingest.cur.CurSource;
import dev.kumo.ingest.focus.FocusSource;
import dev.kumo.json.JsonObject;
import dev.kumo.sigma.Level;
import dev.kumo.testing.DetectorHarness;
import dev.kumo.testing.SourceTesting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CostSpikeDetectorTest {
  /** A Monday; the test month runs 30 days from here, to 2026-03-17. */
  private static final LocalDate FIRST = LocalDate.of(2026, 2, 16);
  private static final LocalDate SPIKE = LocalDate.of(2026, 3, 11);
  private static final String ACCOUNT = "111122223333";
  /** An on-demand p3.16xlarge hour. */
  private static final double P3_HOUR = 24.48;

  private final DetectorHarness harness = DetectorHarness.of(new CostSpikeDetector(DetectorConfig.DEFAULTS));

  /**
   * The steady EC2 bill of {@code region}: $70 on weekends, on weekdays $124 in odd ISO weeks and
   * $116 in even ones, so any 14 days hold four weekend days, five $116 and five $124 weekdays:
   * median $116, absolute deviations 0 (×5), 8 (×5) and 46 (×4), MAD 8 × 1.4826 = $11.86.
   */
  private static double weekly(LocalDate d) {
    if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return 70;
    }
    return d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) % 2 == 1 ? 124 : 116;
  }

  /** 30 days of steady EC2 in us-east-1 (eight lines a day) and S3 in eu-west-1 ($40 a day). */
  private static CurRows steadyMonth() {
    CurRows rows = new CurRows();
    for (LocalDate d = FIRST; d.isBefore(FIRST.plusDays(30)); d = d.plusDays(1)) {
      rows.spread("m5", d, 8, weekly(d), r -> r.product("AmazonEC2", "USE1-BoxUsage:m5.xlarge").resource("i-0base"));
      rows.spread("s3", d, 8, 40, r -> r.product("AmazonS3", "EU-TimedStorage-ByteHrs").region("eu-west-1")
          .resource("customer-exports"));
    }
    return rows;
  }

  /** Eight p3.16xlarge instances for 24 hours in {@code region}: 192 lines, $4,700.16. */
  private static CurRows gpuDay(CurRows rows, LocalDate day, String region, String usagePrefix) {
    return gpuDay(rows, day, region, usagePrefix, 8);
  }

  private static CurRows gpuDay(CurRows rows, LocalDate day, String region, String usagePrefix, int instances) {
    for (int i = 0; i < instances; i++) {
      String instance = "i-0gpu" + i;
      rows.spread("gpu" + i, day, 24, 24 * P3_HOUR, r -> r.product("AmazonEC2", usagePrefix + "-BoxUsage:p3.16xlarge")
          .region(region).resource(instance));
    }
    return rows;
  }

  private static String day(String reason) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(" on (\\d{4}-\\d\\d-\\d\\d)").matcher(reason);
    return m.find() ? m.group(1) : "";
  }

  private static List<Finding> series(List<Finding> findings) {
    return findings.stream().filter(f -> !f.reason().startsWith("account ")).toList();
  }

  private static List<Finding> accounts(List<Finding> findings) {
    return findings.stream().filter(f -> f.reason().startsWith("account ")).toList();
  }

  @Test
  void observe_monthWithWeekendDipAndOneGpuSpike_firesOnceWithMedianMadAndEvidence() {
    List<Finding> f = harness.run(gpuDay(steadyMonth(), SPIKE, "us-east-1", "USE1").events());

    // 124 + 4,700.16 = 4,824.16 on a Wednesday of week 11; 4,824.16 / 116 = 41.6
    assertThat(series(f)).singleElement().satisfies(x -> {
      assertThat(x.reason()).isEqualTo("EC2 (AmazonEC2) in us-east-1 for account 111122223333 cost $4,824.16 on "
          + "2026-03-11, 42× its 14-day median of $116.00 (MAD $11.86); GPU usage $4,700.16; largest line "
          + "USE1-BoxUsage:p3.16xlarge");
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.ruleName()).isEqualTo(CostSpikeDetector.NAME);
      assertThat(x.techniques()).contains("T1496.001");
      assertThat(x.threats()).containsExactly("cryptomining");
      assertThat(x.event().operation()).isEqualTo("USE1-BoxUsage:p3.16xlarge");
      assertThat(x.event().account()).isEqualTo(ACCOUNT);
      // largest lines first: GPU hours of distinct instances, then the day's m5 lines
      List<String> ev = x.evidence();
      assertThat(ev).hasSizeBetween(2, CostSpikeDetector.MAX_EVIDENCE).allMatch(id -> id.contains("-2026-03-11-h"));
      int gpu = (int) ev.stream().takeWhile(id -> id.startsWith("gpu")).count();
      assertThat(gpu).isPositive();
      assertThat(ev.subList(gpu, ev.size())).noneMatch(id -> id.startsWith("gpu"));
      assertThat(ev.subList(0, gpu).stream().map(id -> id.substring(0, 4)).distinct()).hasSize(gpu);
    });
    // account: 164/156/110 a day; median 156, MAD 8 × 1.4826; 4,864.16 / 156 = 31.2 (≥ 5×: high)
    assertThat(accounts(f)).singleElement().satisfies(x -> {
      assertThat(x.reason()).isEqualTo("account 111122223333 cost $4,864.16 on 2026-03-11, 31× its 14-day median of "
          + "$156.00 (MAD $11.86); most from EC2 (AmazonEC2) in us-east-1 (+$4,708.16)");
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.evidence().get(0)).startsWith("gpu");
    });
  }

  @Test
  void observe_twoSpikesAWeekApart_bothFireBecauseTheMedianIgnoresTheFirst() {
    CurRows rows = steadyMonth();
    gpuDay(rows, SPIKE.minusDays(7), "us-east-1", "USE1");
    gpuDay(rows, SPIKE, "us-east-1", "USE1");

    List<Finding> f = series(harness.run(rows.events()));

    // 2026-03-04 is a $116 weekday of week 10; its window (Feb 18 - Mar 3) has the same median and MAD
    assertThat(f).extracting(Finding::reason).containsExactly(
        "EC2 (AmazonEC2) in us-east-1 for account 111122223333 cost $4,816.16 on 2026-03-04, 42× its 14-day "
            + "median of $116.00 (MAD $11.86); GPU usage $4,700.16; largest line USE1-BoxUsage:p3.16xlarge",
        "EC2 (AmazonEC2) in us-east-1 for account 111122223333 cost $4,824.16 on 2026-03-11, 42× its 14-day "
            + "median of $116.00 (MAD $11.86); GPU usage $4,700.16; largest line USE1-BoxUsage:p3.16xlarge");
  }

  @Test
  void observe_spikeLastingThreeDays_isReportedOnceUnlessItGrows() {
    CurRows rows = steadyMonth();
    gpuDay(rows, SPIKE, "us-east-1", "USE1");
    gpuDay(rows, SPIKE.plusDays(1), "us-east-1", "USE1");
    // four times the first day's GPU hours: 18,800.64 + 124 ≥ 3 × 4,824.16
    gpuDay(rows, SPIKE.plusDays(2), "us-east-1", "USE1", 32);

    List<Finding> f = harness.run(rows.events());

    assertThat(series(f)).extracting(x -> day(x.reason())).containsExactly("2026-03-11", "2026-03-13");
    assertThat(accounts(f)).extracting(x -> day(x.reason())).containsExactly("2026-03-11", "2026-03-13");
  }

  @Test
  void observe_twentyPercentMonthlyGrowthWithWeekends_doesNotFire() {
    CurRows rows = new CurRows();
    for (int i = 0; i < 90; i++) {
      LocalDate d = FIRST.plusDays(i);
      double weekend = d.getDayOfWeek().getValue() >= 6 ? 0.6 : 1;
      rows.spread("m5", d, 4, 400 * Math.pow(1.2, i / 30.0) * weekend,
          r -> r.product("AmazonEC2", "USE1-BoxUsage:m5.4xlarge"));
      rows.spread("lambda", d, 4, 60 * Math.pow(1.2, i / 30.0), r -> r.product("AWSLambda", "USE1-Lambda-GB-Second"));
    }
    assertThat(harness.run(rows.events())).isEmpty();
  }

  @Test
  void observe_creditsRefundsTaxesFeesAndMonthlyCharges_doNotCount() {
    CurRows rows = steadyMonth();
    // billed in the first hour of the month, as CUR bills recurring fees
    Instant monthStart = SPIKE.withDayOfMonth(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    rows.line("credit", monthStart).type("Credit").cost(-4000).add()
        .line("refund", monthStart).type("Refund").cost(-1000).add()
        .line("tax", monthStart).type("Tax").product("AmazonEC2", "").region("").cost(900).add()
        .line("support", monthStart).type("Fee").product("AWSSupportBusiness", "Dollar").region("").cost(2500).add()
        .line("ri-fee", monthStart).type("RIFee").product("AmazonEC2", "USE1-HeavyUsage:p3.16xlarge").cost(3000).add()
        .line("sp-fee", monthStart).type("SavingsPlanRecurringFee")
        .product("ComputeSavingsPlans", "ComputeSP:1yrNoUpfront")
        .cost(3000).add()
        .line("sp-upfront", monthStart).type("SavingsPlanUpfrontFee")
        .product("ComputeSavingsPlans", "ComputeSP:3yrAllUpfront")
        .cost(20000).add()
        .line("sp-negation", monthStart).type("SavingsPlanNegation").cost(-500).add()
        .line("edp", monthStart).type("EdpDiscount").cost(-200).add()
        .line("bundled", monthStart).type("BundledDiscount").cost(-50).add()
        .line("correction", monthStart).cost(-800).add()
        .line("ri-covered", monthStart).type("DiscountedUsage").product("AmazonEC2", "USE1-BoxUsage:m5.xlarge").cost(0)
        .effectiveCost(1.2).add()
        .line("hosted-zone", SPIKE.withDayOfMonth(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC))
        .product("AmazonRoute53", "HostedZone").region("").cost(6000).seconds(31 * 86_400L).add();

    assertThat(harness.run(rows.events())).isEmpty();
  }

  @Test
  void observe_gpuInARegionTheAccountNeverUsed_isAHighNewCostLine() {
    CurRows rows = steadyMonth();
    for (LocalDate d = FIRST; d.isBefore(FIRST.plusDays(30)); d = d.plusDays(1)) {
      rows.line("gd-" + d, d, 0).product("AmazonGuardDuty", "APS3-PaidEventsAnalyzed").region("ap-southeast-3")
          .cost(0.2).add();
    }
    gpuDay(rows, SPIKE, "ap-southeast-3", "APS3");

    List<Finding> f = harness.run(rows.events());

    assertThat(series(f)).singleElement().satisfies(x -> {
      assertThat(x.reason()).isEqualTo("new cost line: EC2 (AmazonEC2) in ap-southeast-3 for account 111122223333 cost "
          + "$4,700.16 on 2026-03-11 with no cost in the previous 14 days; GPU usage $4,700.16; region unused in the "
          + "previous 14 days; largest line APS3-BoxUsage:p3.16xlarge");
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.event().region()).isEqualTo("ap-southeast-3");
      assertThat(x.evidence()).allMatch(id -> id.startsWith("gpu"));
    });
    assertThat(accounts(f)).singleElement().satisfies(x -> {
      assertThat(x.reason()).endsWith("; most from EC2 (AmazonEC2) in ap-southeast-3 (+$4,700.16)");
      assertThat(x.level()).isEqualTo(Level.HIGH);
    });
  }

  @Test
  void observe_transferSpikeInAnAlmostUnusedRegion_isHigh_andInAUsedRegionMedium() {
    CurRows rows = steadyMonth();
    for (LocalDate d = FIRST; d.isBefore(FIRST.plusDays(30)); d = d.plusDays(1)) {
      rows.line("ebs-" + d, d, 0).product("AmazonEC2", "APS3-EBS:VolumeUsage.gp3").region("ap-southeast-3")
          .resource("vol-1").cost(0.3).add();
      rows.line("dt-" + d, d, 0).product("AmazonEC2", "USE1-DataTransfer-Out-Bytes").resource("i-0base").cost(30)
          .add();
    }
    rows.spread("egress", SPIKE, 24, 600, r -> r.product("AmazonEC2", "APS3-DataTransfer-Out-Bytes")
        .region("ap-southeast-3").resource("i-0x"));
    rows.spread("egress-use1", SPIKE.plusDays(3), 24, 1200, r -> r.product("AmazonEC2", "USE1-DataTransfer-Out-Bytes")
        .resource("i-0base"));

    List<Finding> f = series(harness.run(rows.events()));

    assertThat(f).hasSize(2);
    assertThat(f.get(0).reason()).startsWith("EC2 (AmazonEC2) in ap-southeast-3 for account 111122223333 cost "
        + "$600.30 on 2026-03-11, 2001× its 14-day median of $0.30 (MAD $0.00); region unused in the previous 14 days; largest "
        + "line APS3-DataTransfer-Out-Bytes");
    assertThat(f.get(0).level()).isEqualTo(Level.HIGH);
    // us-east-1 on a Saturday: 70 of m5 + 30 + 1,200 of transfer, not compute, region in use
    assertThat(f.get(1).reason()).startsWith("EC2 (AmazonEC2) in us-east-1 for account 111122223333 cost $1,300.00 on "
        + "2026-03-14");
    assertThat(f.get(1).reason()).doesNotContain("compute").doesNotContain("unused");
    assertThat(f.get(1).level()).isEqualTo(Level.MEDIUM);
  }

  @Test
  void observe_newNonComputeCostLine_isMedium_andSmallOnesAreIgnored() {
    CurRows rows = steadyMonth();
    rows.spread("athena", SPIKE, 4, 80, r -> r.product("AmazonAthena", "USE1-DataScannedInTB"));
    rows.spread("glue", SPIKE, 4, 30, r -> r.product("AWSGlue", "USE1-Crawler-DPU-Hour"));

    assertThat(series(harness.run(rows.events()))).singleElement().satisfies(x -> {
      assertThat(x.reason()).isEqualTo("new cost line: AmazonAthena in us-east-1 for account 111122223333 cost "
          + "$80.00 on 2026-03-11 with no cost in the previous 14 days; largest line USE1-DataScannedInTB");
      assertThat(x.level()).isEqualTo(Level.MEDIUM);
    });
  }

  @Test
  void observe_weeklyBatchJobStartedWhileLearning_andAnExportGap_doNotFire() {
    CurRows rows = new CurRows();
    for (int i = 0; i < 60; i++) {
      LocalDate d = FIRST.plusDays(i);
      if (i >= 30 && i < 33) {
        continue; // three days missing from the export
      }
      rows.spread("m5", d, 8, weekly(d), r -> r.product("AmazonEC2", "USE1-BoxUsage:m5.xlarge"));
      if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        rows.spread("emr", d, 6, 900, r -> r.product("ElasticMapReduce", "USE1-BoxUsage:r5.4xlarge"));
      }
    }
    assertThat(harness.run(rows.events())).isEmpty();
  }

  @Test
  void observe_reservationExpiringToOnDemand_doesNotFire() {
    CurRows rows = new CurRows();
    for (int i = 0; i < 40; i++) {
      LocalDate d = FIRST.plusDays(i);
      for (int h = 0; h < 24; h++) {
        CurRows.Row r = rows.line("db-" + d + "-h" + h, d, h).product("AmazonRDS", "USE1-InstanceUsage:db.r6g.4xlarge")
            .resource("arn:aws:rds:us-east-1:111122223333:db:orders");
        (i < 25 ? r.type("DiscountedUsage").cost(0).effectiveCost(0.98) : r.cost(1.84)).add();
      }
    }
    assertThat(harness.run(rows.events())).isEmpty();
  }

  @Test
  void observe_partialSumsInAnyOrderAndSplit_giveTheSameFindingsAsOneSum() {
    CurRows rows = steadyMonth();
    gpuDay(rows, SPIKE.minusDays(7), "us-east-1", "USE1");
    gpuDay(rows, SPIKE, "ap-southeast-3", "APS3");
    List<NormalizedEvent> events = rows.events();
    List<String> whole = describe(harness.run(events));
    assertThat(whole).hasSize(4);

    List<NormalizedEvent> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(7));
    CostSpikeDetector d = new CostSpikeDetector(DetectorConfig.DEFAULTS);
    for (int capacity : new int[] {1, 2, 3, 50}) {
      assertThat(describe(DetectorHarness.withCombinerCapacity(capacity, d).run(shuffled))).as("capacity " + capacity)
          .isEqualTo(whole);
    }
  }

  private static List<String> describe(List<Finding> findings) {
    return findings.stream().map(x -> x.level() + " " + x.reason() + " @" + x.event().id() + " " + x.evidence())
        .toList();
  }

  @Test
  void state_partialSumsOfADayArrivingSeparately_areAdded() {
    List<NormalizedEvent> events = gpuDay(steadyMonth(), SPIKE, "us-east-1", "USE1").events();
    List<Finding> once = harness.run(events);
    // every line its own observation: the day's total arrives in hundreds of pieces
    List<Finding> pieces = DetectorHarness.withCombinerCapacity(1, new CostSpikeDetector(DetectorConfig.DEFAULTS))
        .run(events.stream().sorted((a, b) -> b.id().compareTo(a.id())).toList());
    assertThat(describe(pieces)).isEqualTo(describe(once)).hasSize(2);
  }

  @Test
  void state_twoHundredThousandSeries_staysWithinItsLimitAndForgetsQuietSeries() {
    List<NormalizedEvent> events = new ArrayList<>();
    Instant day1 = FIRST.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    for (int i = 0; i < 200_000; i++) {
      events.add(line("flood-" + i, day1.plusSeconds(i % 2 * 86_400L + i % 3600), "acct-" + (i % 50),
          "region-" + (i % 7), "svc-" + i, 60));
    }
    for (int day = 2; day < 40; day++) {
      events.add(line("steady-" + day, day1.plusSeconds(day * 86_400L), ACCOUNT, "us-east-1", "AmazonEC2", 100));
    }
    DetectorHarness h = DetectorHarness.of(new CostSpikeDetector(DetectorConfig.DEFAULTS));

    assertThat(h.run(events)).isEmpty();
    assertThat(h.lastRunner().evicted()).isGreaterThanOrEqualTo(100_000);
    // series without cost in any window still to be judged are dropped: the steady account's three remain
    assertThat(h.lastRunner().stateSize()).isEqualTo(3);
  }

  @Test
  void state_seriesDroppedForSpace_areNotMistakenForNewCostLines() {
    CostSpikeDetector small = new CostSpikeDetector(new DetectorConfig(
        Map.of(CostSpikeDetector.NAME, Map.of("max-series", "100")), "test"));
    List<NormalizedEvent> events = new ArrayList<>();
    Instant day1 = FIRST.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    for (int day = 0; day < 30; day++) {
      for (int s = 0; s < 300; s++) {
        events.add(line("l-" + day + "-" + s, day1.plusSeconds(day * 86_400L + s), ACCOUNT, "us-east-1", "svc-" + s,
            60 + s % 7));
      }
    }
    DetectorHarness h = DetectorHarness.of(small);

    assertThat(h.run(events)).isEmpty();
    assertThat(h.lastRunner().stateSize()).isLessThanOrEqualTo(100);
    assertThat(h.lastRunner().evicted()).isPositive();
  }

  @Test
  void settings_areDescribedAndValidated() {
    CostSpikeDetector d = new CostSpikeDetector(new DetectorConfig(
        Map.of(CostSpikeDetector.NAME, Map.of("window", "21", "min-increase", "500")), "test"));
    assertThat(d.settings()).extracting(v -> v.name() + "=" + v.value() + " (" + v.defaultValue() + ")")
        .containsExactly("window=21 (14)", "min-history=7 (7)", "k=6 (6)", "ratio=3 (3)", "min-increase=500 (50)",
            "account-high-ratio=5 (5)", "max-series=100000 (100000)");
    assertThatThrownBy(() -> new CostSpikeDetector(new DetectorConfig(
        Map.of(CostSpikeDetector.NAME, Map.of("min-history", "20")), "test")))
        .hasMessageContaining("min-history");
    assertThatThrownBy(() -> new CostSpikeDetector(new DetectorConfig(
        Map.of(CostSpikeDetector.NAME, Map.of("window", "1")), "test")))
        .hasMessageContaining("window");
  }

  @Test
  void observe_dailyCurExportFixtureOutOfDayOrder_firesOnTheGpuDayOnly() throws Exception {
    // 38 days of a daily CUR 2.0 export written resource by resource (not in day order), with support,
    // Savings Plan and reservation fees, credits and taxes on the 1st of each month, and seven
    // p3.16xlarge instances for one day
    Path fixture = Path.of(getClass().getResource("/detector/billing/cur2-daily-gpu-spike.csv").toURI());
    SourceTesting.Read read = SourceTesting.read(fixture);
    assertThat(read.problems()).isEmpty();
    assertThat(read.events()).hasSize(207).allMatch(e -> e.source().equals(CurSource.ID));

    List<Finding> f = harness.run(read.events());

    // EC2 on weekdays: 2 × 24 × 0.192 + 24 × 1.536 = 46.08; 7 × 24 × 24.48 = 4,112.64 on a Wednesday
    assertThat(series(f)).singleElement().satisfies(x -> {
      assertThat(x.reason()).isEqualTo("EC2 (AmazonEC2) in us-east-1 for account 111122223333 cost $4,158.72 on "
          + "2026-03-04, 90× its 14-day median of $46.08 (MAD $0.00); GPU usage $4,112.64; largest line "
          + "BoxUsage:p3.16xlarge");
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.evidence()).hasSize(CostSpikeDetector.MAX_EVIDENCE);
      assertThat(x.evidence().subList(0, 7)).allMatch(id -> id.startsWith("gpu-") && id.contains("-2026-03-04/"));
      assertThat(x.evidence().subList(7, 10)).allMatch(id -> id.startsWith("ec2-") && id.contains("-2026-03-04/"));
    });
    // plus $27.24 of S3 and $13.50 of transfer a day
    assertThat(accounts(f)).singleElement().satisfies(x -> assertThat(x.reason())
        .isEqualTo("account 111122223333 cost $4,199.46 on 2026-03-04, 48× its 14-day median of $86.82 (MAD $0.00); "
            + "most from EC2 (AmazonEC2) in us-east-1 (+$4,112.64)"));
  }

  @Test
  void observe_focusExportWithAzureGpuVmSpike_firesHigh_andIgnoresPurchasesAndUnusedCommitments() {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      LocalDate d = FIRST.plusDays(i);
      rows.add(focus(d, "Usage", "", "Virtual Machines", "D4s v5", "vm-web-" + i % 2, 90 + i % 3));
      rows.add(focus(d, "Usage", "", "Storage", "P10 LRS Disk", "disk-web", 20));
      if (d.getDayOfMonth() == 1) {
        rows.add(focus(d, "Purchase", "", "Virtual Machines", "Reserved VM Instance 1 Year", "", 8000));
      }
    }
    rows.add(focus(SPIKE.minusDays(2), "Usage", "Unused", "Virtual Machines", "D4s v5", "reservation", 600));
    for (int vm = 0; vm < 4; vm++) {
      rows.add(focus(SPIKE, "Usage", "", "Virtual Machines", "NC24ads A100 v4", "vm-gpu-" + vm, 88.16));
    }
    SourceTesting.Read read = SourceTesting.read("focus.csv", (FOCUS_HEADER + "\n" + String.join("\n", rows) + "\n")
        .getBytes(StandardCharsets.UTF_8));
    assertThat(read.problems()).isEmpty();
    assertThat(read.events()).allMatch(e -> e.source().equals(FocusSource.ID));

    List<Finding> f = harness.run(read.events());

    // 2026-03-11 is day 23: 90 + 23 % 3 = 92, plus 4 × 88.16 of A100 VMs; the window's median is 91
    assertThat(series(f)).singleElement().satisfies(x -> {
      assertThat(x.reason()).startsWith("Virtual Machines in eastus for account sub-0001 cost $444.64 on 2026-03-11, "
          + "4.9× its 14-day median of $91.00");
      assertThat(x.reason()).contains("; GPU usage $352.64");
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.evidence()).hasSize(5);
    });
  }

  private static final String FOCUS_HEADER = "ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,"
      + "BillingCurrency,ChargeCategory,CommitmentDiscountStatus,ProviderName,SubAccountId,RegionId,ServiceName,"
      + "ServiceCategory,x_SkuMeterName,ResourceId";

  /** A daily FOCUS row of Azure subscription {@code sub-0001} in eastus. */
  private static String focus(LocalDate d, String category, String commitmentStatus, String service, String meter,
      String resource, double cost) {
    String c = String.format(java.util.Locale.ROOT, "%.2f", cost);
    return String.join(",", d + "T00:00:00Z", d.plusDays(1) + "T00:00:00Z", c, c, "USD", category, commitmentStatus,
        "Microsoft", "sub-0001", "eastus", service, service.equals("Storage") ? "Storage" : "Compute", meter, resource);
  }

  /** A CUR usage line built directly (for inputs too large to write as CSV). */
  private static NormalizedEvent line(String id, Instant start, String account, String region, String service,
      double cost) {
    BillingLine b = new BillingLine(service, "Usage", null, null, cost, "USD", 1.0, "Hrs", start.plusSeconds(3600),
        "Usage");
    return new NormalizedEvent(id, start, CurSource.ID, OcsfClass.BILLING, new CloudContext("AWS", account, region),
        Actor.UNKNOWN, Endpoint.UNKNOWN, null, new ApiCall(service, "Usage", null, null, null, null), List.of(), b,
        JsonObject.EMPTY, new Origin("cur.csv", 2, 1));
  }

  /** The GPU spike mid-month, and another on the last day of the data (judged only once it ends). */
  private static List<NormalizedEvent> spikeMidMonthAndOnTheLastDay() {
    return gpuDay(gpuDay(steadyMonth(), SPIKE, "us-east-1", "USE1"), FIRST.plusDays(29), "us-west-2", "USW2").events();
  }

  @Test
  void advance_betweenAndPastObservations_raisesWhatFinishRaises() {
    assertThat(series(StreamReplay.assertStreamMatchesBatch(harness, spikeMidMonthAndOnTheLastDay(), true)))
        .hasSize(2);
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() {
    SnapshotReplay.assertSnapshotMidwayChangesNothing(harness, spikeMidMonthAndOnTheLastDay());
  }

  @Test
  void advance_insideTheLastDay_raisesNothing_andAtItsEnd_judgesIt() {
    Instant nextDay = FIRST.plusDays(30).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();

    assertThat(StreamReplay.raisedByAdvance(harness, spikeMidMonthAndOnTheLastDay(), nextDay.minusSeconds(1)))
        .isEmpty();
    assertThat(series(StreamReplay.raisedByAdvance(harness, spikeMidMonthAndOnTheLastDay(), nextDay)))
        .singleElement().satisfies(x -> assertThat(x.reason()).contains("in us-west-2"));
  }
}
