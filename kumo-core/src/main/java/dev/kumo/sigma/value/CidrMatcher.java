package dev.kumo.sigma.value;

import dev.kumo.net.IpAddress;
import dev.kumo.net.IpNetwork;

/** The {@code cidr} modifier: the value is an IPv4 or IPv6 address inside the network. */
public record CidrMatcher(IpNetwork network) implements ValueMatcher {
  @Override
  public boolean test(Object leaf) {
    if (!(leaf instanceof String s)) {
      return false;
    }
    byte[] ip = IpAddress.parse(s);
    return ip != null && network.contains(ip);
  }

  @Override
  public String describe() {
    return "in network " + network;
  }
}
