package dev.kumo.cli;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.incident.Incident;
import dev.kumo.respond.plan.PlanTargets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The target options shared by {@code kumo respond plan} and {@code kumo respond run} (a picocli mixin): explicit
 * targets, or an incident of a case ({@code --case DIR --incident ID}) with explicit options overriding it.
 */
final class PlanTargetOptions {
  @Option(names = "--instance", paramLabel = "ID", description = "Compromised EC2 instance (i-...).")
  @Nullable String instance;

  @Option(names = "--access-key", paramLabel = "ID", description = "Compromised access key (AKIA... or ASIA...).")
  @Nullable String accessKey;

  @Option(names = "--role", paramLabel = "ARN", description = "Compromised workload role.")
  @Nullable String role;

  @Option(names = "--bucket", paramLabel = "NAME", description = "Bucket hit by ransomware or exposed.")
  @Nullable String bucket;

  @Option(names = "--account", paramLabel = "ID", description = "Account of the targets (12 digits).")
  @Nullable String account;

  @Option(names = "--region", paramLabel = "REGION", description = "Region of the targets.")
  @Nullable String region;

  @Option(names = "--case-id", paramLabel = "ID", description = "Case id the resources are tagged with.")
  @Nullable String caseId;

  @Option(names = "--forensic-account", paramLabel = "ID", description = "Account evidence is copied to.")
  @Nullable String forensicAccount;

  @Option(names = "--image", paramLabel = "AMI", description = "Known-good image to redeploy from.")
  @Nullable String image;

  @Option(names = "--since", paramLabel = "TIME", description = "Start of the compromise window (ISO 8601, UTC).")
  @Nullable String since;

  @Option(names = "--playbook", paramLabel = "ID|FILE", description = "Playbook (default: the one that fits the "
      + "targets: instance, access key, role, then bucket).")
  @Nullable String playbook;

  @Option(names = "--case", paramLabel = "DIR", description = "Case made by kumo hunt --case: plan for one of its "
      + "incidents (--incident); explicit target options override what the incident gives.")
  @Nullable Path caseDir;

  @Option(names = "--incident", paramLabel = "ID", description = "With --case: the incident to respond to (see kumo "
      + "incidents DIR).")
  @Nullable String incident;

  /**
   * The targets the options name.
   *
   * @throws IllegalArgumentException for an invalid identifier or an unknown incident
   * @throws ParameterException when --case and --incident are not given together
   */
  PlanTargets targets(CommandSpec spec) throws IOException {
    Instant start = since == null ? null : UserTime.parse(spec, since, "--since");
    if (caseDir == null && incident == null) {
      return PlanTargets.of(instance, accessKey, role, bucket, account, region, caseId)
          .with(forensicAccount, image, start);
    }
    if (caseDir == null || incident == null) {
      throw new ParameterException(spec.commandLine(), "--case and --incident go together");
    }
    Incident i = incident(caseDir, incident);
    PlanTargets fromCase = PlanTargets.fromIncident(i, caseId, start);
    return new PlanTargets(first(instance, fromCase.instance()), first(accessKey, fromCase.accessKey()),
        first(role, fromCase.role()), first(bucket, fromCase.bucket()), first(account, fromCase.account()),
        first(region, fromCase.region()), fromCase.caseId(), forensicAccount, image, fromCase.compromiseStart(),
        fromCase.notes());
  }

  private static @Nullable String first(@Nullable String option, @Nullable String fromCase) {
    return option != null ? option : fromCase;
  }

  /** The incident {@code id} of the case in {@code dir}. */
  private static Incident incident(Path dir, String id) throws IOException {
    try (CaseQuery q = CaseQuery.open(dir)) {
      return q.incidents().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("no incident " + id + " in " + dir + " (see kumo incidents " + dir + ")"));
    }
  }
}
