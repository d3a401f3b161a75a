package dev.kumo.respond.plan;

/**
 * The shipped playbook that fits a set of targets, and why: the first of instance, access key, role and bucket
 * that the targets name decides (an instance is the most urgent: it holds the evidence and may hold the stolen
 * credentials too).
 *
 * @param playbook the shipped playbook's id
 * @param reason one sentence naming the target that decided
 */
public record PlaybookChoice(String playbook, String reason) {
  private static final String ORDER = " (the first target kind present decides: instance, access key, role, bucket)";

  /**
   * The playbook for {@code t}.
   *
   * @throws IllegalArgumentException when {@code t} names no instance, access key, role or bucket
   */
  public static PlaybookChoice fitting(PlanTargets t) {
    if (t.instance() != null) {
      return new PlaybookChoice("compromised-instance", "the targets name the instance " + t.instance() + ORDER);
    }
    if (t.accessKey() != null) {
      return new PlaybookChoice("compromised-access-key", "the targets name the access key "
          + t.accessKey() + " and no instance" + ORDER);
    }
    if (t.role() != null) {
      return new PlaybookChoice("compromised-workload-role", "the targets name the role " + t.role()
          + " and no instance or access key" + ORDER);
    }
    if (t.bucket() != null) {
      return new PlaybookChoice("s3-ransomware", "the targets name the bucket " + t.bucket()
          + " and no instance, access key or role" + ORDER);
    }
    throw new IllegalArgumentException("no target: give an instance, an access key, a role or a bucket");
  }
}
