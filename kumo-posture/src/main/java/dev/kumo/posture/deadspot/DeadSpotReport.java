package dev.kumo.posture.deadspot;

import java.time.LocalDate;
import java.util.List;

/**
 * The dead-spot analysis of one organisation.
 *
 * @param deadSpots ranked by {@link DeadSpot#ORDER}
 * @param inScope ids of controls in scope (customer- or provider-side for some service in use), sorted
 * @param servicesInUse service ids seen in the inventory, sorted
 * @param unclassified services in use that the service catalog does not know (their ownership is unknown)
 * @param warnings owners-file entries naming unknown controls, services or domains, and similar
 */
public record DeadSpotReport(LocalDate day, List<DeadSpot> deadSpots, List<String> inScope,
    List<String> servicesInUse, List<String> unclassified, List<String> warnings) {
  /** Schema of the JSON form. */
  public static final String SCHEMA = "kumo.dead-spots/1";

  public DeadSpotReport {
    deadSpots = List.copyOf(deadSpots);
    inScope = List.copyOf(inScope);
    servicesInUse = List.copyOf(servicesInUse);
    unclassified = List.copyOf(unclassified);
    warnings = List.copyOf(warnings);
  }
}
