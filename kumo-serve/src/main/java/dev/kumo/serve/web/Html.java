package dev.kumo.serve.web;

import dev.kumo.text.Escape;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds an HTML page. {@link #text} escapes with {@link Escape#html} (every value from a log or a user goes
 * through it); {@link #raw} is for the page's own markup only. No inline scripts or styles: the CSP forbids them.
 */
final class Html {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);
  private final StringBuilder sb = new StringBuilder(8192);

  Html raw(String s) {
    sb.append(s);
    return this;
  }

  /** Escaped text; null shows as an em dash. */
  Html text(@Nullable String s) {
    sb.append(s == null ? "\u2014" : Escape.html(s));
    return this;
  }

  Html num(long n) {
    sb.append(n);
    return this;
  }

  Html time(@Nullable Instant t) {
    if (t == null) {
      return text(null);
    }
    sb.append("<time datetime=\"").append(t).append("\">").append(TIME.format(t)).append("</time>");
    return this;
  }

  /** A link to the console path {@code path} with query {@code key=value} (value URL-encoded, then escaped). */
  Html pivot(String key, @Nullable String value) {
    return pivot(key, value, "");
  }

  /** As {@link #pivot(String, String)}, with more query text (already URL-encoded) after the value. */
  Html pivot(String key, @Nullable String value, String moreQuery) {
    if (value == null || value.isBlank()) {
      return text(value);
    }
    sb.append("<a class=\"pivot\" href=\"/timeline?").append(key).append('=').append(Escape.html(url(value)))
        .append(Escape.html(moreQuery)).append("\"><code>");
    text(value);
    sb.append("</code></a>");
    return this;
  }

  /** A hidden CSRF form field. */
  Html csrf(@Nullable Session s) {
    if (s != null) {
      sb.append("<input type=\"hidden\" name=\"csrf\" value=\"").append(Escape.html(s.csrfToken())).append("\">");
    }
    return this;
  }

  Html list(List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      raw(i == 0 ? "" : ", ").raw("<code>").text(values.get(i)).raw("</code>");
    }
    return this;
  }

  static String url(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
