package dev.kumo.ruletest;

import dev.kumo.json.JsonObject;
import java.util.List;

/**
 * A parsed {@code .tests.yml} file.
 *
 * @param rule the rule under test: its id, name or file name (with or without {@code .yml})
 */
public record RuleTestFile(String file, String rule, List<Case> cases) {
  public RuleTestFile {
    cases = List.copyOf(cases);
  }

  /**
   * One case: a single event, or an ordered list of events for correlation rules.
   *
   * @param line where the case starts in the file
   */
  public record Case(String name, boolean match, List<JsonObject> events, int line) {
    public Case {
      events = List.copyOf(events);
    }
  }
}
