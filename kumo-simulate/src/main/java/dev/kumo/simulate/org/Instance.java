package dev.kumo.simulate.org;

import org.jspecify.annotations.Nullable;

/**
 * A long-lived EC2 instance and its instance profile.
 *
 * @param purpose what runs on it (web, api, worker, eks-node, ci-runner, tooling)
 * @param publicIp its public address, when it has one (else it reaches AWS through the VPC's NAT)
 * @param imdsV2 whether its credentials come from IMDSv2 ({@code ec2RoleDelivery} 2.0, else 1.0)
 */
public record Instance(String id, Vpc vpc, String purpose, String subnet, String eni, String privateIp,
    @Nullable String publicIp, Role role, boolean imdsV2) {
  public String account() {
    return vpc.account();
  }

  public String region() {
    return vpc.region();
  }
}
