package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.respond.aws.AwsClients;
import dev.kumo.respond.aws.AwsResponder;
import dev.kumo.respond.aws.AwsSettings;
import dev.kumo.respond.aws.HostAndLogResponder;
import dev.kumo.respond.aws.Sleeper;
import dev.kumo.respond.custody.CustodyLedger;
import dev.kumo.respond.plan.Plan;
import dev.kumo.respond.plan.PlanBuilder;
import dev.kumo.respond.plan.PlanTargets;
import dev.kumo.respond.plan.PlaybookException;
import dev.kumo.respond.plan.PlaybookLibrary;
import dev.kumo.respond.plan.Provider;
import dev.kumo.respond.run.AwsStepExecutors;
import dev.kumo.respond.run.CallSummary;
import dev.kumo.respond.run.PlanRunner;
import dev.kumo.respond.run.RunOptions;
import dev.kumo.respond.run.RunState;
import dev.kumo.respond.run.StateFile;
import dev.kumo.respond.run.StepRecord;
import dev.kumo.respond.run.StepStatus;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * {@code kumo respond run}: a dry run (the default) prints every call the plan would make; {@code --execute} makes
 * them with the AWS SDK, resumably (state file {@code DIR/respond/<plan id>.state.json}), recording every step and
 * call in the case's custody ledger. Exit 0 when no step failed or was blocked, 3 otherwise.
 */
@Command(name = "run", description = "Run a response plan. Dry run by default: prints every API call that would be "
    + "made. --execute makes them (AWS), stops every state change after a failed evidence step, records each call's "
    + "request id in the custody ledger, and resumes from the first unfinished step when rerun.")
