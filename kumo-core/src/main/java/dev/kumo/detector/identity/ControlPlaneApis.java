package dev.kumo.detector.identity;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The AWS APIs that manage identities, credentials, secrets, keys, hosts, network exposure and
 * audit: what a workload rarely needs and an intruder with its credentials reaches for first.
 * Whole services where nearly every call is control plane (IAM, Organizations, CloudTrail,
 * GuardDuty, Secrets Manager); for the others only the operations that matter.
 */
final class ControlPlaneApis {
  private ControlPlaneApis() {}

  /** How a service's operations are chosen. */
  private record Rule(boolean all, Set<String> operations) {
    boolean matches(String op) {
      return all != operations.contains(op);
    }

    static Rule allExcept(String... ops) {
      return new Rule(true, Set.of(ops));
    }

    static Rule only(String... ops) {
      return new Rule(false, Set.of(ops));
    }
  }

  private static final Map<String, Rule> RULES = Map.ofEntries(
      Map.entry("iam.amazonaws.com", Rule.allExcept()),
      Map.entry("organizations.amazonaws.com", Rule.allExcept()),
      Map.entry("cloudtrail.amazonaws.com", Rule.allExcept()),
      Map.entry("guardduty.amazonaws.com", Rule.allExcept()),
      Map.entry("secretsmanager.amazonaws.com", Rule.allExcept()),
      // Getting its own identity and assuming roles are ordinary for workloads (role chains have
      // their own detector); the rest of STS is recon or credential minting.
      Map.entry("sts.amazonaws.com", Rule.allExcept("GetCallerIdentity", "AssumeRole", "AssumeRoleWithWebIdentity",
          "AssumeRoleWithSAML")),
      Map.entry("ssm.amazonaws.com", Rule.only("SendCommand", "StartSession", "ResumeSession",
          "StartAutomationExecution", "CreateAssociation", "CreateDocument", "UpdateDocument",
          "ModifyDocumentPermission")),
      // Key management and enumeration; the cryptographic calls are what workloads use keys for.
      Map.entry("kms.amazonaws.com", Rule.allExcept("Decrypt", "Encrypt", "GenerateDataKey",
          "GenerateDataKeyWithoutPlaintext", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
          "ReEncrypt", "DescribeKey", "GetPublicKey", "Sign", "Verify", "GenerateMac", "VerifyMac", "GenerateRandom")),
      Map.entry("ec2.amazonaws.com", Rule.only("RunInstances", "StartInstances", "StopInstances",
          "TerminateInstances", "ModifyInstanceAttribute", "AssociateIamInstanceProfile",
          "ReplaceIamInstanceProfileAssociation", "GetPasswordData", "EnableSerialConsoleAccess",
          "CreateSecurityGroup", "DeleteSecurityGroup", "AuthorizeSecurityGroupIngress",
          "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
          "ModifySecurityGroupRules", "CreateSnapshot", "CreateSnapshots", "CopySnapshot", "DeleteSnapshot",
          "ModifySnapshotAttribute", "CreateImage", "CopyImage", "ModifyImageAttribute", "CreateKeyPair",
          "ImportKeyPair", "DeleteFlowLogs", "CreateInstanceExportTask")),
      Map.entry("s3.amazonaws.com", Rule.only("PutBucketPolicy", "DeleteBucketPolicy", "PutBucketAcl",
          "PutObjectAcl", "PutBucketPublicAccessBlock", "DeleteBucketPublicAccessBlock",
          "PutBucketOwnershipControls", "PutBucketLogging", "PutBucketReplication", "PutBucketVersioning",
          "PutBucketLifecycle", "PutBucketLifecycleConfiguration")),
      Map.entry("s3control.amazonaws.com", Rule.only("PutPublicAccessBlock", "DeletePublicAccessBlock",
          "PutAccessPointPolicy")));

  /** {@code service:operation} when the call is control plane, else null. Cheap for other calls. */
  static @Nullable String match(@Nullable String service, @Nullable String operation) {
    if (service == null || operation == null) {
      return null;
    }
    Rule r = RULES.get(service);
    return r != null && r.matches(operation) ? ApiNames.shortService(service) + ":" + operation : null;
  }
}
