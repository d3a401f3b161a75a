package dev.kumo.net;

import java.io.Serializable;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** An IPv4 or IPv6 network in CIDR form. Immutable. */
public final class IpNetwork implements Serializable {
  private static final long serialVersionUID = 1L;

  private final byte[] address;
  private final int prefix;

  private IpNetwork(byte[] address, int prefix) {
    this.address = address;
    this.prefix = prefix;
  }

  /**
   * Parses {@code a.b.c.d/n}, {@code x::y/n}, or a bare address (a host network).
   *
   * @throws IllegalArgumentException with a one-line reason when the text is not a network
   */
  public static IpNetwork parse(String cidr) {
    String s = cidr.trim();
    int slash = s.indexOf('/');
    String addr = slash < 0 ? s : s.substring(0, slash);
    byte[] a = IpAddress.parse(addr);
    if (a == null) {
      throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 or IPv6 network");
    }
    int bits = a.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(s.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + cidr + "' has an invalid prefix length");
      }
      if (addr.indexOf(':') >= 0 && a.length == 4) {
        prefix -= 96; // IPv4-mapped IPv6 network
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0-" + bits);
      }
    }
    byte[] masked = a.clone();
    for (int i = 0; i < masked.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      masked[i] &= (byte) (0xff << (8 - keep));
    }
    return new IpNetwork(masked, prefix);
  }


  public int prefix() {
    return prefix;
  }

  /** The network address bytes (a copy). */
  public byte[] address() {
    return address.clone();
  }

  /** Whether the parsed address {@code ip} (4 or 16 bytes) lies in this network. */
  public boolean contains(byte[] ip) {
    if (ip.length != address.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (ip[i] != address[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (ip[full] & mask) == (address[full] & 0xff);
  }

  /** Whether the address literal {@code ip} lies in this network; false for non-addresses. */
  public boolean contains(String ip) {
    byte[] a = IpAddress.parse(ip);
    return a != null && contains(a);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IpNetwork n && n.prefix == prefix && Arrays.equals(n.address, address);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(address) + prefix;
  }

  @Override
  public String toString() {
    return IpAddress.format(address) + "/" + prefix;
  }
}
