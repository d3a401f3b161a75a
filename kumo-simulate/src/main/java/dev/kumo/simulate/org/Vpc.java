package dev.kumo.simulate.org;

import java.util.List;

/**
 * A VPC with its flow log.
 *
 * @param natIp the public (AWS) address of its NAT gateway, where private instances' calls come from
 * @param albEnis the network interfaces of its internet-facing load balancer
 * @param albIps the private addresses of those interfaces (same order)
 */
public record Vpc(String account, String region, String id, String cidrPrefix, String natIp, String flowLogId,
    List<String> albEnis, List<String> albIps) {
  public Vpc {
    albEnis = List.copyOf(albEnis);
    albIps = List.copyOf(albIps);
  }
}
