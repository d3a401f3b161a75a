package dev.kumo.simulate.actors;

import dev.kumo.simulate.cloudtrail.ApiEvent;
import dev.kumo.simulate.cloudtrail.Identity;
import dev.kumo.simulate.cloudtrail.api.ReadCall;
import dev.kumo.simulate.cloudtrail.api.ReadCalls;
import dev.kumo.simulate.cloudtrail.api.StsCalls;
import dev.kumo.simulate.cloudtrail.api.WriteCalls;
import dev.kumo.simulate.engine.Arrivals;
import dev.kumo.simulate.engine.Pick;
import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.engine.WorkWeek;
import dev.kumo.simulate.org.AccountKind;
import dev.kumo.simulate.org.Addresses;
import dev.kumo.simulate.org.Estate;
import dev.kumo.simulate.org.Organisation;
import dev.kumo.simulate.org.Role;
import dev.kumo.simulate.org.UserAgents;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

/**
 * CI/CD: GitHub Actions jobs federated through OIDC into the shared-services account, chaining into
 * the workload accounts' deploy role to run Terraform (a plan's many reads, an apply's few writes)
 * or to push images to ECR; and CodeBuild deploying CloudFormation change sets, CloudFormation then
 * acting with its execution role, including short-lived preview stacks in staging that are created
 * and deleted again. Runs come in bursts in working hours.
 */
final class PipelineActor implements Actor {
  private static final double PEAK_RUNS_PER_HOUR = 9;
  private static final double EVENTS_PER_RUN = 75;
  private static final ZoneId TEAM = ZoneId.of("Europe/London");

  private final SplittableRandom random;

  PipelineActor(SplittableRandom random) {
    this.random = random;
  }

  @Override
  public double scaledEventsPerDay(World w) {
    return PEAK_RUNS_PER_HOUR * 24 * WorkWeek.officeMean() * EVENTS_PER_RUN;
  }

  @Override
  public void start(World w) {
    next(w, random.split(), w.timeline().now());
  }

  private void next(World w, SplittableRandom r, long now) {
    long t = Arrivals.next(now, PEAK_RUNS_PER_HOUR * w.scale(),
        x -> Math.max(WorkWeek.office(x, TEAM), WorkWeek.office(x, ZoneId.of("America/New_York"))), r);
    if (t == Long.MAX_VALUE) {
      return;
    }
    w.timeline().at(t, time -> {
      int kind = r.nextInt(10);
      if (kind < 5) {
        terraform(w, r.split(), time);
      } else if (kind < 7) {
        imagePush(w, r.split(), time);
      } else {
        changeSet(w, r.split(), time);
      }
      next(w, r, time);
    });
  }

  private static Estate target(Organisation org, SplittableRandom r) {
    AccountKind kind = r.nextInt(3) == 0 ? AccountKind.PRODUCTION : AccountKind.STAGING;
    List<Estate> estates = org.estates(org.account(kind));
    return r.nextInt(3) == 0 ? Pick.one(estates, r) : estates.get(0);
  }

  /** The job's OIDC federation into the shared-services deploy role. */
  private static Identity.RoleSession federate(World w, SplittableRandom r, long t, String ip, String repo) {
    Organisation org = w.org();
    Estate shared = org.estates(org.account(AccountKind.SHARED_SERVICES)).get(0);
    Role role = org.role(shared.accountId(), "github-actions-deploy");
    Identity.RoleSession s = new Identity.RoleSession(shared.accountId(), role.name(), role.arn(), role.id(),
        "GitHubActions", RandomIds.iam(r, "ASIA", 20), t, false, null, null, null);
    String provider = "arn:aws:iam::" + shared.accountId() + ":oidc-provider/token.actions.githubusercontent.com";
    Identity.WebIdentityUser job = new Identity.WebIdentityUser(provider,
        "repo:" + org.githubOrg() + "/" + repo + ":ref:refs/heads/main", "sts.amazonaws.com");
    w.emit(StsCalls.assumeRoleWithWebIdentity(t, "us-east-1", job, s, r).from(ip, UserAgents.GITHUB_CREDENTIALS_ACTION));
    return s;
  }

  private void terraform(World w, SplittableRandom r, long t0) {
    String ip = Addresses.inAny(Addresses.GITHUB_RUNNERS, r);
    Estate e = target(w.org(), r);
    String repo = Pick.one(r, "infrastructure", "platform-terraform", "orders-api", "payments-api");
    Script s = new Script();
    Identity.RoleSession[] session = new Identity.RoleSession[2];
    s.then(0, t -> session[0] = federate(w, r, t, ip, repo));
    s.then(1_500 + r.nextInt(2_000), t -> {
      Role role = w.org().role(e.accountId(), "terraform-deploy");
      session[1] = new Identity.RoleSession(e.accountId(), role.name(), role.arn(), role.id(),
          "terraform-" + RandomIds.hex(r, 8), RandomIds.iam(r, "ASIA", 20), t, false, null, null, null);
      w.emit(StsCalls.assumeRole(t, "us-east-1", session[0], session[1], 3600, r).from(ip, UserAgents.TERRAFORM));
    });
    int reads = 25 + r.nextInt(110);
    for (int i = 0; i < reads; i++) {
      s.then(Arrivals.gap(350, r), t -> {
        ReadCall c = ReadMix.TERRAFORM.pick(e, r);
        w.emit(c.event(t, e, session[1], r).from(ip, UserAgents.TERRAFORM));
      });
    }
    if (r.nextBoolean()) {
      int writes = 1 + r.nextInt(4);
      for (int i = 0; i < writes; i++) {
        s.then(5_000 + Arrivals.gap(4_000, r), t -> w.emit(apply(w, e, session[1], r, t).from(ip, UserAgents.TERRAFORM)));
      }
    }
    s.start(w, t0);
  }

