package dev.kumo.sigma;

import java.io.Serializable;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/** A rule's {@code logsource}: which events it applies to. Absent attributes do not restrict. */
public record RuleLogsource(@Nullable String category, @Nullable String product, @Nullable String service,
    @Nullable String definition, Map<String, String> custom) implements Serializable {
  public RuleLogsource {
    custom = Map.copyOf(custom);
  }

  /** Whether every attribute this logsource states equals the one in {@code other}. */
  public boolean isSatisfiedBy(RuleLogsource other) {
    return (category == null || category.equalsIgnoreCase(String.valueOf(other.category)))
        && (product == null || product.equalsIgnoreCase(String.valueOf(other.product)))
        && (service == null || service.equalsIgnoreCase(String.valueOf(other.service)));
  }

  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", "{", "}");
    if (category != null) {
      j.add("category: " + category);
    }
    if (product != null) {
      j.add("product: " + product);
    }
    if (service != null) {
      j.add("service: " + service);
    }
    return j.toString();
  }
}
