package dev.kumo.ingest.netlogs;

import java.util.List;
import java.util.function.Predicate;

/** Deciding from a file's first lines whether it is a given text log. */
public final class Sniffing {
  private Sniffing() {}

  /**
   * Whether the first line is such a line, or at least half of the lines are (so one damaged first
   * line does not make a whole file unreadable).
   */
  public static boolean firstOrMost(List<String> firstLines, Predicate<String> isLine) {
    if (firstLines.isEmpty()) {
      return false;
    }
    if (isLine.test(firstLines.get(0))) {
      return true;
    }
    int n = firstLines.size();
    if (n < 2) {
      return false;
    }
    int matching = 0;
    for (String line : firstLines) {
      if (isLine.test(line)) {
        matching++;
      }
    }
    return matching * 2 >= n;
  }
}
