package dev.kumo.casestore;

import dev.kumo.incident.GroupingOptions;

/**
 * How a load writes a case.
 *
 * @param keepRaw also store each event's whole original record ({@code events.raw}); the records are
 *     most of the bytes, so this makes loading about twice as slow and the case about ten times larger
 * @param grouping how the incidents are grouped
 */
public record CaseOptions(boolean keepRaw, GroupingOptions grouping) {
  /** Without raw records, default grouping. */
  public static final CaseOptions DEFAULTS = new CaseOptions(false, GroupingOptions.DEFAULTS);
}
