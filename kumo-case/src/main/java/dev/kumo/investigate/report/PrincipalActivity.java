package dev.kumo.investigate.report;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one principal did in the case (a row of the case's {@code principals} view, plus errors).
 * Strings are raw log text.
 *
 * @param principal the principal's ARN or name
 * @param type the principal type the logs give most often (e.g. {@code IAMUser}), or null
 * @param firstSeen time of its first event
 * @param lastSeen time of its last event
 * @param accounts accounts it acted in, sorted
 * @param regions regions it acted in, sorted
 * @param sourceIps addresses it called from, sorted
 * @param userAgents user agents it used, sorted
 * @param events its events
 * @param errors its events that returned an error code
 * @param findings findings on its events
 */
public record PrincipalActivity(String principal, @Nullable String type, Instant firstSeen, Instant lastSeen,
    List<String> accounts, List<String> regions, List<String> sourceIps, List<String> userAgents, long events,
    long errors, long findings) {
  public PrincipalActivity {
    accounts = List.copyOf(accounts);
    regions = List.copyOf(regions);
    sourceIps = List.copyOf(sourceIps);
    userAgents = List.copyOf(userAgents);
  }
}