final class RespondRunCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  PlanTargetOptions targetOptions = new PlanTargetOptions();

  @Option(names = "--execute", description = "Make the calls (default: dry run).")
  boolean execute;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Where the state file, ledger and evidence go "
      + "(default: the --case directory).")
  @Nullable Path stateDir;

  @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile (default: the SDK's credential chain).")
  @Nullable String profile;

  @Option(names = "--forensic-role", paramLabel = "ARN", description = "Role assumed in the forensic account for the "
      + "snapshot copies and locks (without it those steps are manual).")
  @Nullable String forensicRole;

  @Option(names = "--forensic-kms-key", paramLabel = "KEY", description = "The forensic account's KMS key the copies "
      + "are re-encrypted with.")
  @Nullable String forensicKmsKey;

  @Option(names = "--endpoint-url", paramLabel = "URL", description = "One endpoint for every AWS service (tests, "
      + "LocalStack).")
  @Nullable URI endpoint;

  @Option(names = "--trusted-image-owner", paramLabel = "ACCOUNT", description = "Account whose images may be "
      + "redeployed (repeatable; Amazon's own images need it too for now).")
  List<String> trustedImageOwners = new ArrayList<>();

  @Option(names = "--sharing-kms-key", paramLabel = "KEY", description = "A customer managed key of the compromised "
      + "account that the forensic account may use: snapshots under the default EBS key are first copied "
      + "re-encrypted with it (they cannot be shared otherwise).")
  @Nullable String sharingKmsKey;

  @Option(names = "--evidence-bucket", paramLabel = "BUCKET", description = "Bucket the memory image is uploaded to "
      + "(--with memory; without it that step is manual).")
  @Nullable String evidenceBucket;

  @Option(names = "--max-log-events", paramLabel = "N", description = "Most events one CloudTrail lookup collects; "
      + "more are cut, with a note (default: ${DEFAULT-VALUE}).")
  int maxLogEvents = RunOptions.DEFAULT_MAX_LOG_EVENTS;

  @Option(names = "--with", paramLabel = "STEP", description = "An optional step to run (repeatable), e.g. memory.")
  List<String> optionalSteps = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Plan plan;
    try {
      PlanTargets targets = targetOptions.targets(spec);
      String name = targetOptions.playbook;
      plan = PlanBuilder.build(PlaybookLibrary.resolve(name != null ? name : PlanBuilder.defaultPlaybook(targets)),
          targets, Provider.AWS);
    } catch (IllegalArgumentException e) {
      return usage(e instanceof PlaybookException p ? p.problems() : List.of(String.valueOf(e.getMessage())));
    }
    if (!execute) {
      PlanRunner.dryRun(plan, out);
      return ExitCode.OK;
    }
    Path dir = stateDir != null ? stateDir : targetOptions.caseDir;
    if (dir == null) {
      return usage(List.of("--execute needs --state-dir DIR or --case DIR (for the state file and the ledger)"));
    }
    String region = plan.targets().region();
    String caseId = plan.targets().caseId();
    if (region == null || caseId == null) {
      return usage(List.of("--execute needs --region and --case-id (or an incident that gives them)"));
    }
    AwsSettings settings = AwsSettings.defaults(Region.of(region)).withEndpointOverride(endpoint);
    AwsCredentialsProvider caller = profile == null ? DefaultCredentialsProvider.builder().build()
        : ProfileCredentialsProvider.create(profile);
    if (maxLogEvents < 1) {
      return usage(List.of("--max-log-events must be at least 1"));
    }
    if (evidenceBucket != null && !evidenceBucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      return usage(List.of("--evidence-bucket is not a bucket name: " + evidenceBucket));
    }
    RunOptions options = new RunOptions(Set.copyOf(optionalSteps), forensicKmsKey,
        new LinkedHashSet<>(trustedImageOwners), 365, sharingKmsKey, evidenceBucket, maxLogEvents);
    Clock clock = Clock.systemUTC();
    RunState state;
    try (AwsClients target = AwsClients.create(settings, caller, Sleeper.SYSTEM);
        AwsClients forensic = forensicRole == null ? null
            : AwsClients.create(settings.withAssumeRole(forensicRole, null), caller, Sleeper.SYSTEM)) {
      var executors = AwsStepExecutors.of(responder(target), forensic == null ? null : responder(forensic),
          new HostAndLogResponder(target, Sleeper.SYSTEM, Duration.ofSeconds(15), 240));
      CustodyLedger ledger = CustodyLedger.open(dir, clock, CustodyLedger.osUser(), null);
      state = new PlanRunner(executors, ledger, dir, clock).execute(plan, caseId, options);
    }
    print(plan, state, out);
    out.println("State: " + Sanitize.terminal(StateFile.path(dir, plan.id()).toString()));
    out.flush();
    if (state.failedOrBlocked()) {
      PrintWriter err = spec.commandLine().getErr();
      for (StepRecord s : state.steps()) {
        if (s.status() == StepStatus.FAILED) {
          err.println("kumo: step " + s.index() + " " + Sanitize.terminal(s.id()) + " failed: "
              + Sanitize.terminal(s.message()));
        }
      }
      err.println("kumo: not every step was done; fix the cause and rerun to resume.");
      err.flush();
      return ExitCode.BAD_INPUT;
    }
    return ExitCode.OK;
  }

  private static AwsResponder responder(AwsClients clients) {
    return new AwsResponder(clients, Sleeper.SYSTEM, Duration.ofSeconds(15), 240);
  }

  /** One line per step: {@code [done] 11 snapshot-volumes: snap-1 (ec2 CreateSnapshot rid-1, ...)}. */
  static void print(Plan plan, RunState state, PrintWriter out) {
    for (var planned : plan.steps()) {
      StepRecord r = state.step(planned.step().id()).orElse(null);
      String status = r == null ? StepStatus.NOT_RUN.id() : r.status().id();
      StringBuilder line = new StringBuilder("[" + status + "] " + planned.index() + " "
          + planned.step().kind().id());
      if (r != null) {
        List<String> made = r.resources().values().stream().filter(v -> !v.isEmpty()).toList();
        String what = r.status() == StepStatus.DONE ? String.join(", ", made)
            : r.message().lines().findFirst().orElse("");
        if (!what.isEmpty()) {
          line.append(": ").append(what);
        }
        if (!r.calls().isEmpty()) {
          line.append(" (").append(String.join(", ", r.calls().stream().map(RespondRunCommand::call).toList()))
              .append(')');
        }
      }
      out.println(Sanitize.terminal(line.toString()));
    }
  }

  private static String call(CallSummary c) {
    return c.service() + " " + c.operation() + " " + c.requestId();
  }

  private int usage(List<String> lines) {
    PrintWriter err = spec.commandLine().getErr();
    for (String l : lines) {
      err.println("kumo: " + Sanitize.terminal(l));
    }
    err.flush();
    return ExitCode.USAGE;
  }
}