  private static ApiEvent apply(World w, Estate e, Identity who, SplittableRandom r, long t) {
    int k = r.nextInt(100);
    if (k < 30 && !e.functions().isEmpty()) {
      String fn = Pick.one(e.functions(), r);
      return WriteCalls.lambdaUpdateCode(t, e, who, fn, w.org().name() + "-artifacts-us-east-1",
          "lambda/" + fn + "/" + RandomIds.hex(r, 40) + ".zip", r);
    } else if (k < 55 && e.ecsCluster() != null) {
      return WriteCalls.ecsUpdateService(t, e, who, Pick.one(e.ecsServices(), r), 40 + r.nextInt(40));
    } else if (k < 75 && !e.parameters().isEmpty()) {
      return WriteCalls.ssmPutParameter(t, e, who, Pick.one(e.parameters(), r), 2 + r.nextInt(60));
    } else if (k < 85 && !e.logGroups().isEmpty()) {
      return WriteCalls.putRetentionPolicy(t, e, who, Pick.one(e.logGroups(), r), 90);
    } else if (k < 93) {
      return WriteCalls.iamPutRolePolicy(t, e, who, Pick.one(e.functions().isEmpty() ? List.of("worker")
          : e.functions(), r) + "-role", "queue-access");
    } else if (k < 97 && !e.vpc().albEnis().isEmpty()) {
      return WriteCalls.authorizeIngress(t, e, who, e.securityGroups().get(0), 443, "0.0.0.0/0",
          "public HTTPS to the load balancer", r);
    }
    return WriteCalls.createTags(t, e, who, e.vpc().id(), "terraform-workspace", "main", r);
  }

  private void imagePush(World w, SplittableRandom r, long t0) {
    String ip = Addresses.inAny(Addresses.GITHUB_RUNNERS, r);
    Organisation org = w.org();
    Estate shared = org.estates(org.account(AccountKind.SHARED_SERVICES)).get(0);
    String repo = Pick.one(shared.repositories(), r);
    String agent = "aws-cli/2.24.10 md/awscrt#0.23.8 ua/2.1 os/linux#6.8.0-1021-azure md/arch#x86_64 lang/python#3.12.9 "
        + "md/pyimpl#CPython exec-env/github-actions cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 "
        + "md/prompt#off md/command#ecr.get-login-password";
    Identity.RoleSession[] session = new Identity.RoleSession[1];
    String tag = RandomIds.hex(r, 7);
    new Script()
        .then(0, t -> session[0] = federate(w, r, t, ip, repo.contains("/") ? "base-images" : repo))
        .then(90_000 + r.nextInt(200_000), t -> w.emit(WriteCalls.ecrGetAuthorizationToken(t, shared, session[0])
            .from(ip, agent)))
        .then(3_000 + r.nextInt(3_000), t -> w.emit(WriteCalls.ecrBatchCheckLayers(t, shared, session[0], repo, r)
            .from(ip, "docker/27.5.1 go/go1.22.11 git-commit/4c9b3b0 kernel/6.8.0-1021-azure os/linux arch/amd64")))
        .then(20_000 + r.nextInt(40_000), t -> w.emit(WriteCalls.ecrPutImage(t, shared, session[0], repo, tag, r)
            .from(ip, "docker/27.5.1 go/go1.22.11 git-commit/4c9b3b0 kernel/6.8.0-1021-azure os/linux arch/amd64")))
        .start(w, t0);
  }

