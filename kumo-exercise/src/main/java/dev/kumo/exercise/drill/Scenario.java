package dev.kumo.exercise.drill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** A scenario and its steps, in order of their first event (ties: order in the labels file). */
public record Scenario(String id, @Nullable String title, List<Step> steps) {
  public Scenario {
    steps = List.copyOf(steps);
  }

  /**
   * Groups labels into scenarios (in order of first appearance) and steps. A step takes its
   * technique, tactic, source and titles from its first label.
   */
  public static List<Scenario> of(List<Label> labels) {
    Map<String, Map<String, List<Label>>> byScenario = new LinkedHashMap<>();
    for (Label l : labels) {
      byScenario.computeIfAbsent(l.scenario(), k -> new LinkedHashMap<>())
          .computeIfAbsent(l.step(), k -> new ArrayList<>()).add(l);
    }
    List<Scenario> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<Label>>> s : byScenario.entrySet()) {
      List<Step> steps = new ArrayList<>();
      String title = null;
      for (List<Label> group : s.getValue().values()) {
        Label first = group.get(0);
        TreeSet<String> ids = new TreeSet<>();
        TreeSet<Label.Location> locations = new TreeSet<>();
        java.time.Instant firstTime = first.time();
        for (Label l : group) {
          if (l.eventId() != null) {
            ids.add(l.eventId());
          } else if (l.location() != null) {
            locations.add(l.location());
          }
          if (l.time().isBefore(firstTime)) {
            firstTime = l.time();
          }
          if (title == null && l.scenarioTitle() != null) {
            title = l.scenarioTitle();
          }
        }
        steps.add(new Step(s.getKey(), first.scenarioTitle(), first.step(), first.stepTitle(), first.technique(),
            first.tactic(), first.source(), first.threat(), new ArrayList<>(ids), new ArrayList<>(locations),
            firstTime, group.size()));
      }
      // stable: steps with the same first time keep their order in the labels file
      steps.sort(Comparator.comparing(Step::firstTime));
      out.add(new Scenario(s.getKey(), title, steps));
    }
    return out;
  }
}
