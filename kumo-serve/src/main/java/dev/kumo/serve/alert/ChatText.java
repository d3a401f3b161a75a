package dev.kumo.serve.alert;

import dev.kumo.text.Escape;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Escaping and cutting of log text for chat messages (Slack, Teams). Stateless. */
final class ChatText {
  /** Broadcast words a chat tool may turn into a notification of everyone in the channel. */
  private static final Pattern BROADCAST = Pattern.compile("@(channel|here|everyone|all)\\b",
      Pattern.CASE_INSENSITIVE);

  private ChatText() {}

  /**
   * For Slack mrkdwn and plain text: control and invisible characters made visible, {@code & < >} as entities (so
   * no {@code <!channel>}, {@code <@U..>} or {@code <url|label>} can be formed) and broadcast words such as
   * {@code @channel} broken with a zero-width joiner so they do not notify.
   */
  static String slack(String s) {
    String t = Escape.terminal(s);
    StringBuilder sb = new StringBuilder(t.length() + 8);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    return breakBroadcasts(sb.toString());
  }

  /**
   * For Teams Adaptive Card text (a Markdown subset): HTML entities and backslash escapes of Markdown
   * characters ({@link Escape#markdown}), broadcast words broken.
   */
  static String teams(String s) {
    return breakBroadcasts(Escape.markdown(s));
  }

  /** For plain notification text: control characters made visible, broadcast words broken. */
  static String plain(String s) {
    return breakBroadcasts(Escape.terminal(s));
  }

  private static String breakBroadcasts(String s) {
    Matcher m = BROADCAST.matcher(s);
    if (!m.find()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 8);
    m.reset();
    while (m.find()) {
      m.appendReplacement(sb, "@\u2060" + Matcher.quoteReplacement(m.group(1)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * {@code s} cut to at most {@code max} characters, never inside an entity, a surrogate pair or a Markdown escape;
   * marked with an ellipsis.
   */
  static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    int amp = s.lastIndexOf('&', end - 1);
    if (amp >= 0 && amp > end - 8 && s.indexOf(';', amp) >= end) {
      end = amp;
    }
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    int slashes = 0;
    while (end - slashes > 0 && s.charAt(end - slashes - 1) == '\\') {
      slashes++;
    }
    if (slashes % 2 == 1) {
      end--; // never leave a dangling Markdown escape
    }
    return s.substring(0, end) + "\u2026";
  }

  /** Lower-case level id. */
  static String level(Alert a) {
    return a.level().id().toLowerCase(Locale.ROOT);
  }
}
