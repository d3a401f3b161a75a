package dev.kumo.posture.deadspot;

import static dev.kumo.posture.TestResources.aws;
import static dev.kumo.posture.TestResources.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.exercise.tabletop.Threat;
import dev.kumo.posture.TestResources;
import dev.kumo.posture.check.Check;
import dev.kumo.posture.check.CheckContext;
import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.check.Verdict;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.rank.DetectionCoverage;
import dev.kumo.sigma.Level;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadSpotAnalyzerTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-26");
  private static final List<Service> SERVICES = List.of(new Service("aws.s3", "S3", ServiceModel.PAAS),
      new Service("aws.ec2", "EC2", ServiceModel.IAAS), new Service("aws.cloudtrail", "CloudTrail",
          ServiceModel.SAAS));
  private static final ControlCatalog CATALOG = new ControlCatalog(ControlCatalog.readControls("c.yml", """
      - id: DSP-07
        domain: DSP
        title: Keep data private
        threats: [data-theft]
        attack: [T1530]
        ownership: {iaas: customer, paas: customer, saas: shared}
        checks: [public-read]
      - id: HRS-01
        domain: HRS
        title: Screen staff
        threats: []
        ownership: {iaas: customer, paas: customer, saas: customer}
      - id: DCS-01
        domain: DCS
        title: Physical security
        threats: [misconfiguration]
        ownership: {iaas: provider, paas: provider, saas: provider}
        verify: true
      - id: TVM-03
        domain: TVM
        title: Patch hosts
        threats: [app-exploitation]
        attack: [T1190]
        ownership: {iaas: customer, paas: n/a, saas: n/a}
      """, SERVICES), SERVICES);
  private static final Check PUBLIC = TestResources.check("public-read", "aws.s3.bucket", Level.CRITICAL,
      Threat.DATA_THEFT, List.of("aws.s3access"), "T1530",
      (r, inv, ctx) -> Boolean.TRUE.equals(r.facts().bool("public")) ? Verdict.fail("public") : Verdict.pass("ok"));

  private static DeadSpotReport analyse(Owners owners, ExerciseEvidence exercise, Object... buckets) {
    List<dev.kumo.posture.inventory.Resource> rs = new ArrayList<>();
    for (Object b : buckets) {
      rs.add((dev.kumo.posture.inventory.Resource) b);
    }
    Inventory inv = new Inventory(rs, List.of());
    List<CheckResult> results = PUBLIC.run(inv, CheckContext.at(Instant.EPOCH));
    return new DeadSpotAnalyzer(CATALOG, owners, DetectionCoverage.NONE, exercise, DAY).analyse(inv, results);
  }

  private static Owners owners(String yaml) {
    return Owners.read("owners.yml", yaml);
  }

  @Test
  void analyse_everythingOwnedEvidencedAndVerified_hasNoDeadSpots() {
    DeadSpotReport r = analyse(owners("""
        domains: {DSP: data, HRS: people}
        attestations:
          - {control: HRS-01, side: customer, by: people, date: 2026-01-05, evidence: screening policy}
          - {control: DCS-01, side: provider, by: grc, date: 2026-02-01, evidence: AWS SOC 2 reviewed}
        """), null, bucket("private", "public", false));
    assertThat(r.deadSpots()).isEmpty();
    assertThat(r.inScope()).containsExactly("DCS-01", "DSP-07", "HRS-01");
    assertThat(r.servicesInUse()).containsExactly("aws.s3");
  }

  @Test
  void analyse_plantedGaps_areReportedWithTheirReasons() {
    DeadSpotReport r = analyse(owners("""
        domains: {HRS: people}
        """), null, bucket("private", "public", false), bucket("leaky", "public", true));
    assertThat(r.deadSpots()).extracting(d -> d.control().id()).containsExactly("DSP-07", "DCS-01", "HRS-01");
    DeadSpot dsp = r.deadSpots().get(0);
    assertThat(dsp.reasons()).containsExactly(Reason.FAILING_EVIDENCE, Reason.NO_OWNER);
    assertThat(dsp.unowned()).containsExactly("aws.s3");
    assertThat(dsp.failing()).extracting(f -> f.result().resource().name()).containsExactly("leaky");
    assertThat(dsp.blind()).isTrue();
    assertThat(r.deadSpots().get(1).reasons()).containsExactly(Reason.UNVERIFIED_PROVIDER);
    assertThat(r.deadSpots().get(2).reasons()).containsExactly(Reason.NO_EVIDENCE);
  }

  @Test
  void analyse_exerciseMissedTechnique_isFailingEvidence() {
    DeadSpotReport r = analyse(owners("""
        domains: {DSP: data, HRS: people}
        attestations:
          - {control: HRS-01, side: customer, by: people, date: 2026-01-05, evidence: policy}
          - {control: DCS-01, side: provider, by: grc, date: 2026-02-01, evidence: SOC 2}
        """), new ExerciseEvidence(Map.of("T1530", 0), "layer.json"), bucket("private", "public", false));
    assertThat(r.deadSpots()).singleElement().satisfies(d -> {
      assertThat(d.control().id()).isEqualTo("DSP-07");
      assertThat(d.missed()).containsExactly("T1530");
    });
  }

  @Test
  void analyse_serviceOnlyInIaas_putsIaasControlsInScope() {
    DeadSpotReport r = analyse(Owners.NONE, null,
        aws("aws.ec2.instance", "arn:aws:ec2:eu-west-1:111122223333:instance/i-1", "eu-west-1"));
    assertThat(r.inScope()).contains("TVM-03");
    assertThat(r.deadSpots()).filteredOn(d -> d.control().id().equals("TVM-03")).singleElement()
        .satisfies(d -> assertThat(d.reasons()).containsExactly(Reason.NO_OWNER, Reason.NO_EVIDENCE));
  }

  @Test
  void analyse_ownersNamingUnknownThings_areWarnedAbout() {
    DeadSpotReport r = analyse(owners("""
        controls: {LOG-99: secops}
        services: {aws.nope: x}
        attestations:
          - {control: HRS-01, side: customer, by: people, date: 2025-01-05, expires: 2025-12-31, evidence: old}
        """), null, bucket("b", "public", false));
    assertThat(r.warnings()).anyMatch(w -> w.contains("unknown control 'LOG-99'"))
        .anyMatch(w -> w.contains("unknown service 'aws.nope'"))
        .anyMatch(w -> w.contains("attestation of HRS-01 not valid on 2026-11-26"));
  }
}
