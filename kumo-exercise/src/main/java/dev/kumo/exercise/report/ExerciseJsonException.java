package dev.kumo.exercise.report;

import java.io.IOException;

/** An {@code exercise.json} that is not a readable {@code kumo.exercise/1} document; the message names the file. */
public final class ExerciseJsonException extends IOException {
  private static final long serialVersionUID = 1L;

  public ExerciseJsonException(String message) {
    super(message);
  }
}
