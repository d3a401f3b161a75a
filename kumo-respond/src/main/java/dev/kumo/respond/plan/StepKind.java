package dev.kumo.respond.plan;

import java.util.Locale;
import java.util.Optional;

/**
 * The closed set of things a playbook step can do; the executor implements each one, the plan builder knows
 * each one's API calls. YAML names are the constant names in lower case with dashes ({@code snapshot-volumes}).
 */
public enum StepKind {
  /** Record the instance's full state: instance, volumes, ENIs, security groups, profile, tags, metadata options, user data, console output. */
  DESCRIBE_INSTANCE_STATE,
  /** Record an IAM user's access keys, their last use, policies and MFA devices. */
  DESCRIBE_ACCESS_KEY,
  /** Record a role: trust policy, attached and inline policies, instance profiles. */
  DESCRIBE_ROLE,
  /** Record a bucket's policy, ACL, public access block, versioning, object lock, logging and encryption. */
  DESCRIBE_BUCKET,
  /** Record CloudTrail trails: their status, selectors and the bucket they write to. */
  DESCRIBE_TRAILS,
  /** List the instances of every enabled region. */
  FIND_INSTANCES_ALL_REGIONS,
  /** Tag the targets with the case id ({@code kumo:case}) and {@code kumo:quarantine}. */
  TAG_RESOURCES,
  /** {@code DisableApiTermination=true}. */
  ENABLE_TERMINATION_PROTECTION,
  /** {@code InstanceInitiatedShutdownBehavior=stop}. */
  SET_STOP_ON_SHUTDOWN,
  /** {@code DeleteOnTermination=false} on every attached volume. */
  PRESERVE_VOLUMES_ON_TERMINATION,
  /** Auto Scaling standby/detach without lowering capacity, and deregistration from load balancer target groups. */
  REMOVE_FROM_SERVICE,
  /** An empty security group on every ENI plus network ACL deny entries for the instance's addresses (cuts tracked connections). */
  ISOLATE_NETWORK,
  /** Disassociate the instance profile. */
  DISASSOCIATE_INSTANCE_PROFILE,
  /** Inline deny-all policy on the role for sessions issued before now ({@code aws:TokenIssueTime}). */
  REVOKE_ROLE_SESSIONS,
  /** Inline deny-all policy on the user for temporary credentials issued before now. */
  REVOKE_USER_SESSIONS,
  /** {@code UpdateAccessKey Status=Inactive}. */
  DEACTIVATE_ACCESS_KEY,
  /** Restrict a role's trust policy to the principals recorded as legitimate. */
  RESTRICT_TRUST_POLICY,
  /** Memory image through SSM (AVML), hashed and streamed to the evidence bucket. */
  CAPTURE_MEMORY_SSM,
  /** Crash-consistent snapshots of every volume, tagged with the case. */
  SNAPSHOT_VOLUMES,
  /** Share and copy the snapshots into the forensic account, re-encrypted with its KMS key. */
  COPY_SNAPSHOTS_TO_FORENSIC_ACCOUNT,
  /** EBS snapshot lock in compliance mode. */
  LOCK_SNAPSHOTS,
  /** Collect the principal's and the ENIs' logs for the compromise window into the evidence store. */
  COLLECT_LOGS,
  /** Check the redeploy image was created before the compromise and by a trusted owner. */
  CHECK_IMAGE_PROVENANCE,
  /** Launch a replacement from the known-good image or launch template. */
  REDEPLOY_FROM_IMAGE,
  /** Check the replacement passes status checks and target health. */
  VERIFY_HEALTH,
  /** Check the original is still isolated, protected and tagged; Kumo never terminates it. */
  VERIFY_QUARANTINE,
  /** Stop instances (after their evidence was preserved). */
  STOP_INSTANCES,
  /** Cost and usage per region and service for the compromise window. */
  CHECK_BILLING,
  /** S3 Block Public Access on the bucket. */
  BLOCK_PUBLIC_ACCESS,
  /** A bucket policy denying object and version deletion and policy changes to everyone but the responder. */
  PROTECT_BUCKET,
  /** Versioning and S3 Object Lock (compliance mode default retention). */
  ENABLE_VERSIONING_AND_OBJECT_LOCK,
  /** Restore each object's newest version written before the compromise. */
  RESTORE_OBJECT_VERSIONS,
  /** Restart logging on every trail and protect the log bucket. */
  RESTORE_LOGGING;

  /** The YAML name, e.g. {@code snapshot-volumes}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind named {@code id}, if any. */
  public static Optional<StepKind> byId(String id) {
    for (StepKind k : values()) {
      if (k.id().equals(id)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
