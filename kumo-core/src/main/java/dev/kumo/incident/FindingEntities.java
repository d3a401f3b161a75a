package dev.kumo.incident;

import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a finding can be joined by: the root of its identity chain, its public source address, and,
 * when it has no identity, the host or resource it is about.
 *
 * @param identity the identity chain's root ({@link IdentityChains#root}), null when the finding has
 *     no acting identity or a cloud service acted
 * @param address a public source address, or null
 * @param hosts for findings without identity: the internal address and resources of the event
 */
record FindingEntities(@Nullable String identity, @Nullable String address, List<String> hosts) {

  static FindingEntities of(Finding f, IdentityChains chains) {
    EventSummary e = f.event();
    String identity = null;
    if (!service(e)) {
      identity = chains.root(e.principal(), e.accessKeyId());
    }
    String address = null;
    List<String> hosts = new ArrayList<>();
    String ip = e.sourceIp();
    if (ip != null && IpAddress.isAddress(ip)) {
      if (IpAddress.isInternal(ip)) {
        if (identity == null) {
          hosts.add("ip " + ip);
        }
      } else {
        address = ip;
      }
    }
    if (identity == null) {
      for (String r : e.resources()) {
        hosts.add("resource " + r);
      }
    }
    return new FindingEntities(identity, address, List.copyOf(hosts));
  }

  private static boolean service(EventSummary e) {
    return "AWSService".equals(e.principalType())
        || e.principal() != null && e.principal().endsWith(".amazonaws.com");
  }
}
