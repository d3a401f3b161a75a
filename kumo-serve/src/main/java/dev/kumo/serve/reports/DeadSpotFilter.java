package dev.kumo.serve.reports;

import dev.kumo.posture.deadspot.Reason;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which dead spots to show; every given condition must hold.
 *
 * @param reason dead spots with this among their reasons, or null
 * @param domain dead spots in this CCM domain (e.g. {@code IAM}, case-insensitive), or null
 * @param limit most dead spots returned (the rest are counted)
 * @param offset matching dead spots skipped first
 */
public record DeadSpotFilter(@Nullable Reason reason, @Nullable String domain, int limit, int offset) {
  public static final int DEFAULT_LIMIT = 100;

  public DeadSpotFilter {
    if (limit < 1 || limit > PostureFilter.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + PostureFilter.MAX_LIMIT);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more");
    }
    domain = PostureFilter.blankToNull(domain);
  }

  /**
   * Reads the filter from request parameters (null or blank = not given); bad values throw with the reason.
   *
   * @param reason {@code failing-evidence}, {@code no-owner}, {@code no-evidence} or {@code unverified-provider}
   */
  public static DeadSpotFilter parse(@Nullable String reason, @Nullable String domain, @Nullable String limit,
      @Nullable String offset) {
    Reason r = PostureFilter.blankToNull(reason) == null ? null : PostureFilter.enumValue(Reason.class, reason,
        "reason", "failing-evidence, no-owner, no-evidence or unverified-provider");
    return new DeadSpotFilter(r, domain, PostureFilter.number("limit", limit, DEFAULT_LIMIT),
        PostureFilter.number("offset", offset, 0));
  }

  public boolean matches(DeadSpotEntry d) {
    return (reason == null || d.reasons().contains(reason))
        && (domain == null || d.domain().toLowerCase(Locale.ROOT).equals(domain.toLowerCase(Locale.ROOT)));
  }
}
