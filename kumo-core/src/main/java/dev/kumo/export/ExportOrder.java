package dev.kumo.export;

import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@link FindingOrder#ORDER}, made total for exports: findings it ranks equal (the same rule, event and
 * group) are ordered by mutelist entry (unsuppressed first), reason and evidence, so that no input order
 * shows through in the output.
 */
final class ExportOrder {
  static final Comparator<Finding> TOTAL = FindingOrder.ORDER
      .thenComparing(Finding::suppressedBy, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Finding::reason)
      .thenComparing(f -> String.join("\u0000", f.evidence()));

  private ExportOrder() {}

  static List<Finding> sorted(List<Finding> findings) {
    List<Finding> out = new ArrayList<>(findings);
    out.sort(TOTAL);
    return out;
  }
}
