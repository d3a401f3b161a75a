package dev.kumo.correlate;

import dev.kumo.json.FieldPath;
import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How matches of one rule feed one correlation.
 *
 * @param correlation index of the correlation in the plan
 * @param member position of the rule in the correlation's {@code rules} list
 * @param groupBy record paths of the group-by fields for this rule (aliases resolved, fields mapped)
 * @param value record path of the counted/summed field, for value_* types
 */
public record CorrelationFeed(int correlation, int member, List<FieldPath> groupBy, @Nullable FieldPath value)
    implements Serializable {
  public CorrelationFeed {
    groupBy = List.copyOf(groupBy);
  }
}
