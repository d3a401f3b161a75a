package dev.kumo.posture.deadspot;

import dev.kumo.exercise.tabletop.Threat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One control of the catalog.
 *
 * @param id CCM-style id, e.g. {@code LOG-03}
 * @param threats the report threats it defends, most important first (empty for governance controls)
 * @param attack ATT&amp;CK technique ids it helps detect or prevent
 * @param ownership ownership per service model
 * @param services per-service ownership overriding the model's (service id → ownership)
 * @param checks posture checks that give evidence
 * @param telemetry log sources whose detections give evidence
 * @param verify true when the provider's part must be verified by the customer with a recorded attestation
 */
public record Control(String id, String domain, String title, String description, List<Threat> threats,
    List<String> attack, Map<ServiceModel, Ownership> ownership, Map<String, Ownership> services,
    List<String> checks, List<String> telemetry, boolean verify) {
  public Control {
    threats = List.copyOf(threats);
    attack = List.copyOf(attack);
    ownership = Map.copyOf(ownership);
    services = Map.copyOf(services);
    checks = List.copyOf(checks);
    telemetry = List.copyOf(telemetry);
  }

  /** Ownership for one service: its override, else its model's. */
  public Ownership ownershipFor(Service service) {
    Ownership o = services.get(service.id());
    return o != null ? o : ownership.getOrDefault(service.model(), Ownership.NOT_APPLICABLE);
  }

  /** The threat it leaves open first, or null when it is tied to none. */
  public @Nullable Threat primaryThreat() {
    return threats.isEmpty() ? null : threats.get(0);
  }
}
