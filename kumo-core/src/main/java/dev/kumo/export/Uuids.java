package dev.kumo.export;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Name-based UUIDs, version 5 (SHA-1, RFC 9562 section 5.5). */
final class Uuids {
  /**
   * Kumo's namespace for the ids of findings and of the STIX domain objects it writes: the v5 UUID of
   * {@code urn:kumo:export} in the RFC 9562 URL namespace. Never change it: ids would change.
   */
  static final UUID KUMO = UUID.fromString("673630c3-6dcc-5eee-8b6c-83886d6b2e7c");

  private Uuids() {}

  /** The version-5 UUID of {@code name} (UTF-8) in {@code namespace}. */
  static UUID v5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java platform", e);
    }
    ByteBuffer ns = ByteBuffer.allocate(16);
    ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
    sha1.update(ns.array());
    byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    h[6] = (byte) ((h[6] & 0x0f) | 0x50); // version 5
    h[8] = (byte) ((h[8] & 0x3f) | 0x80); // RFC 4122 variant
    ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
    return new UUID(b.getLong(), b.getLong());
  }
}
