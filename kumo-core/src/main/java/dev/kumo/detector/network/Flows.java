package dev.kumo.detector.network;

import dev.kumo.event.Endpoint;
import dev.kumo.event.NetworkTraffic;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.ResourceRef;
import dev.kumo.net.IpAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * How the network detectors read flow records. "Ours" is an address that is not routable on the
 * internet (private, CGNAT, link-local, unique-local IPv6), or any source of a record the log marks
 * {@code outbound} on one of our interfaces (IPv6 global addresses need the flow-direction field).
 * "External" is a routable address.
 */
final class Flows {
  private Flows() {}

  /** Sources whose events carry {@link NetworkTraffic}: VPC flow logs and Security Lake exports. */
  static final Set<String> FLOW_SOURCES = Set.of("aws.vpcflow", "aws.securitylake");

  /** An outbound flow record: our address to an external one, in the direction of the packets. */
  record Outbound(String src, String dst, @Nullable Integer srcPort, @Nullable Integer dstPort, NetworkTraffic t) {}

  /**
   * The record as an outbound flow (our source, external destination), or null. Records the log
   * marks {@code inbound} are skipped: the same packets are logged by the sending interface too.
   */
  static @Nullable Outbound outbound(NormalizedEvent e) {
    if (!(e.details() instanceof NetworkTraffic t) || e.dst() == null) {
      return null;
    }
    String src = e.src().ip();
    String dst = e.dst().ip();
    if (src == null || dst == null || "inbound".equals(t.direction())) {
      return null;
    }
    byte[] d = IpAddress.parse(dst);
    if (d == null || IpAddress.isInternal(d)) {
      return null;
    }
    if (!"outbound".equals(t.direction())) {
      byte[] s = IpAddress.parse(src);
      if (s == null || !IpAddress.isInternal(s)) {
        return null;
      }
    }
    return new Outbound(src, dst, e.src().port(), e.dst().port(), t);
  }

  /**
   * Whether the outbound record is likely the initiating side of a connection rather than our
   * server answering a client: the destination port is a well-known one (below 1024) or not above
   * the source port (clients use high ephemeral ports). Records without ports count as initiating.
   */
  static boolean initiating(Outbound f) {
    if (f.dstPort() == null || f.srcPort() == null) {
      return true;
    }
    return f.dstPort() < 1024 || f.dstPort() <= f.srcPort();
  }

  /**
   * The network an external address belongs to for counting spread: its /24 for IPv4, its /48 for
   * IPv6. Hosted services answer from a few networks; scans spread over many.
   */
  static String network(String address) {
    byte[] a = IpAddress.parse(address);
    if (a == null) {
      return address;
    }
    if (a.length == 4) {
      return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + ".0/24";
    }
    byte[] p = new byte[16];
    System.arraycopy(a, 0, p, 0, 6);
    return IpAddress.format(p) + "/48";
  }

  /** The instance (else the interface) the event names, for reasons; null when it names none. */
  static @Nullable String host(NormalizedEvent e) {
    if (e.details() instanceof NetworkTraffic t) {
      if (t.instanceId() != null) {
        return t.instanceId();
      }
      if (t.interfaceId() != null) {
        return t.interfaceId();
      }
    }
    for (ResourceRef r : e.resources()) {
      if ("AWS::EC2::Instance".equals(r.type()) && r.uid() != null) {
        return r.uid();
      }
    }
    return null;
  }

  /** {@code 10.0.1.5 (i-0abc…)} or the address alone. */
  static String label(String address, @Nullable String host) {
    return host == null ? address : address + " (" + host + ")";
  }

  /** The port of an endpoint, or -1. */
  static int port(@Nullable Endpoint e) {
    return e == null || e.port() == null ? -1 : e.port();
  }

  /** The UTC bucket of {@code epochSecond} for windows of {@code seconds}. */
  static long bucket(long epochSecond, long seconds) {
    return Math.floorDiv(epochSecond, seconds);
  }

  /**
   * Removes, from the front of an insertion-ordered table, the entries whose window bucket is before
   * {@code now}, and returns them in order (closing them may add entries, so it happens after removal).
   */
  static <T> List<T> removeStale(Map<String, T> table, long now, ToLongFunction<T> bucket) {
    List<T> closed = new ArrayList<>();
    Iterator<T> it = table.values().iterator();
    while (it.hasNext()) {
      T t = it.next();
      if (bucket.applyAsLong(t) >= now) {
        break;
      }
      it.remove();
      closed.add(t);
    }
    return closed;
  }
}
