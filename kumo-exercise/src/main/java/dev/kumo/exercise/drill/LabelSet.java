package dev.kumo.exercise.drill;

import java.util.List;

/**
 * The labels read from one file, and the lines that were skipped.
 *
 * @param file the labels file as named by the caller
 * @param problems the first {@link LabelReader#MAX_PROBLEMS} skipped lines with their reasons
 * @param skipped how many lines were skipped in all
 */
public record LabelSet(String file, List<Label> labels, List<LabelProblem> problems, long skipped) {
  public LabelSet {
    labels = List.copyOf(labels);
    problems = List.copyOf(problems);
  }
}
