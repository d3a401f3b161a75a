package dev.kumo.posture.inventory.panther;

import static dev.kumo.posture.inventory.panther.PantherFields.bool;
import static dev.kumo.posture.inventory.panther.PantherFields.looseString;
import static dev.kumo.posture.inventory.panther.PantherFields.object;
import static dev.kumo.posture.inventory.panther.PantherFields.objects;
import static dev.kumo.posture.inventory.panther.PantherFields.present;
import static dev.kumo.posture.inventory.panther.PantherFields.wholeNumber;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.inventory.aws.Ec2Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * EC2 snapshots: {@code AWS.EC2.SecurityGroup}, {@code AWS.EC2.NetworkACL}, {@code AWS.EC2.Instance},
 * {@code AWS.EC2.Volume} (followed by its {@code Snapshots} as {@code aws.ec2.snapshot}), {@code AWS.EC2.AMI}
 * and {@code AWS.EC2.VPC}.
 *
 * <p>Rules with protocol {@code -1} cover every port whatever port range the snapshot carries, as in AWS.
 */
public final class PantherEc2Mapper implements PantherMapper {
  private static final String SG = "AWS.EC2.SecurityGroup";
  private static final String NACL = "AWS.EC2.NetworkACL";
  private static final String INSTANCE = "AWS.EC2.Instance";
  private static final String VOLUME = "AWS.EC2.Volume";
  private static final String AMI = "AWS.EC2.AMI";
  private static final String VPC = "AWS.EC2.VPC";

  @Override
  public Set<String> types() {
    return Set.of(SG, NACL, INSTANCE, VOLUME, AMI, VPC);
  }

  @Override
  public Resource map(String type, JsonObject s, String origin) {
    return switch (type) {
      case SG -> securityGroup(s, origin);
      case NACL -> networkAcl(s, origin);
      case INSTANCE -> instance(s, origin);
      case VOLUME -> volume(s, origin);
      case AMI -> image(s, origin);
      case VPC -> vpc(s, origin);
      default -> throw new IllegalArgumentException("not an EC2 type: " + type);
    };
  }

  @Override
  public List<Resource> mapAll(String type, JsonObject s, String origin) {
    Resource r = map(type, s, origin);
    if (!type.equals(VOLUME)) {
      return List.of(r);
    }
    List<Resource> out = new ArrayList<>();
    out.add(r);
    for (JsonObject snap : objects(s, "Snapshots")) {
      String id = looseString(snap, "SnapshotId");
      if (id == null) {
        throw new IllegalArgumentException("Snapshots: an entry without SnapshotId");
      }
      boolean isPublic = false;
      List<String> shared = new ArrayList<>();
      for (JsonObject p : objects(snap, "CreateVolumePermissions")) {
        isPublic |= "all".equals(looseString(p, "Group"));
        String user = looseString(p, "UserId");
        if (user != null) {
          shared.add(user);
        }
      }
      String arn = r.region().isEmpty() ? id : "arn:aws:ec2:" + r.region() + "::snapshot/" + id;
      Facts.Builder f = Facts.builder().put("encrypted", bool(snap, "Encrypted"));
      if (present(snap, "CreateVolumePermissions")) {
        f.put("public", isPublic).put("shared_with", shared.stream().sorted().toList());
      }
      out.add(new Resource(r.provider(), "aws.ec2.snapshot", arn, id, r.account(), r.region(), f.build(),
          origin));
    }
    return out;
  }

  private static Resource securityGroup(JsonObject s, String origin) {
    Facts.Builder f = Facts.builder().put("group_name", looseString(s, "GroupName"))
        .put("vpc_id", looseString(s, "VpcId"));
    if (present(s, "IpPermissions")) {
      f.put("ingress", permissions(s, "IpPermissions"));
    }
    if (present(s, "IpPermissionsEgress")) {
      f.put("egress", permissions(s, "IpPermissionsEgress"));
    }
    String id = looseString(s, "GroupId");
    return PantherFields.resource("aws.ec2.security_group", s, id, PantherFields.first(s, "GroupName", "GroupId"),
        f.build(), origin);
  }

  private static List<NetworkRule> permissions(JsonObject s, String key) {
    List<NetworkRule> out = new ArrayList<>();
    for (JsonObject p : objects(s, key)) {
      String protocol = protocol(looseString(p, "IpProtocol"));
      Long from = wholeNumber(p, "FromPort");
      Long to = wholeNumber(p, "ToPort");
      int[] range = range(protocol, from, to);
      List<String> sources = new ArrayList<>();
      for (Ec2Rules.SourceList list : Ec2Rules.SOURCE_LISTS) {
        objects(p, list.array()).forEach(r -> add(sources, looseString(r, list.member())));
      }
      out.addAll(Ec2Rules.perSource(protocol, range[0], range[1], sources));
    }
    return out;
  }

