package dev.kumo.investigate.report;

import dev.kumo.sigma.Level;
import dev.kumo.text.Escape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Writes markup: {@link #raw} for the renderer's own constant markup, {@link #text} for everything
 * else (escaped for HTML text and quoted attribute values). Not thread-safe.
 */
final class HtmlOut {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Writer out;

  HtmlOut(Writer out) {
    this.out = out;
  }

  /** Markup written by the renderer itself; never log text. */
  HtmlOut raw(String markup) {
    try {
      out.write(markup);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Text, escaped; {@code -} for null. */
  HtmlOut text(@Nullable String s) {
    return raw(esc(s));
  }

  HtmlOut num(long n) {
    return raw(Long.toString(n));
  }

  /** A time in UTC to the second, in a {@code <time>} element; {@code -} for null. */
  HtmlOut time(@Nullable Instant t) {
    if (t == null) {
      return raw("-");
    }
    String s = TIME.format(t);
    return raw("<time datetime=\"").raw(esc(t.toString())).raw("\">").raw(esc(s)).raw("</time>");
  }

  /** A level badge. */
  HtmlOut level(Level l) {
    return raw("<span class=\"badge lv-").raw(l.id()).raw("\">").raw(l.id()).raw("</span>");
  }

  /** Items as escaped text, comma separated, at most {@code max} (then "+N more"); {@code -} if empty. */
  HtmlOut list(List<String> items, int max) {
    if (items.isEmpty()) {
      return raw("-");
    }
    for (int i = 0; i < Math.min(max, items.size()); i++) {
      if (i > 0) {
        raw(", ");
      }
      raw("<code>").text(items.get(i)).raw("</code>");
    }
    if (items.size() > max) {
      raw(" <span class=\"muted\">+").num(items.size() - max).raw(" more</span>");
    }
    return this;
  }

  /** Escaped for HTML text and quoted attributes; {@code -} for null. */
  static String esc(@Nullable String s) {
    return s == null ? "-" : Escape.html(s);
  }

  /** A time in UTC to the second, plain text. */
  static String timeText(Instant t) {
    return TIME.format(t);
  }
}
