package dev.kumo.incident;

import dev.kumo.sigma.Level;
import java.time.Duration;

/**
 * How findings are grouped into incidents.
 *
 * @param minLevel findings below this level are not grouped (informational findings would glue
 *     unrelated activity together)
 * @param window two findings that share an identity chain, an address or a host are joined only when
 *     no more than this apart (measured between consecutive findings of that shared entity)
 * @param maxIdentitiesPerAddress an address shared by findings of more identity chains than this is
 *     treated as shared infrastructure (a NAT gateway, an office) and does not join findings
 */
public record GroupingOptions(Level minLevel, Duration window, int maxIdentitiesPerAddress) {
  /** Low and above, six hours, two identities per address. */
  public static final GroupingOptions DEFAULTS = new GroupingOptions(Level.LOW, Duration.ofHours(6), 2);

  public GroupingOptions {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("grouping window must be positive: " + window);
    }
    if (maxIdentitiesPerAddress < 1) {
      throw new IllegalArgumentException("maxIdentitiesPerAddress must be at least 1");
    }
  }
}