  private static Resource networkAcl(JsonObject s, String origin) {
    List<NetworkRule> in = new ArrayList<>();
    List<NetworkRule> out = new ArrayList<>();
    for (JsonObject e : objects(s, "Entries")) {
      String protocol = protocol(looseString(e, "Protocol"));
      JsonObject ports = object(e, "PortRange");
      int[] range = range(protocol, ports == null ? null : wholeNumber(ports, "From"),
          ports == null ? null : wholeNumber(ports, "To"));
      List<String> sources = new ArrayList<>();
      add(sources, looseString(e, "CidrBlock"));
      add(sources, looseString(e, "Ipv6CidrBlock"));
      Long number = wholeNumber(e, "RuleNumber");
      String action = looseString(e, "RuleAction");
      if (number == null || action == null) {
        throw new IllegalArgumentException("Entries: an entry without RuleNumber or RuleAction");
      }
      NetworkRule rule = new NetworkRule("allow".equalsIgnoreCase(action), protocol, range[0], range[1], sources,
          (int) Math.min(Integer.MAX_VALUE, Math.max(1, number)));
      Boolean egress = bool(e, "Egress");
      (egress != null && egress ? out : in).add(rule);
    }
    Facts.Builder f = Facts.builder().put("vpc_id", looseString(s, "VpcId")).put("is_default", bool(s, "IsDefault"));
    if (present(s, "Entries")) {
      f.put("ingress", in).put("egress", out);
    }
    String id = looseString(s, "NetworkAclId");
    return PantherFields.resource("aws.ec2.network_acl", s, id, id, f.build(), origin);
  }

  private static Resource instance(JsonObject s, String origin) {
    Facts.Builder f = Facts.builder();
    JsonObject state = object(s, "State");
    f.put("state", state == null ? null : looseString(state, "Name"));
    f.put("instance_type", looseString(s, "InstanceType"));
    f.put("image_id", looseString(s, "ImageId"));
    f.put("vpc_id", looseString(s, "VpcId"));
    f.put("subnet_id", looseString(s, "SubnetId"));
    if (present(s, "PublicIpAddress")) {
      String ip = looseString(s, "PublicIpAddress");
      f.put("public_ip", ip == null || ip.isBlank() ? null : ip);
      f.put("has_public_ip", ip != null && !ip.isBlank());
    }
    JsonObject metadata = object(s, "MetadataOptions");
    if (metadata != null) {
      f.put("imds_http_tokens", lower(looseString(metadata, "HttpTokens")));
      f.put("imds_endpoint", lower(looseString(metadata, "HttpEndpoint")));
    }
    if (present(s, "IamInstanceProfile")) {
      JsonObject profile = object(s, "IamInstanceProfile");
      f.put("instance_profile", profile == null ? null : looseString(profile, "Arn"));
    }
    if (present(s, "SecurityGroups")) {
      List<String> groups = new ArrayList<>();
      objects(s, "SecurityGroups").forEach(g -> add(groups, looseString(g, "GroupId")));
      f.put("security_groups", groups);
    }
    JsonObject monitoring = object(s, "Monitoring");
    if (monitoring != null && looseString(monitoring, "State") != null) {
      f.put("detailed_monitoring", "enabled".equalsIgnoreCase(looseString(monitoring, "State")));
    }
    String id = looseString(s, "InstanceId");
    return PantherFields.resource("aws.ec2.instance", s, id, id, f.build(), origin);
  }

  private static Resource volume(JsonObject s, String origin) {
    String id = looseString(s, "VolumeId");
    return PantherFields.resource("aws.ec2.volume", s, id, id,
        Facts.builder().put("encrypted", bool(s, "Encrypted")).build(), origin);
  }

  private static Resource image(JsonObject s, String origin) {
    String id = looseString(s, "ImageId");
    Facts.Builder f = Facts.builder().put("public", bool(s, "Public"));
    return PantherFields.resource("aws.ec2.image", s, id, id, f.build(), origin);
  }

  private static Resource vpc(JsonObject s, String origin) {
    Facts.Builder f = Facts.builder().put("is_default", bool(s, "IsDefault"));
    if (present(s, "FlowLogs")) {
      f.put("flow_logs", objects(s, "FlowLogs").stream()
          .anyMatch(l -> "ACTIVE".equalsIgnoreCase(looseString(l, "FlowLogStatus"))));
    }
    String id = looseString(s, "VpcId");
    return PantherFields.resource("aws.ec2.vpc", s, id, id, f.build(), origin);
  }

  /** AWS protocol names and numbers to {@code tcp}, {@code udp}, {@code icmp}, {@code all}. */
  private static String protocol(@Nullable String p) {
    if (p == null) {
      throw new IllegalArgumentException("a rule without protocol");
    }
    return switch (p.toLowerCase(Locale.ROOT)) {
      case "-1", "all" -> "all";
      case "6", "tcp" -> "tcp";
      case "17", "udp" -> "udp";
      case "1", "icmp", "58", "icmpv6" -> "icmp";
      default -> p.toLowerCase(Locale.ROOT);
    };
  }

  private static int[] range(String protocol, @Nullable Long from, @Nullable Long to) {
    if (protocol.equals("all") || from == null || to == null || from < 0 || to < 0) {
      return new int[] {0, 65535};
    }
    return new int[] {(int) Math.min(65535, from), (int) Math.min(65535, to)};
  }

  private static void add(List<String> out, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      out.add(value);
    }
  }

  private static @Nullable String lower(@Nullable String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
