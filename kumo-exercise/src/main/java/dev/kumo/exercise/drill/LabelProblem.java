package dev.kumo.exercise.drill;

/** A labels-file line that was skipped, with where and why. */
public record LabelProblem(String file, long line, String reason) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + reason;
  }
}
