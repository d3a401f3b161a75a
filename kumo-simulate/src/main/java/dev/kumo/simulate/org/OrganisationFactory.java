package dev.kumo.simulate.org;

import dev.kumo.simulate.engine.RandomIds;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds the organisation of a seed: five accounts (management, security, shared services,
 * production, staging) in two or three regions each, three offices, about forty people, their
 * estates and roles. The same seed always builds the same organisation.
 */
public final class OrganisationFactory {
  private static final String[] COMPANIES = {"tidewater", "copperleaf", "northvale", "brightforge", "harborline"};
  private static final String[] FIRST = {"alice", "ben", "chloe", "daniel", "emma", "farid", "grace", "hannah", "ivan",
      "julia", "kofi", "lena", "marco", "nadia", "oliver", "priya", "quentin", "rosa", "samir", "tara", "umar", "vera",
      "wei", "xavier", "yasmin", "zoe", "aaron", "bianca", "carlos", "dana", "elif", "felix", "gita", "hugo", "ines",
      "jonas", "kira", "liam", "maya", "noah"};
  private static final String[] LAST = {"adams", "becker", "chen", "dubois", "evans", "fischer", "garcia", "hughes",
      "ito", "jensen", "khan", "lopez", "meyer", "novak", "okafor", "patel", "quinn", "rossi", "schmidt", "tanaka",
      "ueda", "vogel", "walsh", "xu", "young", "zimmer"};

  private final long seed;
  private final SplittableRandom random;
  private final Map<String, Role> roles = new LinkedHashMap<>();

  private OrganisationFactory(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
  }

  /** The organisation of {@code seed}. */
  public static Organisation build(long seed) {
    return new OrganisationFactory(seed).organisation();
  }

  private Organisation organisation() {
    String company = COMPANIES[random.nextInt(COMPANIES.length)];
    String domain = company + "-labs.com";
    List<Account> accounts = List.of(
        account(company + "-management", AccountKind.MANAGEMENT, "us-east-1"),
        account(company + "-security", AccountKind.SECURITY, "us-east-1", "eu-west-1"),
        account(company + "-shared-services", AccountKind.SHARED_SERVICES, "us-east-1", "eu-west-1"),
        account(company + "-prod", AccountKind.PRODUCTION, "us-east-1", "eu-west-1", "us-west-2"),
        account(company + "-staging", AccountKind.STAGING, "us-east-1", "eu-west-1"));
    List<Office> offices = List.of(
        office("New York", "America/New_York", "50.206.44.16/29"),
        office("London", "Europe/London", "81.136.20.0/29"),
        office("Berlin", "Europe/Berlin", "87.139.55.8/29"));
    for (Account a : accounts) {
      standardRoles(a);
    }
    List<Estate> estates = new ArrayList<>();
    int vpcIndex = 0;
    for (Account a : accounts) {
      for (String region : a.regions()) {
        estates.add(estate(company, a, region, vpcIndex++));
      }
    }
    List<Person> people = people(domain, offices);
    Account shared = accounts.get(2);
    Account prod = accounts.get(3);
    List<ServiceUser> serviceUsers = List.of(
        serviceUser(prod.id(), "svc-reporting-export", offices.get(0).natIps().get(2),
            UserAgents.boto(random, false), "nightly finance export from the on-premises reporting server"),
        serviceUser(shared.id(), "svc-onprem-backup", offices.get(1).natIps().get(2),
            UserAgents.cli(random, false) + " md/command#s3.cp", "file server backups to S3 from the London office"));
    return new Organisation(seed, company, domain, "o-" + RandomIds.hex(random, 10).toLowerCase(),
        "d-" + RandomIds.hex(random, 10), company + "-eng", accounts, offices, people, estates, roles, serviceUsers);
  }

  private Account account(String name, AccountKind kind, String... regions) {
    String id = String.valueOf(100_000_000_000L + (long) (random.nextDouble() * 899_999_999_999L));
    return new Account(id, name, kind, List.of(regions));
  }

