package dev.kumo.cli.output;

import java.util.Map;

/**
 * What rules a run used, for the summary.
 *
 * @param bySource compiled rules per log source
 * @param unrouted detection rules for log sources Kumo cannot read (loaded, never evaluated)
 * @param loadErrors rules that failed to load
 * @param detectors Java detectors enabled
 */
public record RulesInfo(int builtin, int user, int correlations, Map<String, Integer> bySource, int unrouted,
    int loadErrors, int detectors) {
  public int total() {
    return builtin + user;
  }
}
