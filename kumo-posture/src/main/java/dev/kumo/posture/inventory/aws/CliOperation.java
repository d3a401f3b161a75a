package dev.kumo.posture.inventory.aws;

import java.util.Set;

/**
 * How one AWS CLI operation's output is read.
 *
 * @param name file name stem, {@code <service>-<operation>}, e.g. {@code ec2-describe-instances}
 * @param perResource true when files are named {@code <name>.<resource>.json}
 * @param global true for account-wide services (IAM, S3, STS, Budgets), read from any folder with region ""
 * @param phase outputs are read in phase order (lists before the per-resource calls that refer to them)
 * @param errorCodes error codes whose output means "none" and is handed to the reader; other errors are problems
 * @param emptyIsNone true when the CLI prints nothing for an empty answer that means "not configured"
 * @param reader reads the output into resources
 */
record CliOperation(String name, boolean perResource, boolean global, int phase, Set<String> errorCodes,
    boolean emptyIsNone, Reader reader) {
  /** Reads one output; throws {@link IllegalArgumentException} naming the field when the shape is wrong. */
  @FunctionalInterface
  interface Reader {
    void read(CliOutput out, CliResources into);
  }

  static CliOperation list(String name, boolean global, Reader reader) {
    return new CliOperation(name, false, global, 0, Set.of(), false, reader);
  }

  static CliOperation each(String name, boolean global, Reader reader, String... errorCodes) {
    return new CliOperation(name, true, global, 1, Set.of(errorCodes), false, reader);
  }

  CliOperation inPhase(int p) {
    return new CliOperation(name, perResource, global, p, errorCodes, emptyIsNone, reader);
  }

  CliOperation withErrors(String... codes) {
    return new CliOperation(name, perResource, global, phase, Set.of(codes), emptyIsNone, reader);
  }

  CliOperation allowingEmpty() {
    return new CliOperation(name, perResource, global, phase, errorCodes, true, reader);
  }
}
