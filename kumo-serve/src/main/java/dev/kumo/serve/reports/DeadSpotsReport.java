package dev.kumo.serve.reports;

import java.util.List;

/**
 * A {@code kumo.dead-spots/1} report as read.
 *
 * @param day the day of the analysis ({@code YYYY-MM-DD} as written, {@code ""} when missing)
 * @param deadSpots the readable dead spots in the report's (ranked) order
 * @param inScope ids of the controls in scope
 * @param warnings the analysis's own warnings (owners file entries and the like)
 * @param problems dead spots that could not be read, as {@code file:line: reason}
 */
public record DeadSpotsReport(String day, List<DeadSpotEntry> deadSpots, List<String> inScope,
    List<String> servicesInUse, List<String> unclassifiedServices, List<String> warnings, List<String> problems) {
  public DeadSpotsReport {
    deadSpots = List.copyOf(deadSpots);
    inScope = List.copyOf(inScope);
    servicesInUse = List.copyOf(servicesInUse);
    unclassifiedServices = List.copyOf(unclassifiedServices);
    warnings = List.copyOf(warnings);
    problems = List.copyOf(problems);
  }
}
