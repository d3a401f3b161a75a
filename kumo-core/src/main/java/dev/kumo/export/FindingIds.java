package dev.kumo.export;

import dev.kumo.finding.Finding;
import dev.kumo.incident.FindingKey;

/** Stable ids of findings, shared by the exports so an OCSF finding and its STIX sighting can be joined. */
public final class FindingIds {
  private FindingIds() {}

  /**
   * The finding's UUID (version 5, in Kumo's namespace, over its {@link FindingKey}: rule, event and
   * correlation group). The same finding always has the same id; different findings differ.
   */
  public static String uid(Finding f) {
    FindingKey k = FindingKey.of(f);
    return Uuids.v5(Uuids.KUMO, "kumo.finding\u001f" + k.ruleId() + '\u001f' + k.eventId() + '\u001f' + k.group())
        .toString();
  }
}
