package dev.kumo.ingest.focus;

import static dev.kumo.testing.SampleFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.BillingLine;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.json.JsonObject;
import dev.kumo.testing.SampleFiles;
import dev.kumo.testing.SourceTesting;
import dev.kumo.testing.SourceTesting.Read;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FocusSourceTest {
  private static final LoadedRules RULES = SampleFiles.builtinRules();
  private static final String GPU_RULE = "FOCUS Cost Line for GPU or Accelerated Instance Usage";

  @Test
  void read_awsFocusExport_readsEveryLine() {
    Read r = SampleFiles.read("focus/focus-aws-2026-03.csv");
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(3).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo(FocusSource.ID);
      assertThat(e.ocsfClass()).isEqualTo(OcsfClass.BILLING);
      assertThat(e.cloud().provider()).isEqualTo("AWS");
    });
  }

  @Test
  void normalize_awsGpuLine_fillsTimeRegionCostAndUsageType() {
    NormalizedEvent e = SampleFiles.read("focus/focus-aws-2026-03.csv").events().get(0);
    assertThat(e.id()).startsWith("sha256:");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:00:00Z"));
    assertThat(e.cloud().account()).isEqualTo("111122223333");
    assertThat(e.cloud().region()).isEqualTo("sa-east-1");
    assertThat(e.api().operation()).isEqualTo("SAE1-BoxUsage:p5.48xlarge");
    assertThat(e.details()).isEqualTo(new BillingLine("Amazon Elastic Compute Cloud", "SAE1-BoxUsage:p5.48xlarge",
        "RunInstances", "arn:aws:ec2:sa-east-1:111122223333:instance/i-0f3a5c7e9b1d24680", 98.32, "USD", 1.0, "Hours",
        Instant.parse("2026-03-14T10:00:00Z"), "Usage"));
    assertThat(e.resources()).singleElement().satisfies(r -> assertThat(r.type()).isEqualTo("Instance"));
  }

  @Test
  void read_azureExportWithBomAndCrlf_isReadAsAzure() {
    Read r = SampleFiles.read("focus/focus-azure-2026-03.csv");
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(2);
    NormalizedEvent vm = r.events().get(0);
    assertThat(vm.cloud().provider()).isEqualTo("Azure");
    assertThat(vm.cloud().account()).isEqualTo("3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9");
    assertThat(vm.cloud().region()).isEqualTo("southafricanorth");
    assertThat(vm.api().operation()).isEqualTo("NC24ads A100 v4"); // the charge description without a usage type
    assertThat(((BillingLine) vm.details()).cost()).isEqualTo(4.993);
    assertThat(vm.raw().getString("Tags")).isEqualTo("{\"team\":\"vfx\",\"cost-center\":\"4410\"}");
  }

  @Test
  void contentIds_differPerLineAndRepeatForTheSameLine() {
    List<NormalizedEvent> a = SampleFiles.read("focus/focus-aws-2026-03.csv").events();
    List<NormalizedEvent> b = SampleFiles.read("focus/focus-aws-2026-03.csv").events();
    assertThat(a).extracting(NormalizedEvent::id).doesNotHaveDuplicates()
        .containsExactlyElementsOf(b.stream().map(NormalizedEvent::id).toList());
  }

  @Test
  void provider_mapsFocusProviderNames() {
    assertThat(FocusSource.provider(JsonObject.of("ProviderName", "Google Cloud"))).isEqualTo("GCP");
    assertThat(FocusSource.provider(JsonObject.of("ProviderName", "Microsoft"))).isEqualTo("Azure");
    assertThat(FocusSource.provider(JsonObject.of("Provider", "Amazon Web Services"))).isEqualTo("AWS");
    assertThat(FocusSource.provider(JsonObject.of("ProviderName", "Oracle"))).isEqualTo("Oracle");
    assertThat(FocusSource.provider(JsonObject.EMPTY)).isEqualTo("unknown");
  }

  @Test
  void read_rowWithTooFewFields_isReported() {
    Read r = SourceTesting.read("f.csv", utf8("ChargePeriodStart,BilledCost,ServiceName\n2026-03-14T09:00:00Z,1.5\n"
        + "2026-03-14T09:00:00Z,2.5,Compute Engine\n"));
    assertThat(r.events()).singleElement().satisfies(e -> assertThat(e.cloud().provider()).isEqualTo("unknown"));
    assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED_RECORD));
  }

  @Test
  void gpuRule_firesOnTheGpuLine_notOnStorageOrTax() {
    List<NormalizedEvent> aws = SampleFiles.read("focus/focus-aws-2026-03.csv").events();
    assertThat(aws).extracting(e -> SourceTesting.matchingRuleTitles(RULES, e).contains(GPU_RULE))
        .containsExactly(true, false, false);
  }
}
