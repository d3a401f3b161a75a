package dev.kumo.posture.inventory.aws;

import static dev.kumo.posture.inventory.aws.CliShapes.bool;
import static dev.kumo.posture.inventory.aws.CliShapes.objects;
import static dev.kumo.posture.inventory.aws.CliShapes.optText;
import static dev.kumo.posture.inventory.aws.CliShapes.text;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** EC2 outputs: instances, security groups, network ACLs, volumes, snapshots, images, VPCs, flow logs. */
final class CliEc2 {
  private CliEc2() {}

  static List<CliOperation> operations() {
    return List.of(
        CliOperation.list("ec2-describe-instances", false, CliEc2::instances),
        CliOperation.list("ec2-describe-security-groups", false, CliEc2::securityGroups),
        CliOperation.list("ec2-describe-network-acls", false, CliEc2::networkAcls),
        CliOperation.list("ec2-describe-volumes", false, CliEc2::volumes),
        CliOperation.list("ec2-describe-snapshots", false, CliEc2::snapshots),
        CliOperation.each("ec2-describe-snapshot-attribute", false,
            (out, into) -> sharing(out, into, "snapshot", "CreateVolumePermissions")),
        CliOperation.list("ec2-describe-images", false, CliEc2::images),
        CliOperation.each("ec2-describe-image-attribute", false,
            (out, into) -> sharing(out, into, "image", "LaunchPermissions")),
        CliOperation.list("ec2-describe-vpcs", false, CliEc2::vpcs),
        CliOperation.list("ec2-describe-flow-logs", false, CliEc2::flowLogs).inPhase(2),
        CliOperation.list("ec2-get-ebs-encryption-by-default", false, CliEc2::ebsDefault));
  }

  private static String arn(CliOutput out, String type, String id) {
    return "arn:aws:ec2:" + out.region() + ":" + out.account() + ":" + type + "/" + id;
  }

  private static void instances(CliOutput out, CliResources into) {
    List<JsonObject> reservations = objects(out.json(), "Reservations");
    for (int r = 0; r < reservations.size(); r++) {
      into.each(out, "Reservations[" + r + "].Instances", objects(reservations.get(r), "Instances"), i -> {
        String id = text(i, "InstanceId");
        Facts.Builder f = into.resource(out, "aws.ec2.instance", arn(out, "instance", id), id, out.region());
        JsonObject state = i.getObject("State");
        f.put("state", state == null ? null : optText(state, "Name"));
        f.put("instance_type", optText(i, "InstanceType"));
        f.put("image_id", optText(i, "ImageId"));
        f.put("vpc_id", optText(i, "VpcId"));
        f.put("subnet_id", optText(i, "SubnetId"));
        String ip = optText(i, "PublicIpAddress");
        f.put("public_ip", ip);
        f.put("has_public_ip", ip != null && !ip.isEmpty());
        JsonObject md = i.getObject("MetadataOptions");
        if (md != null) {
          f.put("imds_http_tokens", optText(md, "HttpTokens"));
          f.put("imds_endpoint", optText(md, "HttpEndpoint"));
        }
        JsonObject profile = i.getObject("IamInstanceProfile");
        f.put("instance_profile", profile == null ? null : optText(profile, "Arn"));
        List<String> groups = new ArrayList<>();
        for (JsonObject g : objects(i, "SecurityGroups")) {
          groups.add(text(g, "GroupId"));
        }
        f.put("security_groups", groups);
        JsonObject monitoring = i.getObject("Monitoring");
        String ms = monitoring == null ? null : optText(monitoring, "State");
        f.put("detailed_monitoring", ms == null ? null : ms.equals("enabled"));
      });
    }
  }

  private static void securityGroups(CliOutput out, CliResources into) {
    into.each(out, "SecurityGroups", objects(out.json(), "SecurityGroups"), g -> {
      String id = text(g, "GroupId");
      String arn = optText(g, "SecurityGroupArn");
      Facts.Builder f = into.resource(out, "aws.ec2.security_group",
          arn != null ? arn : arn(out, "security-group", id), id, out.region());
      f.put("group_name", optText(g, "GroupName"));
      f.put("vpc_id", optText(g, "VpcId"));
      f.put("ingress", CliShapes.securityGroupRules(g, "IpPermissions"));
      f.put("egress", CliShapes.securityGroupRules(g, "IpPermissionsEgress"));
    });
  }

