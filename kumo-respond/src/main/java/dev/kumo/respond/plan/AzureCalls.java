package dev.kumo.respond.plan;

/**
 * The {@code az} commands of the instance step kinds, for a responder to run. Names a VM by placeholders
 * ({@code ${resource-group}}, {@code ${vm}}) since targets are AWS identifiers.
 */
final class AzureCalls implements CallRenderer {
  private static final String[] VM = {"--resource-group", "${resource-group}", "--name", "${vm}"};

  @Override
  public Rendered render(PlaybookStep step, PlanTargets t, String threat) {
    String caseId = t.caseId() == null ? "${case}" : t.caseId();
    String tag = "kumo-case=" + caseId;
    TextCalls c = new TextCalls("az");
    String how;
    switch (step.kind()) {
      case DESCRIBE_INSTANCE_STATE -> {
        c.add(cat(new String[] {"vm", "show", "--show-details"}, VM, "--output", "json"));
        c.add(cat(new String[] {"vm", "get-instance-view"}, VM, "--output", "json"));
        c.add("network", "nic", "show", "--ids", "${nics}");
        c.add("network", "nsg", "show", "--ids", "${nsgs}");
        c.add(cat(new String[] {"vm", "identity", "show"}, VM));
        c.add(cat(new String[] {"vm", "boot-diagnostics", "get-boot-log"}, VM));
        how = "Records the VM with its tags, disks, NICs, NSGs, managed identities and instance view, and the boot "
            + "log (the console output), before anything changes.";
      }
      case TAG_RESOURCES -> {
        c.add(cat(new String[] {"vm", "update"}, VM, "--set", "tags.kumo-case=" + caseId,
            "tags.kumo-quarantine=" + caseId));
        how = "Tags the VM with the case id (az vm update --set merges, existing tags stay).";
      }
      case ENABLE_TERMINATION_PROTECTION -> {
        c.add("lock", "create", "--name", "kumo-" + caseId, "--lock-type", "CanNotDelete", "--resource-group",
            "${resource-group}", "--resource-name", "${vm}", "--resource-type", "Microsoft.Compute/virtualMachines");
        how = "A CanNotDelete lock: the VM cannot be deleted until the lock is removed.";
      }
      case SET_STOP_ON_SHUTDOWN -> how = "No call needed: a shutdown from inside an Azure VM leaves it stopped "
          + "(still allocated) with its disks; only a delete removes them, which the lock prevents.";
      case PRESERVE_VOLUMES_ON_TERMINATION -> {
        c.add(cat(new String[] {"vm", "update"}, VM, "--set", "storageProfile.osDisk.deleteOption=Detach",
            "storageProfile.dataDisks[*].deleteOption=Detach"));
        how = "Disk delete option Detach: deleting the VM would leave its OS and data disks.";
      }
      case REMOVE_FROM_SERVICE -> {
        c.add("network", "nic", "ip-config", "address-pool", "remove", "--resource-group", "${resource-group}",
            "--nic-name", "${nic}", "--ip-config-name", "${ip-config}", "--lb-name", "${lb}", "--address-pool",
            "${backend-pool}");
        how = "Takes the NIC out of every load balancer backend pool it is in.";
      }
      case ISOLATE_NETWORK -> {
        c.add("network", "nsg", "create", "--resource-group", "${resource-group}", "--name", "kumo-isolation-"
            + caseId);
        for (String dir : new String[] {"Inbound", "Outbound"}) {
          c.add("network", "nsg", "rule", "create", "--resource-group", "${resource-group}", "--nsg-name",
              "kumo-isolation-" + caseId, "--name", "kumo-deny-all-" + dir.toLowerCase(java.util.Locale.ROOT),
              "--priority", "100", "--direction", dir, "--access", "Deny", "--protocol", "*",
              "--source-address-prefixes", "*", "--destination-address-prefixes", "*", "--destination-port-ranges",
              "*");
        }
        c.add("network", "nic", "update", "--resource-group", "${resource-group}", "--name", "${nic}",
            "--network-security-group", "kumo-isolation-" + caseId);
        c.add("network", "nic", "ip-config", "update", "--resource-group", "${resource-group}", "--nic-name",
            "${nic}", "--name", "${ip-config}", "--remove", "publicIpAddress");
        how = "An NSG denying all traffic both ways (priority 100, above the default rules) on every NIC. NSG "
            + "changes do not end flows already established, so the public IP is also removed from the NIC's IP "
            + "configuration, which ends every connection through it (the public IP resource is kept).";
      }
      case DISASSOCIATE_INSTANCE_PROFILE -> {
        c.add(cat(new String[] {"vm", "identity", "remove"}, VM, "--identities", "[system]", "${user-identities}"));
        how = "Removes the VM's managed identities, so it can get no new tokens.";
      }
      case REVOKE_ROLE_SESSIONS -> {
        c.add("role", "assignment", "list", "--assignee", "${identity-principal}", "--all", "--output", "json");
        c.add("role", "assignment", "delete", "--assignee", "${identity-principal}");
        how = "Managed identity tokens cannot be revoked (they live up to 24 hours): the identity's role "
            + "assignments are recorded, then deleted, so tokens already issued are refused by every resource.";
      }
      case CAPTURE_MEMORY_SSM -> {
        c.add(cat(new String[] {"vm", "run-command", "invoke"}, VM, "--command-id", "RunShellScript", "--scripts",
            "avml /dev/shm/kumo.lime && sha256sum /dev/shm/kumo.lime && azcopy copy /dev/shm/kumo.lime "
            + "${evidence-container-sas}"));
        how = "Optional. AVML through Run Command, hashed on the host and copied to the evidence container. A "
            + "failure stops every later change to the VM.";
      }
      case SNAPSHOT_VOLUMES -> {
        c.add("snapshot", "create", "--resource-group", "${resource-group}", "--name", "kumo-" + caseId + "-os",
            "--source", "${os-disk}", "--incremental", "false", "--tags", tag);
        c.add("snapshot", "create", "--resource-group", "${resource-group}", "--name", "kumo-" + caseId
            + "-${data-disk-name}", "--source", "${data-disks}", "--incremental", "false", "--tags", tag);
        how = "A full snapshot of the OS disk and of every data disk, tagged with the case.";
      }
      case COPY_SNAPSHOTS_TO_FORENSIC_ACCOUNT -> {
        c.add("snapshot", "create", "--subscription", "${forensic-subscription}", "--resource-group",
            "${forensic-resource-group}", "--name", "${snapshot-name}", "--source", "${snapshots}",
            "--encryption-type", "EncryptionAtRestWithCustomerKey", "--disk-encryption-set",
            "${forensic-disk-encryption-set}", "--tags", tag);
        how = "Copies each snapshot into the forensic subscription, encrypted with its own customer managed key.";
      }
      case LOCK_SNAPSHOTS -> {
        c.add("lock", "create", "--name", "kumo-" + caseId + "-evidence", "--lock-type", "ReadOnly",
            "--subscription", "${forensic-subscription}", "--resource-group", "${forensic-resource-group}");
        how = "A ReadOnly lock on the forensic resource group. Azure has no compliance lock for snapshots: for "
            + "immutability, export them (az snapshot grant-access) to a container with a locked immutability "
            + "policy.";
      }
      case COLLECT_LOGS -> {
        c.add("monitor", "activity-log", "list", "--resource-id", "${vm-id}", "--start-time",
            t.compromiseStart() == null ? "${compromise-start}" : t.compromiseStart().toString());
        c.add("network", "watcher", "flow-log", "list", "--location", "${location}");
        how = "The VM's activity log since the compromise start and the NSG/VNet flow logs, into the evidence store.";
      }
      case CHECK_IMAGE_PROVENANCE -> {
        c.add("sig", "image-version", "show", "--resource-group", "${gallery-resource-group}", "--gallery-name",
            "${gallery}", "--gallery-image-definition", "${image-definition}", "--gallery-image-version",
            "${image-version}", "--query", "publishingProfile.publishedDate");
        how = "The image version must have been published before the compromise started, from a trusted gallery.";
      }
      case REDEPLOY_FROM_IMAGE -> {
        c.add("vm", "create", "--resource-group", "${resource-group}", "--name", "${vm}-redeploy", "--image",
            "${image-version-id}", "--nics", "${new-nic}");
        how = "A new VM from the checked image version. The original stays isolated; Kumo never deletes it.";
      }
      case VERIFY_HEALTH -> {
        c.add("vm", "get-instance-view", "--resource-group", "${resource-group}", "--name", "${vm}-redeploy",
            "--query", "instanceView.statuses");
        how = "The replacement must be running and provisioned.";
      }
      case VERIFY_QUARANTINE -> {
        c.add(cat(new String[] {"vm", "show", "--show-details"}, VM, "--query", "tags"));
        how = "The original is still tagged, locked and isolated.";
      }
      default -> throw new IllegalArgumentException("no Azure commands for step kind " + step.kind().id());
    }
    return new Rendered(c.calls, how);
  }

  static String[] cat(String[] head, String[] middle, String... tail) {
    String[] out = new String[head.length + middle.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(middle, 0, out, head.length, middle.length);
    System.arraycopy(tail, 0, out, head.length + middle.length, tail.length);
    return out;
  }
}
