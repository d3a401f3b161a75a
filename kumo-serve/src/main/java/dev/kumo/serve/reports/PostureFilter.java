package dev.kumo.serve.reports;

import dev.kumo.posture.check.Status;
import dev.kumo.posture.rank.Visibility;
import dev.kumo.sigma.Level;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which posture results to show; every given condition must hold.
 *
 * @param status results with this status, or null for every status (the default is {@link Status#FAIL})
 * @param severity results at exactly this severity, or null
 * @param provider results on this provider ({@code aws}, {@code azure}, {@code gcp}), or null
 * @param visibility results with this visibility, or null
 * @param text text the check id or title, or the resource's id, name, account or region contains
 *     (case-insensitive), or null
 * @param limit most results returned (the rest are counted)
 * @param offset matching results skipped first
 */
public record PostureFilter(@Nullable Status status, @Nullable Level severity, @Nullable String provider,
    @Nullable Visibility visibility, @Nullable String text, int limit, int offset) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 10_000;
  /** The {@code status} parameter's value for every status. */
  public static final String ALL = "all";

  public PostureFilter {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more");
    }
    provider = blankToNull(provider) == null ? null : provider.strip().toLowerCase(Locale.ROOT);
    text = blankToNull(text);
  }

  /** The failed results, first page. */
  public static PostureFilter failed() {
    return new PostureFilter(Status.FAIL, null, null, null, null, DEFAULT_LIMIT, 0);
  }

  /**
   * Reads the filter from request parameters (null or blank = not given); bad values throw with the reason.
   *
   * @param status {@code fail} (default), {@code pass}, {@code unknown}, {@code muted} or {@code all}
   */
  public static PostureFilter parse(@Nullable String status, @Nullable String severity, @Nullable String provider,
      @Nullable String visibility, @Nullable String text, @Nullable String limit, @Nullable String offset) {
    Status st = Status.FAIL;
    String s = blankToNull(status);
    if (s != null) {
      st = s.equalsIgnoreCase(ALL) ? null : enumValue(Status.class, s, "status", "fail, pass, unknown, muted or all");
    }
    Level lv = null;
    if (blankToNull(severity) != null) {
      lv = Level.parse(severity.strip());
      if (lv == null) {
        throw new IllegalArgumentException("unknown severity (informational, low, medium, high, critical)");
      }
    }
    Visibility vis = blankToNull(visibility) == null ? null
        : enumValue(Visibility.class, visibility, "visibility", "blind, unwatched, unknown or watched");
    return new PostureFilter(st, lv, provider, vis, text, number("limit", limit, DEFAULT_LIMIT),
        number("offset", offset, 0));
  }

  public boolean matches(PostureEntry e) {
    if (status != null && e.status() != status) {
      return false;
    }
    if (severity != null && e.severity() != severity) {
      return false;
    }
    if (provider != null && !e.resource().provider().equals(provider)) {
      return false;
    }
    if (visibility != null && e.visibility() != visibility) {
      return false;
    }
    return text == null || contains(e.check()) || contains(e.title()) || contains(e.resource().id())
        || contains(e.resource().name()) || contains(e.resource().account()) || contains(e.resource().region());
  }

  private boolean contains(String value) {
    return text != null && value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String text, String name, String known) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown " + name + " (" + known + ")");
    }
  }

  static int number(String name, @Nullable String text, int dflt) {
    String t = blankToNull(text);
    if (t == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number");
    }
  }

  static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
