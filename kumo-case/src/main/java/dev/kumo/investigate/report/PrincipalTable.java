package dev.kumo.investigate.report;

import java.util.List;

/** The top principals: who acted, from where, with what, and how much of it was flagged. */
final class PrincipalTable {
  private static final int MAX_LISTED = 5;

  private PrincipalTable() {}

  static void write(List<PrincipalActivity> principals, HtmlOut o) {
    o.raw("<section id=\"principals\"><h2>Top principals</h2>\n");
    if (principals.isEmpty()) {
      o.raw("<p class=\"empty\">No principals in the case.</p>\n</section>\n");
      return;
    }
    o.raw("<div class=\"scroll\"><table class=\"principals\"><thead><tr><th>Principal</th><th>Type</th>")
        .raw("<th>First seen</th><th>Last seen</th><th>Accounts</th><th>Regions</th><th>Source IPs</th>")
        .raw("<th>User agents</th><th class=\"n\">Events</th><th class=\"n\">Errors</th>")
        .raw("<th class=\"n\">Findings</th></tr></thead><tbody>\n");
    for (PrincipalActivity p : principals) {
      o.raw("<tr").raw(p.findings() > 0 ? " class=\"flagged\"" : "").raw("><td><code>").text(p.principal())
          .raw("</code></td><td>").text(p.type()).raw("</td><td>").time(p.firstSeen()).raw("</td><td>")
          .time(p.lastSeen()).raw("</td><td>").list(p.accounts(), MAX_LISTED).raw("</td><td>")
          .list(p.regions(), MAX_LISTED).raw("</td><td>").list(p.sourceIps(), MAX_LISTED).raw("</td><td class=\"ua\">")
          .list(p.userAgents(), MAX_LISTED).raw("</td><td class=\"n\">").num(p.events()).raw("</td><td class=\"n\">")
          .num(p.errors()).raw("</td><td class=\"n\">").num(p.findings()).raw("</td></tr>\n");
    }
    o.raw("</tbody></table></div>\n</section>\n");
  }
}
