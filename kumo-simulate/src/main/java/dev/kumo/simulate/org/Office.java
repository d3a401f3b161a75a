package dev.kumo.simulate.org;

import java.time.ZoneId;
import java.util.List;

/**
 * An office: its time zone and the fixed public addresses its NAT uses, within {@code cidr} (the
 * static block the ISP assigned, which security groups allow).
 */
public record Office(String city, ZoneId zone, String cidr, List<String> natIps) {
  public Office {
    natIps = List.copyOf(natIps);
  }
}
