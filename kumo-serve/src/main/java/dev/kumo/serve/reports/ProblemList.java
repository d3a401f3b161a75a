package dev.kumo.serve.reports;

import java.util.ArrayList;
import java.util.List;

/** Collects {@code file:line: reason} problems, keeping the first {@value #MAX} and counting the rest. */
final class ProblemList {
  static final int MAX = 100;
  private final List<String> kept = new ArrayList<>();
  private int more;

  void add(String problem) {
    if (kept.size() < MAX) {
      kept.add(problem);
    } else {
      more++;
    }
  }

  List<String> list() {
    List<String> out = new ArrayList<>(kept);
    if (more > 0) {
      out.add("... and " + more + " more");
    }
    return out;
  }
}