  private void changeSet(World w, SplittableRandom r, long t0) {
    Organisation org = w.org();
    Estate shared = org.estates(org.account(AccountKind.SHARED_SERVICES)).get(0);
    Estate e = target(org, r);
    String ip = Addresses.ec2("us-east-1", r);
    Role build = org.role(shared.accountId(), "codebuild-deploy");
    Identity.RoleSession buildSession = new Identity.RoleSession(shared.accountId(), build.name(), build.arn(),
        build.id(), "AWSCodeBuild-" + RandomIds.uuid(r), RandomIds.iam(r, "ASIA", 20), t0, false, null, null, null);
    Role deploy = org.role(e.accountId(), "terraform-deploy");
    Identity.RoleSession deploySession = new Identity.RoleSession(e.accountId(), deploy.name(), deploy.arn(), deploy.id(),
        "codebuild-" + RandomIds.hex(r, 8), RandomIds.iam(r, "ASIA", 20), t0 + 4_000, false, null, null, null);
    Role exec = org.role(e.accountId(), "cloudformation-exec");
    Identity.RoleSession cfn = w.sessions().role(exec, "AWSCloudFormation", t0, 3_600_000L, false, null,
        "cloudformation.amazonaws.com");
    String bucket = org.name() + "-artifacts-us-east-1";
    boolean preview = e.account().kind() == AccountKind.STAGING && r.nextInt(3) == 0;
    Script s = new Script();
    s.then(4_000, t -> w.emit(StsCalls.assumeRole(t, "us-east-1", buildSession, deploySession, 3600, r)
        .from(ip, UserAgents.CODEBUILD_CLI + " md/command#sts.assume-role")));
    if (preview) {
      String stack = "pr-" + (1000 + r.nextInt(9000)) + "-" + Pick.one(e.ecsServices(), r);
      String queue = stack + "-events";
      String previewBucket = stack + "-" + RandomIds.hex(r, 6);
      s.then(3_000, t -> w.emit(WriteCalls.createStack(t, e, deploySession, stack, bucket)
          .from(ip, UserAgents.CODEBUILD_CLI + " md/command#cloudformation.create-stack")));
      s.then(4_000, t -> w.emit(WriteCalls.createQueue(t, e, cfn, queue)
          .from("cloudformation.amazonaws.com", "cloudformation.amazonaws.com")));
      s.then(2_000, t -> w.emit(WriteCalls.createBucket(t, e, cfn, previewBucket, r)
          .from("cloudformation.amazonaws.com", "cloudformation.amazonaws.com")));
      s.then(3_000, t -> w.emit(WriteCalls.putPublicAccessBlock(t, e, cfn, previewBucket, r)
          .from("cloudformation.amazonaws.com", "cloudformation.amazonaws.com")));
      polls(w, s, e, deploySession, stack, ip, r);
      long life = 3_600_000L + r.nextLong(3 * 3_600_000L);
      s.then(life, t -> w.emit(WriteCalls.deleteStack(t, e, deploySession, stack)
          .from(ip, UserAgents.CODEBUILD_CLI + " md/command#cloudformation.delete-stack")));
      s.then(5_000, t -> w.emit(WriteCalls.deleteBucket(t, e, cfn, previewBucket, r)
          .from("cloudformation.amazonaws.com", "cloudformation.amazonaws.com")));
      s.then(2_000, t -> w.emit(WriteCalls.deleteQueue(t, e, cfn, queue)
          .from("cloudformation.amazonaws.com", "cloudformation.amazonaws.com")));
    } else {
      String stack = Pick.one(e.stacks(), r);
      String changeSet = "deploy-" + RandomIds.hex(r, 10);
      String service = Pick.one(e.ecsServices(), r);
      int revision = 40 + r.nextInt(60);
      s.then(3_000, t -> w.emit(WriteCalls.createChangeSet(t, e, deploySession, stack, changeSet, bucket, r)
          .from(ip, UserAgents.CODEBUILD_CLI + " md/command#cloudformation.create-change-set")));
      for (int i = 0; i < 2 + r.nextInt(3); i++) {
        s.then(5_000, t -> w.emit(WriteCalls.describeChangeSet(t, e, deploySession, stack, changeSet)
            .from(ip, UserAgents.CODEBUILD_CLI + " md/command#cloudformation.describe-change-set")));
      }
      s.then(2_000, t -> w.emit(WriteCalls.executeChangeSet(t, e, deploySession, stack, changeSet)
          .from(ip, UserAgents.CODEBUILD_CLI + " md/command#cloudformation.execute-change-set")));
      s.then(6_000, t -> w.emit(WriteCalls.ecsRegisterTaskDefinition(t, e, cfn, service, revision,
              shared.accountId() + ".dkr.ecr.us-east-1.amazonaws.com/" + service + ":" + RandomIds.hex(r, 7))
          .from("cloudformation.amazonaws.com", "cloudformation.amazonaws.com")));
      s.then(3_000, t -> w.emit(WriteCalls.ecsUpdateService(t, e, cfn, service, revision)
          .from("cloudformation.amazonaws.com", "cloudformation.amazonaws.com")));
      polls(w, s, e, deploySession, stack, ip, r);
    }
    s.start(w, t0);
  }

  private static void polls(World w, Script s, Estate e, Identity who, String stack, String ip, SplittableRandom r) {
    int polls = 4 + r.nextInt(10);
    for (int i = 0; i < polls; i++) {
      s.then(10_000 + r.nextInt(5_000), t -> w.emit(WriteCalls.describeStacks(t, e, who, stack)
          .from(ip, UserAgents.CODEBUILD_CLI + " md/command#cloudformation.wait")));
    }
    ReadCall events = ReadCalls.get("cloudformation:DescribeStackEvents");
    s.then(1_000, t -> w.emit(events.event(t, e, who, r).from(ip, UserAgents.CODEBUILD_CLI
        + " md/command#cloudformation.describe-stack-events")));
  }
}
