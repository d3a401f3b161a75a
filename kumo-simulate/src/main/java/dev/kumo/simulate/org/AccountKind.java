package dev.kumo.simulate.org;

/** What an account of the organisation is for. */
public enum AccountKind {
  /** The organisation's management (payer) account: IAM Identity Center, Organizations, billing. */
  MANAGEMENT,
  /** Security tooling and the log archive. */
  SECURITY,
  /** Shared services: CI/CD, container registry, DNS. */
  SHARED_SERVICES,
  /** Production workloads. */
  PRODUCTION,
  /** Pre-production workloads. */
  STAGING
}
