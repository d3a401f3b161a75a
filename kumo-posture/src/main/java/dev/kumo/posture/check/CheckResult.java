package dev.kumo.posture.check;

import dev.kumo.posture.inventory.Resource;
import java.util.Comparator;

/**
 * One check's verdict on one resource.
 *
 * @param source {@code kumo} for built-in checks, {@code prowler} for imported Prowler findings
 */
public record CheckResult(CheckMeta check, Resource resource, Status status, String detail, String source) {
  /** Severity (highest first), check id, resource order. */
  public static final Comparator<CheckResult> ORDER = Comparator
      .comparing((CheckResult r) -> r.check().severity()).reversed()
      .thenComparing(r -> r.check().id()).thenComparing(CheckResult::resource, Resource.ORDER)
      .thenComparing(CheckResult::source);
}
