package dev.kumo.intel;

import java.io.Serializable;
import java.util.Locale;

/**
 * Who operates the network an address belongs to.
 *
 * @param owner short owner name: {@code aws}, {@code gcp}, {@code azure}, {@code oci}, {@code ovh},
 *     {@code cloudflare}, or {@code vpn-or-hosting}
 * @param kind what kind of network it is
 */
public record NetworkOwner(String owner, Kind kind) implements Serializable {

  /** Network kinds, most authoritative first: a cloud range beats a VPN list that also covers it. */
  public enum Kind {
    CLOUD,
    CDN,
    HOSTING,
    VPN;

    /** The lower-case name used in the ranges file and in findings. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
