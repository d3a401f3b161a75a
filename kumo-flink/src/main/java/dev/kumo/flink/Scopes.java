package dev.kumo.flink;

import dev.kumo.correlate.CorrelationDef;
import dev.kumo.correlate.CorrelationFeed;
import dev.kumo.correlate.CorrelationInput;
import java.util.List;

/**
 * The keys the stateful stage partitions by. A correlation's state is its group (the values of its
 * {@code group-by} fields: a principal, an account, an address, ...), so each group is its own key
 * and groups spread over the cluster. Correlations chained to others (a correlation of correlations)
 * keep their whole chain under one key, since a hit of one group feeds a group of the other. A
 * detector's state spans the entities it watches (its baselines compare them), so each detector is
 * one key.
 */
final class Scopes {
  private final int[] family;
  private final boolean[] chained;

  Scopes(List<CorrelationDef> defs) {
    int n = defs.size();
    family = new int[n];
    chained = new boolean[n];
    for (int i = 0; i < n; i++) {
      family[i] = i;
    }
    for (CorrelationDef d : defs) {
      for (CorrelationFeed parent : d.parents()) {
        union(d.index(), parent.correlation());
        chained[d.index()] = true;
        chained[parent.correlation()] = true;
      }
    }
  }

  private int find(int i) {
    while (family[i] != i) {
      family[i] = family[family[i]];
      i = family[i];
    }
    return i;
  }

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra != rb) {
      family[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  /** {@code c<index>|<group values>}, or {@code chain<root>} for chained correlations. */
  String correlation(CorrelationInput in) {
    int c = in.correlation();
    if (chained[c]) {
      return "chain" + find(c);
    }
    StringBuilder sb = new StringBuilder("c").append(c).append('|');
    for (String v : in.groupValues()) {
      sb.append(v.length()).append(':').append(v).append('|');
    }
    return sb.toString();
  }

  /** {@code d<index>}. */
  static String detector(int index) {
    return "d" + index;
  }
}
