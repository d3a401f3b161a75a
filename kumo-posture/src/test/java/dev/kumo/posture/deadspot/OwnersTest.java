package dev.kumo.posture.deadspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnersTest {
  private static final Control LOG = new Control("LOG-03", "LOG", "Monitor", "", List.of(), List.of(),
      Map.of(), Map.of(), List.of(), List.of(), false);

  @Test
  void ownerOf_controlBeatsServiceBeatsDomain() {
    Owners o = Owners.read("owners.yml", """
        controls: {LOG-03: secops}
        services: {aws.s3: data}
        domains: {LOG: platform}
        """);
    assertThat(o.ownerOf(LOG, "aws.s3")).isEqualTo("secops");
    Owners noControl = new Owners(Map.of(), o.services(), o.domains(), List.of());
    assertThat(noControl.ownerOf(LOG, "aws.s3")).isEqualTo("data");
    assertThat(noControl.ownerOf(LOG, "aws.ec2")).isEqualTo("platform");
    assertThat(Owners.NONE.ownerOf(LOG, "aws.ec2")).isNull();
  }

  @Test
  void attested_expiredOrFutureAttestation_doesNotCount() {
    Owners o = Owners.read("owners.yml", """
        attestations:
          - {control: HRS-01, side: customer, by: people, date: 2026-01-10, expires: 2026-06-30, evidence: HR policy}
          - {control: HRS-01, side: customer, by: people, date: 2026-12-01, evidence: next year}
          - {control: DCS-01, side: provider, by: grc, date: 2026-03-01, evidence: AWS SOC 2 Type II reviewed}
        """);
    assertThat(o.attested("HRS-01", false, LocalDate.parse("2026-05-01"))).hasSize(1);
    assertThat(o.attested("HRS-01", false, LocalDate.parse("2026-07-01"))).isEmpty();
    assertThat(o.attested("DCS-01", true, LocalDate.parse("2026-07-01"))).extracting(Attestation::by)
        .containsExactly("grc");
    assertThat(o.attested("DCS-01", false, LocalDate.parse("2026-07-01"))).isEmpty();
  }

  @Test
  void read_badAttestation_namesFileLineAndReason() {
    assertThatThrownBy(() -> Owners.read("owners.yml", """
        controls: {LOG-03: ""}
        attestations:
          - control: HRS-01
            side: vendor
            by: people
            date: yesterday
            evidence: x
        """)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("owners.yml:1: 'LOG-03' must name a team")
        .hasMessageContaining("side must be customer or provider, not 'vendor'")
        .hasMessageContaining("'date' must be a date like 2026-09-01, not 'yesterday'");
  }
}
