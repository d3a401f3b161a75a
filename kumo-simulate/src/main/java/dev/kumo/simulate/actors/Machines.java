package dev.kumo.simulate.actors;

import dev.kumo.simulate.cloudtrail.ApiEvent;
import dev.kumo.simulate.cloudtrail.Identity;
import dev.kumo.simulate.org.AccountKind;
import dev.kumo.simulate.org.Instance;
import dev.kumo.simulate.org.Organisation;

/** How instances call AWS: their instance-profile session, and the address their calls come from. */
public final class Machines {
  /** Instance-profile credentials are rotated about every six hours. */
  static final long CREDENTIAL_LIFETIME = 6 * 3_600_000L;

  private Machines() {}

  /** The instance-profile session of {@code i} at {@code time}: named after the instance, {@code ec2RoleDelivery} set. */
  public static Identity.RoleSession session(World w, Instance i, long time) {
    return w.sessions().role(i.role(), i.id(), time, CREDENTIAL_LIFETIME, false, i.imdsV2() ? "2.0" : "1.0", null);
  }

  /**
   * Where a call of {@code i} to {@code service} comes from: its private address through an
   * interface endpoint (production and security VPCs have them for SSM, KMS, Secrets Manager, STS
   * and ECR), else its public address, else the VPC's NAT gateway.
   */
  public static ApiEvent from(ApiEvent e, Organisation org, Instance i, String service, String agent) {
    boolean endpoints = org.accounts().stream().anyMatch(a -> a.id().equals(i.account())
        && (a.kind() == AccountKind.PRODUCTION || a.kind() == AccountKind.SECURITY));
    if (endpoints && (service.equals("ssm") || service.equals("kms") || service.equals("secretsmanager")
        || service.equals("sts") || service.equals("ecr") || service.equals("ec2messages"))) {
      return e.from(i.privateIp(), agent).vpcEndpoint("vpce-0" + Integer.toHexString(
          (i.vpc().id() + service).hashCode() & 0x7fffffff) + "a1b2c3d4".substring(0, 8));
    }
    return e.from(i.publicIp() != null ? i.publicIp() : i.vpc().natIp(), agent);
  }
}
