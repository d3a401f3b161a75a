package dev.kumo.posture.check;

/** What a rule says about one resource, with the reason in a few words. */
public record Verdict(Status status, String detail) {
  public static Verdict pass(String detail) {
    return new Verdict(Status.PASS, detail);
  }

  public static Verdict fail(String detail) {
    return new Verdict(Status.FAIL, detail);
  }

  /** The export lacks {@code what}; the check cannot decide. */
  public static Verdict unknown(String what) {
    return new Verdict(Status.UNKNOWN, "not in the inventory: " + what);
  }

  /** Pass when {@code ok}, else fail with {@code failDetail}. */
  public static Verdict of(boolean ok, String passDetail, String failDetail) {
    return ok ? pass(passDetail) : fail(failDetail);
  }
}