  private static void networkAcls(CliOutput out, CliResources into) {
    into.each(out, "NetworkAcls", objects(out.json(), "NetworkAcls"), a -> {
      String id = text(a, "NetworkAclId");
      Facts.Builder f = into.resource(out, "aws.ec2.network_acl", arn(out, "network-acl", id), id, out.region());
      f.put("vpc_id", optText(a, "VpcId"));
      f.put("is_default", bool(a, "IsDefault"));
      f.put("ingress", CliShapes.networkAclRules(a, false));
      f.put("egress", CliShapes.networkAclRules(a, true));
    });
  }

  private static void volumes(CliOutput out, CliResources into) {
    into.each(out, "Volumes", objects(out.json(), "Volumes"), v -> {
      String id = text(v, "VolumeId");
      into.resource(out, "aws.ec2.volume", arn(out, "volume", id), id, out.region())
          .put("encrypted", bool(v, "Encrypted"));
    });
  }

  /** Snapshot and image ARNs carry no account. */
  private static String unowned(CliOutput out, String type, String id) {
    return "arn:aws:ec2:" + out.region() + "::" + type + "/" + id;
  }

  private static void snapshots(CliOutput out, CliResources into) {
    into.each(out, "Snapshots", objects(out.json(), "Snapshots"), s -> {
      String id = text(s, "SnapshotId");
      into.resource(out, "aws.ec2.snapshot", unowned(out, "snapshot", id), id, out.region())
          .put("encrypted", bool(s, "Encrypted"));
    });
  }

  private static void images(CliOutput out, CliResources into) {
    into.each(out, "Images", objects(out.json(), "Images"), i -> {
      String id = text(i, "ImageId");
      into.resource(out, "aws.ec2.image", unowned(out, "image", id), id, out.region())
          .put("public", bool(i, "Public"));
    });
  }

  /**
   * Who may use a snapshot or image ({@code CreateVolumePermissions} / {@code LaunchPermissions} of its
   * attribute output): {@code public} and {@code shared_with}.
   */
  private static void sharing(CliOutput out, CliResources into, String type, String key) {
    String id = out.name();
    Permissions p = permissions(out.json(), key);
    into.resource(out, "aws.ec2." + type, unowned(out, type, id), id, out.region())
        .put("public", p.everyone).put("shared_with", p.accounts);
  }

  private record Permissions(boolean everyone, List<String> accounts) {}

  private static Permissions permissions(JsonObject json, String key) {
    if (!json.has(key)) {
      throw new IllegalArgumentException("missing " + key);
    }
    boolean everyone = false;
    Set<String> accounts = new TreeSet<>();
    for (JsonObject p : objects(json, key)) {
      everyone |= "all".equals(optText(p, "Group"));
      String user = optText(p, "UserId");
      if (user != null) {
        accounts.add(user);
      }
    }
    return new Permissions(everyone, List.copyOf(accounts));
  }

  private static void vpcs(CliOutput out, CliResources into) {
    into.each(out, "Vpcs", objects(out.json(), "Vpcs"), v -> {
      String id = text(v, "VpcId");
      into.resource(out, "aws.ec2.vpc", arn(out, "vpc", id), id, out.region()).put("is_default", bool(v, "IsDefault"));
    });
  }

  /** Read after the VPCs: a VPC of this region without an active flow log has {@code flow_logs} false. */
  private static void flowLogs(CliOutput out, CliResources into) {
    Set<String> logged = new TreeSet<>();
    into.each(out, "FlowLogs", objects(out.json(), "FlowLogs"), l -> {
      String resource = text(l, "ResourceId");
      String status = optText(l, "FlowLogStatus");
      if (resource.startsWith("vpc-") && (status == null || status.equals("ACTIVE"))) {
        logged.add(resource);
      }
    });
    for (String vpc : logged) {
      into.resource(out, "aws.ec2.vpc", arn(out, "vpc", vpc), vpc, out.region());
    }
    for (CliResources.Entry e : into.in("aws.ec2.vpc", out.account(), out.region())) {
      e.facts.put("flow_logs", logged.contains(e.name));
    }
  }

  private static void ebsDefault(CliOutput out, CliResources into) {
    Boolean on = bool(out.json(), "EbsEncryptionByDefault");
    if (on == null) {
      throw new IllegalArgumentException("missing EbsEncryptionByDefault");
    }
    into.resource(out, "aws.ec2.region_settings", "arn:aws:ec2:" + out.region() + ":" + out.account() + ":settings",
        "settings", out.region()).put("ebs_encryption_by_default", on);
  }
}
