package dev.kumo.posture.check.aws;

import static dev.kumo.posture.check.aws.AwsRules.flag;

import dev.kumo.posture.check.CheckSet;
import dev.kumo.posture.check.Rule;
import dev.kumo.posture.check.Verdict;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Security group, network ACL and VPC checks. Security-group rules are unordered (any allow from anywhere
 * opens the port); network ACL rules are evaluated by rule number through {@link NetworkRule#worldReaches}.
 */
public final class AwsNetworkChecks implements CheckSet {
  /** SSH and RDP. */
  static final List<Integer> ADMIN_PORTS = List.of(22, 3389);
  /** MySQL, PostgreSQL, SQL Server, Oracle, Redis, Elasticsearch, MongoDB, CouchDB, Memcached. */
  static final List<Integer> DATABASE_PORTS = List.of(3306, 5432, 1433, 1521, 6379, 9200, 27017, 5984, 11211);

  @Override
  public Map<String, Rule> rules() {
    Map<String, Rule> m = new LinkedHashMap<>();
    m.put("aws-ec2-sg-admin-ports-open", (r, inv, ctx) -> portsOpen(r, ADMIN_PORTS));
    m.put("aws-ec2-sg-database-ports-open", (r, inv, ctx) -> portsOpen(r, DATABASE_PORTS));
    m.put("aws-ec2-sg-all-ports-open", (r, inv, ctx) -> {
      List<NetworkRule> in = r.facts().list("ingress", NetworkRule.class);
      if (in == null) {
        return Verdict.unknown("ingress");
      }
      boolean open = in.stream().anyMatch(x -> x.allow() && x.fromAnywhere() && x.allPorts());
      return Verdict.of(!open, "no rule opens every port to the internet",
          "every port open to the internet");
    });
    m.put("aws-ec2-default-sg-open", (r, inv, ctx) -> {
      String name = r.facts().string("group_name");
      if (name == null) {
        return Verdict.unknown("group_name");
      }
      if (!name.equals("default")) {
        return Verdict.pass("not a default security group");
      }
      List<NetworkRule> in = r.facts().list("ingress", NetworkRule.class);
      List<NetworkRule> out = r.facts().list("egress", NetworkRule.class);
      if (in == null || out == null) {
        return Verdict.unknown(in == null ? "ingress" : "egress");
      }
      return Verdict.of(in.isEmpty() && out.isEmpty(), "default security group has no rules",
          "default security group has " + in.size() + " inbound and " + out.size() + " outbound rules");
    });
    m.put("aws-ec2-nacl-admin-ports-open", (r, inv, ctx) -> portsOpen(r, ADMIN_PORTS));
    m.put("aws-vpc-flow-logs-off", flag("flow_logs", true, "flow logs active", "no active flow log"));
    return m;
  }

  /** Fails naming the ports the internet reaches through the resource's ingress rules. */
  static Verdict portsOpen(Resource r, List<Integer> ports) {
    List<NetworkRule> in = r.facts().list("ingress", NetworkRule.class);
    if (in == null) {
      return Verdict.unknown("ingress");
    }
    List<Integer> open = ports.stream().filter(p -> NetworkRule.worldReaches(in, p)).toList();
    return Verdict.of(open.isEmpty(), "ports " + ports + " closed to the internet",
        "open to the internet on port" + (open.size() > 1 ? "s " : " ")
            + String.join(", ", open.stream().map(String::valueOf).toList()));
  }
}
