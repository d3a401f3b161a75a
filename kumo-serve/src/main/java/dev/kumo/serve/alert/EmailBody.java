package dev.kumo.serve.alert;

import dev.kumo.text.Escape;

/**
 * The subject and plain-text body of an alert e-mail. Log text has control characters made visible, so it cannot
 * add header lines to the subject or reshape the body; the body is text/plain, never HTML. Stateless.
 */
final class EmailBody {
  static final int SUBJECT_MAX = 200;
  static final int REASON_MAX = 4000;

  private EmailBody() {}

  static String subject(Alert a) {
    String s = "[Kumo] " + Escape.terminal(a.headline());
    return s.length() > SUBJECT_MAX ? s.substring(0, SUBJECT_MAX) + "\u2026" : s;
  }

  static String text(Alert a) {
    StringBuilder sb = new StringBuilder(1024);
    sb.append(Escape.terminal(a.headline())).append("\n\n");
    String reason = Escape.terminal(a.reason());
    sb.append(reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX) + "\u2026" : reason).append("\n\n");
    for (AlertFacts.Fact f : AlertFacts.of(a)) {
      sb.append(f.label()).append(": ").append(Escape.terminal(f.value())).append('\n');
    }
    String credit = a.credit();
    if (credit != null) {
      sb.append('\n').append(Escape.terminal(credit)).append('\n');
    }
    sb.append("\n-- \nKumo alert (").append(Alert.SCHEMA).append(", ").append(a.kind().id()).append(")\n");
    return sb.toString();
  }
}
