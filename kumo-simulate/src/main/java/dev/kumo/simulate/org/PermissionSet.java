package dev.kumo.simulate.org;

/** An IAM Identity Center permission set; in each account it is a role {@code AWSReservedSSO_<name>_<suffix>}. */
public enum PermissionSet {
  ADMINISTRATOR("AdministratorAccess", false),
  POWER_USER("PowerUserAccess", false),
  DEVELOPER("Developer", false),
  READ_ONLY("ReadOnlyAccess", true),
  SECURITY_AUDIT("SecurityAudit", true),
  BILLING("Billing", true);

  private final String ssoName;
  private final boolean readOnly;

  PermissionSet(String ssoName, boolean readOnly) {
    this.ssoName = ssoName;
    this.readOnly = readOnly;
  }

  public String ssoName() {
    return ssoName;
  }

  /** Whether the set only grants reads (its holders get AccessDenied on writes). */
  public boolean readOnly() {
    return readOnly;
  }
}
