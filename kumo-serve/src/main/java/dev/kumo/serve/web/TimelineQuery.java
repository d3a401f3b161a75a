package dev.kumo.serve.web;

import dev.kumo.investigate.TimelineSeed;
import io.javalin.http.Context;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads a timeline seed from request parameters: exactly one of {@link #KEYS}, plus optional from, to, limit. */
final class TimelineQuery {
  static final String[] KEYS = {"principal", "access_key", "ip", "resource", "session"};
  static final int DEFAULT_LIMIT = 500;
  static final int MAX_LIMIT = 10_000;
  static final int MAX_VALUE = 2048;

  private TimelineQuery() {}

  /** The seed, or null when no pivot is given; a bad request throws a 400. */
  static @Nullable TimelineSeed seed(Context ctx) {
    String key = null;
    String value = null;
    for (String k : KEYS) {
      String v = ctx.queryParam(k);
      if (v != null && !v.isBlank()) {
        if (key != null) {
          throw new WebError(400, "give one of principal, access_key, ip, resource or session");
        }
        key = k;
        value = v.strip();
      }
    }
    if (key == null || value == null) {
      return null;
    }
    if (value.length() > MAX_VALUE) {
      throw new WebError(400, key + " longer than " + MAX_VALUE + " characters");
    }
    int limit = DEFAULT_LIMIT;
    String l = ctx.queryParam("limit");
    if (l != null && !l.isBlank()) {
      try {
        limit = Integer.parseInt(l.strip());
      } catch (NumberFormatException e) {
        throw new WebError(400, "limit must be a whole number");
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new WebError(400, "limit must be from 1 to " + MAX_LIMIT);
      }
    }
    try {
      return new TimelineSeed(TimelineSeed.Kind.valueOf(key.toUpperCase(Locale.ROOT)), value,
          FindingFilter.instant("from", ctx.queryParam("from")), FindingFilter.instant("to", ctx.queryParam("to")),
          limit);
    } catch (IllegalArgumentException e) {
      throw new WebError(400, e.getMessage());
    }
  }

  static String key(TimelineSeed.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