  private Office office(String city, String zone, String cidr) {
    List<String> ips = new ArrayList<>();
    String base = cidr.substring(0, cidr.lastIndexOf('.') + 1);
    int first = Integer.parseInt(cidr.substring(cidr.lastIndexOf('.') + 1, cidr.indexOf('/')));
    for (int i = 1; i <= 4; i++) {
      ips.add(base + (first + i));
    }
    return new Office(city, ZoneId.of(zone), cidr, ips);
  }

  private Role role(String account, String name, String path) {
    Role r = new Role(account, name, path, RandomIds.iam(RandomIds.stable(seed, "role/" + account + "/" + name), "AROA", 21));
    roles.put(account + "/" + name, r);
    return r;
  }

  private void standardRoles(Account a) {
    String id = a.id();
    for (PermissionSet set : PermissionSet.values()) {
      String suffix = RandomIds.hex(RandomIds.stable(seed, "sso/" + set), 16);
      role(id, "AWSReservedSSO_" + set.ssoName() + "_" + suffix, "/aws-reserved/sso.amazonaws.com/");
    }
    role(id, "AWSServiceRoleForAutoScaling", "/aws-service-role/autoscaling.amazonaws.com/");
    role(id, "AWSServiceRoleForConfig", "/aws-service-role/config.amazonaws.com/");
    role(id, "AWSServiceRoleForTrustedAdvisor", "/aws-service-role/trustedadvisor.amazonaws.com/");
    role(id, "AWSServiceRoleForECS", "/aws-service-role/ecs.amazonaws.com/");
    role(id, "AWSServiceRoleForAmazonEKS", "/aws-service-role/eks.amazonaws.com/");
    role(id, "AWSServiceRoleForElasticLoadBalancing", "/aws-service-role/elasticloadbalancing.amazonaws.com/");
    role(id, "AWSServiceRoleForAmazonGuardDuty", "/aws-service-role/guardduty.amazonaws.com/");
    role(id, "AWSServiceRoleForSecurityHub", "/aws-service-role/securityhub.amazonaws.com/");
    role(id, "AWSBackupDefaultServiceRole", "/service-role/");
    role(id, "OrganizationAccountAccessRole", "/");
    role(id, "terraform-deploy", "/");
    role(id, "cloudformation-exec", "/");
    role(id, "datadog-integration", "/");
    role(id, "security-audit", "/");
    role(id, "log-archiver", "/service-role/");
    role(id, "snapshot-retention", "/service-role/");
    switch (a.kind()) {
      case SHARED_SERVICES -> {
        role(id, "github-actions-deploy", "/");
        role(id, "codebuild-deploy", "/service-role/");
        role(id, "ci-runner-instance", "/");
      }
      case SECURITY -> role(id, "security-tooling-instance", "/");
      case PRODUCTION, STAGING -> {
        role(id, "web-app-instance", "/");
        role(id, "worker-instance", "/");
        role(id, "eks-node-instance", "/");
        role(id, "orders-api-task", "/");
        role(id, "ecsTaskExecutionRole", "/");
        role(id, "eks-vpc-cni", "/");
      }
      default -> { }
    }
  }

