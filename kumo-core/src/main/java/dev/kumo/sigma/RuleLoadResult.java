package dev.kumo.sigma;

import java.util.ArrayList;
import java.util.List;

/** Rules that loaded, and every problem found on the way (errors name the rules that did not). */
public record RuleLoadResult(List<SigmaRule> rules, List<LoadProblem> problems) {
  public RuleLoadResult {
    rules = List.copyOf(rules);
    problems = List.copyOf(problems);
  }

  public static RuleLoadResult empty() {
    return new RuleLoadResult(List.of(), List.of());
  }

  public RuleLoadResult plus(RuleLoadResult other) {
    List<SigmaRule> r = new ArrayList<>(rules);
    r.addAll(other.rules);
    List<LoadProblem> p = new ArrayList<>(problems);
    p.addAll(other.problems);
    return new RuleLoadResult(r, p);
  }

  public List<LoadProblem> errors() {
    return problems.stream().filter(LoadProblem::isError).toList();
  }

  public List<LoadProblem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }
}
