package dev.kumo.posture.deadspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.posture.check.BuiltinChecks;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ControlCatalogTest {
  private static final List<Service> SERVICES = List.of(new Service("aws.ec2", "Amazon EC2", ServiceModel.IAAS),
      new Service("aws.lambda", "AWS Lambda", ServiceModel.PAAS));

  @Test
  void bundled_loadsEveryControlAndService() {
    ControlCatalog c = ControlCatalog.bundled();
    assertThat(c.controls()).hasSizeGreaterThanOrEqualTo(60);
    assertThat(c.service("aws.ec2")).isNotNull();
    assertThat(c.controls()).extracting(Control::domain).contains("A&A", "LOG", "IAM", "DSP", "BCR");
  }

  @Test
  void bundled_everyBuiltinCheckIsEvidenceForAControlAndNoControlNamesAnUnknownCheck() {
    Set<String> checks = BuiltinChecks.all().stream().map(c -> c.meta().id()).collect(Collectors.toSet());
    Set<String> referenced = ControlCatalog.bundled().controls().stream().flatMap(c -> c.checks().stream())
        .collect(Collectors.toSet());
    assertThat(referenced).as("checks named by controls").isSubsetOf(checks);
    assertThat(checks).as("checks evidencing some control").isSubsetOf(referenced);
  }

  @Test
  void ownershipFor_serviceOverride_winsOverModel() {
    List<Control> cs = ControlCatalog.readControls("t.yml", """
        - id: TVM-03
          domain: TVM
          title: Patch the OS
          threats: [app-exploitation]
          attack: [T1190]
          ownership: {iaas: customer, paas: shared, saas: provider}
          services: {aws.lambda: provider}
        """, SERVICES);
    assertThat(cs.get(0).ownershipFor(SERVICES.get(0))).isEqualTo(Ownership.CUSTOMER);
    assertThat(cs.get(0).ownershipFor(SERVICES.get(1))).isEqualTo(Ownership.PROVIDER);
  }

  @Test
  void readControls_badEntries_listEveryProblemWithItsLine() {
    assertThatThrownBy(() -> ControlCatalog.readControls("t.yml", """
        - id: LOG-3
          domain: LOG
          title: x
          threats: [world-domination]
          attack: [1190]
          ownership: {iaas: owner, paas: shared}
          services: {aws.nope: customer}
          colour: red
        """, SERVICES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t.yml:1: control id 'LOG-3' must look like LOG-03")
        .hasMessageContaining("unknown threat 'world-domination'")
        .hasMessageContaining("'1190' is not an ATT&CK technique id")
        .hasMessageContaining("ownership must be provider, customer, shared or n/a, not 'owner'")
        .hasMessageContaining("ownership must give iaas, paas and saas")
        .hasMessageContaining("unknown service 'aws.nope'")
        .hasMessageContaining("unknown key 'colour'");
  }
}
