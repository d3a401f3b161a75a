package dev.kumo.simulate.dns;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One DNS query a VPC's Route 53 Resolver logged.
 *
 * @param time when the query arrived (epoch milliseconds; the log keeps whole seconds)
 * @param queryName the name asked for, with its trailing dot
 * @param rcode {@code NOERROR}, {@code NXDOMAIN}, {@code SERVFAIL} ...
 * @param instanceId the EC2 instance that asked, or null (the log then names no source resource)
 */
public record DnsQuery(String account, String region, String vpcId, long time, String queryName, String queryType,
    String rcode, List<Answer> answers, String srcAddr, int srcPort, String transport, @Nullable String instanceId) {
  public DnsQuery {
    answers = List.copyOf(answers);
  }

  /** One answer record: its data and type ({@code A}, {@code AAAA}, {@code CNAME} ...), class IN. */
  public record Answer(String rdata, String type) {}
}
