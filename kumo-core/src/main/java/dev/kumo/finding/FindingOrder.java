package dev.kumo.finding;

import java.util.Comparator;
import java.util.Iterator;

/**
 * The one order findings are written in: by event time, then level (highest first), rule title, rule
 * id, event id and correlation group. Total, so output is identical across runs and thread counts.
 */
public final class FindingOrder {
  /** Written out by hand: it runs millions of times when large hunts are sorted. */
  public static final Comparator<Finding> ORDER = FindingOrder::compare;

  private FindingOrder() {}

  private static int compare(Finding a, Finding b) {
    int c = a.event().time().compareTo(b.event().time());
    if (c != 0) {
      return c;
    }
    c = b.level().compareTo(a.level());
    if (c != 0) {
      return c;
    }
    c = a.ruleTitle().compareTo(b.ruleTitle());
    if (c != 0) {
      return c;
    }
    c = a.ruleId().compareTo(b.ruleId());
    if (c != 0) {
      return c;
    }
    c = a.event().id().compareTo(b.event().id());
    if (c != 0) {
      return c;
    }
    return compareGroups(a.correlation(), b.correlation());
  }

  private static int compareGroups(CorrelationInfo a, CorrelationInfo b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    Iterator<String> x = a.group().values().iterator();
    Iterator<String> y = b.group().values().iterator();
    while (x.hasNext() && y.hasNext()) {
      String u = x.next();
      String v = y.next();
      int c = u == null ? (v == null ? 0 : -1) : v == null ? 1 : u.compareTo(v);
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(x.hasNext(), y.hasNext());
  }
}
