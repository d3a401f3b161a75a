package dev.kumo.serve.ingest;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Settings of the HTTP push input.
 *
 * @param tokenSha256 the SHA-256 hashes (hex) of the bearer tokens that may push; the tokens themselves
 *     are never stored
 * @param maxBatchBytes the largest body accepted, both as sent and after gzip is undone
 * @param maxBatchEvents the most records (array elements, documents or lines) one batch may hold
 */
public record PushConfig(List<String> tokenSha256, long maxBatchBytes, int maxBatchEvents) {
  public PushConfig {
    tokenSha256 = tokenSha256.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    for (String h : tokenSha256) {
      if (h.length() != 64 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw new IllegalArgumentException("an ingest token hash must be 64 hex digits (SHA-256)");
      }
    }
    if (maxBatchBytes < 1 || maxBatchBytes > Integer.MAX_VALUE - 16 || maxBatchEvents < 1) {
      throw new IllegalArgumentException("maxBatchBytes must be 1..2 GiB and maxBatchEvents positive");
    }
  }

  /** The given token hashes with 16 MiB and 100,000 records per batch. */
  public static PushConfig of(List<String> tokenSha256) {
    return new PushConfig(tokenSha256, 16L << 20, 100_000);
  }

  /** The hex SHA-256 of a token, as {@link #tokenSha256} holds it. */
  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