  private Estate estate(String company, Account a, String region, int vpcIndex) {
    SplittableRandom r = RandomIds.stable(seed, "estate/" + a.id() + "/" + region);
    String prefix = "10." + (16 + vpcIndex * 4) + ".";
    int albCount = a.kind() == AccountKind.PRODUCTION || a.kind() == AccountKind.STAGING ? 2 : 0;
    List<String> albEnis = new ArrayList<>();
    List<String> albIps = new ArrayList<>();
    for (int i = 0; i < albCount; i++) {
      albEnis.add("eni-0" + RandomIds.hex(r, 16));
      albIps.add(prefix + i + "." + (20 + r.nextInt(200)));
    }
    Vpc vpc = new Vpc(a.id(), region, "vpc-0" + RandomIds.hex(r, 16), prefix, Addresses.ec2(region, r),
        "fl-0" + RandomIds.hex(r, 16), albEnis, albIps);
    boolean home = a.homeRegion().equals(region);
    String env = switch (a.kind()) {
      case PRODUCTION -> "prod";
      case STAGING -> "staging";
      case SECURITY -> "security";
      case SHARED_SERVICES -> "shared";
      case MANAGEMENT -> "mgmt";
    };
    List<Instance> instances = new ArrayList<>();
    List<String> buckets = new ArrayList<>();
    List<String> functions = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    List<String> parameters = new ArrayList<>();
    List<String> databases = new ArrayList<>();
    List<String> ecsServices = new ArrayList<>();
    List<String> stacks = new ArrayList<>();
    List<String> asgs = new ArrayList<>();
    List<String> repositories = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    List<String> queues = new ArrayList<>();
    String ecsCluster = null;
    String eksCluster = null;
    boolean workload = a.kind() == AccountKind.PRODUCTION || a.kind() == AccountKind.STAGING;
    if (workload) {
      int scale = a.kind() == AccountKind.PRODUCTION ? (home ? 3 : region.equals("us-west-2") ? 1 : 2) : 1;
      addInstances(instances, vpc, a, "web", "web-app-instance", 2 * scale, true, r);
      addInstances(instances, vpc, a, "worker", "worker-instance", scale, false, r);
      if (home) {
        addInstances(instances, vpc, a, "eks-node", "eks-node-instance", 2 + 2 * scale, false, r);
        eksCluster = env + "-platform";
      }
      ecsCluster = env + "-services";
      ecsServices.addAll(List.of("orders-api", "payments-api", "notifications"));
      functions.addAll(List.of(env + "-image-resizer", env + "-orders-events", env + "-nightly-report",
          env + "-cognito-triggers"));
      secrets.addAll(List.of(env + "/orders-api/db", env + "/payments-api/stripe", env + "/notifications/sendgrid"));
      parameters.addAll(List.of("/" + env + "/orders-api/config", "/" + env + "/payments-api/feature-flags",
          "/" + env + "/shared/datadog-api-key"));
      databases.addAll(List.of(env + "-orders-db", env + "-payments-db"));
      stacks.addAll(List.of(env + "-network", env + "-orders-api", env + "-payments-api", env + "-notifications"));
      asgs.addAll(List.of(env + "-web-asg", env + "-worker-asg"));
      tables.addAll(List.of(env + "-sessions", env + "-idempotency-keys"));
      queues.addAll(List.of(env + "-orders-events", env + "-notifications"));
      buckets.add(company + "-" + env + "-assets-" + region);
      buckets.add(company + "-" + env + "-uploads-" + region);
      if (home) {
        buckets.add(company + "-" + env + "-data-lake");
      }
    } else if (a.kind() == AccountKind.SHARED_SERVICES) {
      addInstances(instances, vpc, a, "ci-runner", "ci-runner-instance", home ? 3 : 1, false, r);
      repositories.addAll(List.of("orders-api", "payments-api", "notifications", "base-images/python",
          "base-images/jvm"));
      buckets.add(company + "-artifacts-" + region);
      if (home) {
        buckets.add(company + "-terraform-state");
        buckets.add(company + "-onprem-backups");
      }
      stacks.add("shared-ci-" + region);
      functions.add("shared-slack-notifier");
    } else if (a.kind() == AccountKind.SECURITY) {
      addInstances(instances, vpc, a, "tooling", "security-tooling-instance", home ? 2 : 1, false, r);
      if (home) {
        buckets.add(company + "-org-cloudtrail");
        buckets.add(company + "-log-archive");
        buckets.add(company + "-athena-results");
      }
      buckets.add(company + "-vpc-flow-logs-" + region);
      functions.add("security-findings-forwarder");
    } else {
      buckets.add(company + "-cur-exports");
      buckets.add(company + "-management-config");
    }
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < (workload ? 3 : 2); i++) {
      keys.add(RandomIds.uuid(r));
    }
    List<String> volumes = new ArrayList<>();
    for (int i = 0; i < instances.size() + (workload ? 2 : 0); i++) {
      volumes.add("vol-0" + RandomIds.hex(r, 16));
    }
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      groups.add("sg-0" + RandomIds.hex(r, 16));
    }
    List<String> logGroups = new ArrayList<>();
    for (String f : functions) {
      logGroups.add("/aws/lambda/" + f);
    }
    if (ecsCluster != null) {
      logGroups.add("/ecs/" + ecsCluster);
    }
    if (eksCluster != null) {
      logGroups.add("/aws/eks/" + eksCluster + "/cluster");
    }
    logGroups.add("/aws/ssm/" + env + "/session-logs");
    return new Estate(a, region, vpc, instances, buckets, keys, functions, secrets, parameters, databases, volumes,
        ecsCluster, ecsServices, eksCluster, groups, stacks, logGroups, asgs, repositories, tables, queues);
  }

  private void addInstances(List<Instance> out, Vpc vpc, Account a, String purpose, String roleName, int count,
      boolean publicSubnet, SplittableRandom r) {
    Role role = roles.get(a.id() + "/" + roleName);
    for (int i = 0; i < count; i++) {
      int subnet = publicSubnet ? r.nextInt(2) : 2 + r.nextInt(2);
      String ip = vpc.cidrPrefix() + subnet + "." + (10 + r.nextInt(240));
      out.add(new Instance("i-0" + RandomIds.hex(r, 16), vpc, purpose, "subnet-0" + RandomIds.hex(r, 16),
          "eni-0" + RandomIds.hex(r, 16), ip, publicSubnet ? Addresses.ec2(vpc.region(), r) : null, role,
          r.nextInt(10) != 0));
    }
  }

  private List<Person> people(String domain, List<Office> offices) {
    record Group(Team team, int count, PermissionSet set) {}
    List<Group> groups = List.of(new Group(Team.ENGINEERING, 16, PermissionSet.DEVELOPER),
        new Group(Team.PLATFORM, 6, PermissionSet.ADMINISTRATOR), new Group(Team.SECURITY, 4, PermissionSet.SECURITY_AUDIT),
        new Group(Team.DATA, 6, PermissionSet.POWER_USER), new Group(Team.FINANCE, 3, PermissionSet.BILLING));
    List<Person> out = new ArrayList<>();
    java.util.Set<String> used = new java.util.HashSet<>();
    int n = 0;
    for (Group g : groups) {
      for (int i = 0; i < g.count(); i++, n++) {
        String name;
        do {
          name = FIRST[random.nextInt(FIRST.length)] + "." + LAST[random.nextInt(LAST.length)];
        } while (!used.add(name));
        Office office = n % 9 == 8 ? null : offices.get(n % 3);
        ZoneId zone = office == null ? ZoneId.of("America/Los_Angeles") : office.zone();
        List<String> home = office == null || office.city().equals("New York") ? Addresses.HOME_US
            : office.city().equals("London") ? Addresses.HOME_UK : Addresses.HOME_DE;
        boolean mac = random.nextInt(4) != 0;
        PermissionSet set = g.set();
        if (g.team() == Team.PLATFORM && i >= 2) {
          set = PermissionSet.POWER_USER;
        }
        if (g.team() == Team.SECURITY && i == 0) {
          set = PermissionSet.ADMINISTRATOR;
        }
        if (g.team() == Team.ENGINEERING && i % 5 == 4) {
          set = PermissionSet.READ_ONLY;
        }
        String display = capital(name.substring(0, name.indexOf('.'))) + " " + capital(name.substring(name.indexOf('.') + 1));
        out.add(new Person(name + "@" + domain, display, g.team(), zone, office, Addresses.inAny(home, random),
            UserAgents.browser(random), UserAgents.cli(random, mac), UserAgents.boto(random, mac), set));
      }
    }
    return out;
  }

  private ServiceUser serviceUser(String account, String name, String ip, String agent, String purpose) {
    SplittableRandom r = RandomIds.stable(seed, "user/" + account + "/" + name);
    return new ServiceUser(account, name, RandomIds.iam(r, "AIDA", 21), RandomIds.iam(r, "AKIA", 20), ip, agent, purpose);
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
