package dev.kumo.event;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of a cost report (Cost and Usage Report 2.0 or FOCUS): what was used, where and at what
 * cost. The event time is the start of the charge period.
 *
 * @param usageType the provider's usage type, e.g. {@code APS3-BoxUsage:p3.16xlarge}
 */
public record BillingLine(@Nullable String service, @Nullable String usageType, @Nullable String operation,
    @Nullable String resourceId, @Nullable Double cost, @Nullable String currency, @Nullable Double usageAmount,
    @Nullable String usageUnit, @Nullable Instant periodEnd, @Nullable String chargeType) implements Details {}
