package dev.kumo.serve.web;

import org.jspecify.annotations.Nullable;

/** The console's page frame: head with the one stylesheet, navigation, logout form. No scripts. */
final class Layout {
  private static final String[][] NAV = {
      {"/", "Overview"}, {"/incidents", "Incidents"}, {"/findings", "Findings"}, {"/timeline", "Timeline"},
      {"/attack", "ATT&amp;CK"}, {"/posture", "Posture"}, {"/dead-spots", "Dead spots"}, {"/exercises", "Exercises"}};

  private Layout() {}

  /** A full page; {@code title} is the page's own text (escaped anyway), {@code body} is built HTML. */
  static String page(String title, @Nullable Caller caller, String active, String body) {
    Html h = new Html().raw(head(title)).raw("<header class=\"top\"><span class=\"brand\">Kumo</span><nav>");
    for (String[] n : NAV) {
      h.raw("<a href=\"").raw(n[0]).raw("\"").raw(n[0].equals(active) ? " aria-current=\"page\"" : "").raw(">")
          .raw(n[1]).raw("</a>");
    }
    h.raw("</nav>");
    if (caller != null) {
      h.raw("<form class=\"logout\" method=\"post\" action=\"/logout\"><span class=\"who\">").text(caller.name())
          .raw(" <span class=\"role\">").text(caller.role().id()).raw("</span></span>").csrf(caller.session())
          .raw("<button type=\"submit\">Log out</button></form>");
    }
    return h.raw("</header>\n<main>\n").raw(body).raw("\n</main></body></html>\n").toString();
  }

  /** A page without navigation (login, errors). */
  static String bare(String title, String body) {
    return head(title) + "<main class=\"narrow\">\n" + body + "\n</main></body></html>\n";
  }

  private static String head(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + new Html().text("Kumo \u00b7 " + title)
        + "</title><link rel=\"stylesheet\" href=\"/static/console.css\"></head><body>\n";
  }
}
