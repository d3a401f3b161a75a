package dev.kumo.intel;

import java.util.List;

/**
 * What reading one feed gave.
 *
 * @param indicators the usable indicators (canonical values)
 * @param problems what could not be used: unsupported pattern parts, bad values, malformed records
 * @param revoked ids of indicators the feed revokes (removed from the store on update)
 * @param warninglists lists of known-benign values the feed carries (MISP warninglists)
 */
public record IntelLoad(List<Indicator> indicators, List<IntelProblem> problems, List<String> revoked,
    List<Warninglist> warninglists) {

  public IntelLoad {
    indicators = List.copyOf(indicators);
    problems = List.copyOf(problems);
    revoked = List.copyOf(revoked);
    warninglists = List.copyOf(warninglists);
  }
}
