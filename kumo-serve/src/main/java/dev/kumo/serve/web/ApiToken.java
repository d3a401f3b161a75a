package dev.kumo.serve.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A bearer token for the API, configured by the SHA-256 of its secret (the secret itself is never stored).
 *
 * @param name who or what uses the token (shown as the author of its notes)
 * @param sha256 the lower-case hex SHA-256 of the token text
 */
public record ApiToken(String name, Role role, String sha256) {
  /** The lower-case hex SHA-256 of {@code token} (UTF-8), as configured. */
  public static String digest(String token) {
    return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "ApiToken[" + name + ", " + role.id() + "]";
  }
}
