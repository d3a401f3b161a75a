package dev.kumo.intel;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What an indicator's value is. Besides the types MISP and STIX share, the cloud-native ones they
 * lack: access key ids, account ids, ARNs, crypto wallet addresses and (attack tool) user agents.
 */
public enum IndicatorType {
  /** An IPv4 or IPv6 address or network (CIDR); the value is canonical ({@code 10.0.0.0/8}, {@code 2001:db8::1}). */
  IP("ip"),
  /** A domain name, lower case, without trailing dot; matches the domain and all its subdomains. */
  DOMAIN("domain"),
  /** A whole URL, as given (scheme and host lower-cased). */
  URL("url"),
  /** An MD5, SHA-1, SHA-256 or SHA-512 file hash, lower-case hex. */
  FILE_HASH("file-hash"),
  /** An e-mail address, lower case. */
  EMAIL("email"),
  /** An HTTP user agent, matched exactly. */
  USER_AGENT("user-agent"),
  /** A cloud access key id (AWS {@code AKIA…}/{@code ASIA…}, GCP service-account key id, …). */
  ACCESS_KEY("access-key"),
  /** A cloud account id (AWS 12-digit account, Azure subscription or tenant id, GCP project). */
  ACCOUNT("account"),
  /** A role or user ARN (or another provider's principal name), matched exactly. */
  ARN("arn"),
  /** A cryptocurrency wallet address, matched exactly. */
  WALLET("wallet");

  private final String id;

  IndicatorType(String id) {
    this.id = id;
  }

  /** The name used in files and on the command line ({@code ip}, {@code domain}, {@code access-key}, ...). */
  public String id() {
    return id;
  }

  /** The type with this id (case-insensitive; {@code _} accepted for {@code -}), or null. */
  public static @Nullable IndicatorType fromId(String id) {
    String k = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (IndicatorType t : values()) {
      if (t.id.equals(k)) {
        return t;
      }
    }
    return null;
  }
}
