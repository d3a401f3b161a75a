package dev.kumo.cli;

/** Exit codes of every kumo command (documented in the README). */
public final class ExitCode {
  /** The command did what was asked (findings or not, unless --fail-on says otherwise). */
  public static final int OK = 0;
  /** An unexpected internal error; please report it. */
  public static final int SOFTWARE = 1;
  /** Wrong command line: unknown option, bad value. */
  public static final int USAGE = 2;
  /** --strict and an input file or record could not be read. */
  public static final int BAD_INPUT = 3;
  /** None of the given inputs exists or can be read. */
  public static final int NO_INPUT = 4;
  /** Rules failed to load (lint) or rule tests failed (rules test). */
  public static final int RULES = 5;
  /** --fail-on LEVEL and there are findings at or above that level. */
  public static final int FINDINGS = 10;

  private ExitCode() {}
}
