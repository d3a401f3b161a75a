package dev.kumo.simulate;

import java.util.Locale;

/** The log sources the simulation writes. */
public enum Source {
  CLOUDTRAIL("aws.cloudtrail"), VPCFLOW("aws.vpcflow"), CUR("aws.cur"), ALB("aws.elb"), AUDITD("linux.auditd"),
  DNS("aws.route53resolver");

  private final String id;

  Source(String id) {
    this.id = id;
  }

  /** Kumo's source id. */
  public String id() {
    return id;
  }

  /** By name ({@code cloudtrail}, {@code vpcflow}, {@code cur}, {@code alb}, {@code auditd},
   * {@code dns}), case-insensitive. */
  public static Source parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown source '" + name + "' (cloudtrail, vpcflow, cur, alb, auditd, dns)");
    }
  }
}
