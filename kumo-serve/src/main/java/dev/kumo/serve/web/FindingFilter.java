package dev.kumo.serve.web;

import dev.kumo.finding.Finding;
import dev.kumo.sigma.Level;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The findings search: every given condition must hold. Suppressed findings are left out.
 *
 * @param level findings at this level or above, or null for all
 * @param rule text the rule id or title contains (case-insensitive), or null
 * @param actor text the principal or access key contains (case-insensitive), or null
 * @param from earliest finding time (inclusive), or null
 * @param to latest finding time (exclusive), or null
 * @param limit most findings returned (the rest are counted)
 */
public record FindingFilter(@Nullable Level level, @Nullable String rule, @Nullable String actor,
    @Nullable Instant from, @Nullable Instant to, int limit) {
  public static final int DEFAULT_LIMIT = 500;
  public static final int MAX_LIMIT = 10_000;

  public FindingFilter {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
    }
    rule = blankToNull(rule);
    actor = blankToNull(actor);
  }

  /** The filter of a request's query ({@code level rule actor from to limit}); bad values answer 400. */
  static FindingFilter of(Context ctx) {
    try {
      return parse(ctx.queryParam("level"), ctx.queryParam("rule"), ctx.queryParam("actor"), ctx.queryParam("from"),
          ctx.queryParam("to"), ctx.queryParam("limit"));
    } catch (IllegalArgumentException e) {
      throw new WebError(400, e.getMessage());
    }
  }

  /** Reads the filter from request parameters (null or blank = not given); bad values throw with the reason. */
  public static FindingFilter parse(@Nullable String level, @Nullable String rule, @Nullable String actor,
      @Nullable String from, @Nullable String to, @Nullable String limit) {
    Level lv = null;
    if (blankToNull(level) != null) {
      lv = Level.parse(level);
      if (lv == null) {
        throw new IllegalArgumentException("unknown level (informational, low, medium, high, critical)");
      }
    }
    int n = DEFAULT_LIMIT;
    if (blankToNull(limit) != null) {
      try {
        n = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("limit must be a whole number");
      }
    }
    return new FindingFilter(lv, rule, actor, instant("from", from), instant("to", to), n);
  }

  static @Nullable Instant instant(String name, @Nullable String text) {
    String t = blankToNull(text);
    if (t == null) {
      return null;
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException(name + " must be a time such as 2026-03-01T12:00:00Z or a date 2026-03-01");
      }
    }
  }

  public boolean matches(Finding f) {
    if (f.suppressedBy() != null) {
      return false;
    }
    if (level != null && !f.level().atLeast(level)) {
      return false;
    }
    if (rule != null && !contains(f.ruleId(), rule) && !contains(f.ruleTitle(), rule)) {
      return false;
    }
    if (actor != null && !contains(f.event().principal(), actor) && !contains(f.event().accessKeyId(), actor)) {
      return false;
    }
    if (from != null && f.time().isBefore(from)) {
      return false;
    }
    return to == null || f.time().isBefore(to);
  }

  private static boolean contains(@Nullable String value, String part) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
