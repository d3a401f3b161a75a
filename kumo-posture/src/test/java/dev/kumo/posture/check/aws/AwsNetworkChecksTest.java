package dev.kumo.posture.check.aws;

import static dev.kumo.posture.check.aws.Fixtures.aws;
import static dev.kumo.posture.check.aws.Fixtures.facts;
import static dev.kumo.posture.check.aws.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.check.Status;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsNetworkChecksTest {
  private static final AwsNetworkChecks SET = new AwsNetworkChecks();

  private static NetworkRule tcp(int from, int to, String source) {
    return new NetworkRule(true, "tcp", from, to, List.of(source), 0);
  }

  private static Resource group(String name, List<NetworkRule> in, List<NetworkRule> out) {
    return aws("aws.ec2.security_group", "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1",
        facts().put("group_name", name).put("ingress", in).put("egress", out).build());
  }

  @Test
  void sgAdminPorts_sshFromAnywhere_fails_fromOffice_passes_noRules_unknown() {
    assertThat(status(SET, "aws-ec2-sg-admin-ports-open", group("web", List.of(tcp(22, 22, "0.0.0.0/0")),
        List.of()))).isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-ec2-sg-admin-ports-open", group("web", List.of(tcp(22, 22, "203.0.113.7/32")),
        List.of()))).isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-ec2-sg-admin-ports-open", aws("aws.ec2.security_group", "sg-2",
        facts().build()))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void sgDatabaseAndAllPorts_rangeCoveringPostgresFromIpv6World_fails() {
    Resource g = group("db", List.of(tcp(5000, 6000, "::/0")), List.of());
    assertThat(status(SET, "aws-ec2-sg-database-ports-open", g)).isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-ec2-sg-all-ports-open", g)).isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-ec2-sg-all-ports-open", group("x", List.of(NetworkRule.allowAll(
        List.of("0.0.0.0/0"))), List.of()))).isEqualTo(Status.FAIL);
  }

  @Test
  void defaultSg_withRules_fails_empty_passes_otherGroup_passes() {
    assertThat(status(SET, "aws-ec2-default-sg-open", group("default", List.of(),
        List.of(NetworkRule.allowAll(List.of("0.0.0.0/0")))))).isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-ec2-default-sg-open", group("default", List.of(), List.of())))
        .isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-ec2-default-sg-open", group("web", List.of(tcp(22, 22, "0.0.0.0/0")),
        List.of()))).isEqualTo(Status.PASS);
  }

  @Test
  void naclAdminPorts_lowerNumberedDenyWins() {
    NetworkRule deny = new NetworkRule(false, "tcp", 22, 22, List.of("0.0.0.0/0"), 50);
    NetworkRule allow = new NetworkRule(true, "all", 0, 65535, List.of("0.0.0.0/0"), 100);
    Resource nacl = aws("aws.ec2.network_acl", "acl-1", facts().put("ingress", List.of(deny, allow)).build());
    // 22 is denied first, but 3389 falls through to the allow-all entry
    assertThat(status(SET, "aws-ec2-nacl-admin-ports-open", nacl)).isEqualTo(Status.FAIL);
    NetworkRule denyAll = new NetworkRule(false, "all", 0, 65535, List.of("0.0.0.0/0"), 10);
    Resource closed = aws("aws.ec2.network_acl", "acl-2", facts().put("ingress", List.of(denyAll, allow))
        .build());
    assertThat(status(SET, "aws-ec2-nacl-admin-ports-open", closed)).isEqualTo(Status.PASS);
  }

  @Test
  void flowLogs_passFailUnknown() {
    assertThat(status(SET, "aws-vpc-flow-logs-off", aws("aws.ec2.vpc", "vpc-1", facts().put("flow_logs", true)
        .build()))).isEqualTo(Status.PASS);
    assertThat(status(SET, "aws-vpc-flow-logs-off", aws("aws.ec2.vpc", "vpc-1", facts().put("flow_logs", false)
        .build()))).isEqualTo(Status.FAIL);
    assertThat(status(SET, "aws-vpc-flow-logs-off", aws("aws.ec2.vpc", "vpc-1", facts().build())))
        .isEqualTo(Status.UNKNOWN);
  }
}
