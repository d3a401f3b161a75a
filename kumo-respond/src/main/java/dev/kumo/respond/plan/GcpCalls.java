package dev.kumo.respond.plan;

import java.util.Locale;

/**
 * The {@code gcloud} commands of the instance step kinds, for a responder to run. Names a VM by placeholders
 * ({@code ${vm}}, {@code ${zone}}, {@code ${project}}) since targets are AWS identifiers.
 */
final class GcpCalls implements CallRenderer {
  private static final String[] AT = {"--zone", "${zone}", "--project", "${project}"};

  @Override
  public Rendered render(PlaybookStep step, PlanTargets t, String threat) {
    String caseId = t.caseId() == null ? "${case}" : t.caseId();
    String label = "kumo-case=" + label(caseId);
    TextCalls c = new TextCalls("gcloud");
    String how;
    switch (step.kind()) {
      case DESCRIBE_INSTANCE_STATE -> {
        c.add(AzureCalls.cat(new String[] {"compute", "instances", "describe", "${vm}"}, AT, "--format", "json"));
        c.add(AzureCalls.cat(new String[] {"compute", "instances", "get-serial-port-output", "${vm}"}, AT));
        c.add(AzureCalls.cat(new String[] {"compute", "disks", "describe", "${disks}"}, AT, "--format", "json"));
        c.add("compute", "firewall-rules", "list", "--project", "${project}", "--filter", "network:${network}",
            "--format", "json");
        how = "Records the instance (labels, network tags, metadata and startup scripts, service account and "
            + "scopes), its disks, the firewall rules of its network and the serial port output.";
      }
      case TAG_RESOURCES -> {
        c.add(AzureCalls.cat(new String[] {"compute", "instances", "add-labels", "${vm}"}, AT, "--labels", label));
        how = "Labels the instance with the case id (label values allow only lower-case letters, digits, - and _: "
            + "the case id is lower-cased and other characters become _).";
      }
      case ENABLE_TERMINATION_PROTECTION -> {
        c.add(AzureCalls.cat(new String[] {"compute", "instances", "update", "${vm}"}, AT, "--deletion-protection"));
        how = "Deletion protection: the instance cannot be deleted until it is turned off.";
      }
      case SET_STOP_ON_SHUTDOWN -> how = "No call needed: a shutdown from inside a Compute Engine instance leaves it "
          + "TERMINATED (stopped) with its disks.";
      case PRESERVE_VOLUMES_ON_TERMINATION -> {
        c.add(AzureCalls.cat(new String[] {"compute", "instances", "set-disk-auto-delete", "${vm}"}, AT,
            "--no-auto-delete", "--disk", "${disks}"));
        how = "Auto-delete off for every disk: deleting the instance would leave them.";
      }
      case REMOVE_FROM_SERVICE -> {
        c.add("compute", "instance-groups", "managed", "abandon-instances", "${mig}", "--instances", "${vm}",
            "--zone", "${zone}", "--project", "${project}");
        how = "Abandons the instance from its managed instance group: the group stops managing it (it would "
            + "otherwise recreate it) and creates a replacement.";
      }
      case ISOLATE_NETWORK -> {
        for (String dir : new String[] {"INGRESS", "EGRESS"}) {
          c.add("compute", "firewall-rules", "create", "kumo-isolate-" + dir.toLowerCase(Locale.ROOT) + "-"
              + label(caseId), "--project", "${project}", "--network", "${network}", "--direction", dir,
              "--action", "DENY", "--rules", "all", dir.equals("INGRESS") ? "--source-ranges"
              : "--destination-ranges", "0.0.0.0/0", "--target-tags", "kumo-isolate", "--priority", "0");
        }
        c.add(AzureCalls.cat(new String[] {"compute", "instances", "add-tags", "${vm}"}, AT, "--tags",
            "kumo-isolate"));
        c.add(AzureCalls.cat(new String[] {"compute", "instances", "delete-access-config", "${vm}"}, AT,
            "--access-config-name", "${access-config}", "--network-interface", "nic0"));
        how = "Deny-all ingress and egress firewall rules at priority 0 for the network tag kumo-isolate, then the "
            + "tag on the instance. Connections already tracked may outlive a rule change, so the external IP's "
            + "access config is also removed, which ends every connection through it.";
      }
      case DISASSOCIATE_INSTANCE_PROFILE -> {
        c.add("iam", "service-accounts", "disable", "${service-account}", "--project", "${project}");
        how = "Disables the instance's service account: its tokens stop working everywhere (every other workload "
            + "using the same account loses it too: check the recorded state first). Removing the account from the "
            + "instance (gcloud compute instances set-service-account --no-service-account) needs the instance "
            + "stopped, so it waits for the end of the analysis.";
      }
      case REVOKE_ROLE_SESSIONS -> {
        c.add("iam", "service-accounts", "keys", "list", "--iam-account", "${service-account}", "--format", "json");
        c.add("iam", "service-accounts", "keys", "disable", "${service-account-keys}", "--iam-account",
            "${service-account}");
        how = "Records and disables every user-managed key of the service account.";
      }
      case CAPTURE_MEMORY_SSM -> {
        c.add(AzureCalls.cat(new String[] {"compute", "ssh", "${vm}"}, AT, "--command",
            "sudo avml /dev/shm/kumo.lime && sha256sum /dev/shm/kumo.lime && gcloud storage cp /dev/shm/kumo.lime "
            + "gs://${evidence-bucket}/" + caseId + "/"));
        how = "Optional. AVML over SSH (through IAP when the external IP is gone), hashed on the host and copied to "
            + "the evidence bucket. A failure stops every later change to the instance.";
      }
      case SNAPSHOT_VOLUMES -> {
        c.add(AzureCalls.cat(new String[] {"compute", "disks", "snapshot", "${disks}"}, AT, "--snapshot-names",
            "${snapshot-names}", "--labels", label));
        how = "A snapshot of every disk, labelled with the case.";
      }
      case COPY_SNAPSHOTS_TO_FORENSIC_ACCOUNT -> {
        c.add("compute", "disks", "create", "${evidence-disk}", "--project", "${forensic-project}", "--zone",
            "${zone}", "--source-snapshot", "projects/${project}/global/snapshots/${snapshots}", "--kms-key",
            "${forensic-kms-key}", "--labels", label);
        c.add("compute", "disks", "snapshot", "${evidence-disk}", "--project", "${forensic-project}", "--zone",
            "${zone}", "--labels", label);
        how = "A disk in the forensic project from each snapshot, encrypted with the forensic project's key, and a "
            + "snapshot of it there.";
      }
      case LOCK_SNAPSHOTS -> {
        c.add("compute", "images", "export", "--image", "${evidence-image}", "--project", "${forensic-project}",
            "--destination-uri", "gs://${evidence-bucket}/" + caseId + "/${evidence-image}.tar.gz");
        c.add("storage", "buckets", "update", "gs://${evidence-bucket}", "--retention-period", "365d",
            "--lock-retention-period");
        how = "Compute Engine has no snapshot lock: the evidence is exported to a bucket whose retention policy "
            + "is locked for 365 days (nobody can delete the objects before).";
      }
      case COLLECT_LOGS -> {
        c.add("logging", "read", "resource.type=\"gce_instance\" AND resource.labels.instance_id=\"${instance-id}\"",
            "--project", "${project}", "--format", "json");
        c.add("logging", "read", "protoPayload.authenticationInfo.principalEmail=\"${service-account}\"",
            "--project", "${project}", "--format", "json");
        how = "The instance's logs and the service account's audit logs (Admin Activity and Data Access), into "
            + "the evidence store.";
      }
      case CHECK_IMAGE_PROVENANCE -> {
        c.add("compute", "images", "describe", "${image}", "--project", "${image-project}", "--format",
            "value(creationTimestamp,status,deprecated.state)");
        how = "The image must be READY, not deprecated, created before the compromise started and from a trusted "
            + "project.";
      }
      case REDEPLOY_FROM_IMAGE -> {
        c.add("compute", "instances", "create", "${vm}-redeploy", "--zone", "${zone}", "--project", "${project}",
            "--source-instance-template", "${instance-template}", "--image", "${image}", "--image-project",
            "${image-project}");
        how = "A new instance from the checked image and the original's template. The original stays isolated; "
            + "Kumo never deletes it.";
      }
      case VERIFY_HEALTH -> {
        c.add(AzureCalls.cat(new String[] {"compute", "instances", "describe", "${vm}-redeploy"}, AT, "--format",
            "value(status)"));
        how = "The replacement must be RUNNING (and healthy in its backend services).";
      }
      case VERIFY_QUARANTINE -> {
        c.add(AzureCalls.cat(new String[] {"compute", "instances", "describe", "${vm}"}, AT, "--format",
            "value(status,tags.items,labels,deletionProtection)"));
        how = "The original is still labelled, protected and isolated.";
      }
      default -> throw new IllegalArgumentException("no GCP commands for step kind " + step.kind().id());
    }
    return new Rendered(c.calls, how);
  }

  /** {@code value} as a GCP label value: lower case, other characters than [a-z0-9_-] as {@code _}, 63 at most. */
  static String label(String value) {
    String v = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_${}-]", "_");
    return v.length() > 63 ? v.substring(0, 63) : v;
  }
}
