package dev.kumo.simulate.org;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one account runs in one region: its VPC and instances, and the named resources that calls
 * refer to. Names are stable for a seed.
 *
 * @param kmsKeys key ids (UUIDs) of customer managed keys
 * @param volumes EBS volume ids that nightly backups snapshot
 * @param functions Lambda function names
 * @param databases RDS instance identifiers
 */
public record Estate(Account account, String region, Vpc vpc, List<Instance> instances, List<String> buckets,
    List<String> kmsKeys, List<String> functions, List<String> secrets, List<String> parameters,
    List<String> databases, List<String> volumes, @Nullable String ecsCluster, List<String> ecsServices,
    @Nullable String eksCluster, List<String> securityGroups, List<String> stacks, List<String> logGroups,
    List<String> autoScalingGroups, List<String> repositories, List<String> tables, List<String> queues) {

  public Estate {
    instances = List.copyOf(instances);
    buckets = List.copyOf(buckets);
    kmsKeys = List.copyOf(kmsKeys);
    functions = List.copyOf(functions);
    secrets = List.copyOf(secrets);
    parameters = List.copyOf(parameters);
    databases = List.copyOf(databases);
    volumes = List.copyOf(volumes);
    ecsServices = List.copyOf(ecsServices);
    securityGroups = List.copyOf(securityGroups);
    stacks = List.copyOf(stacks);
    logGroups = List.copyOf(logGroups);
    autoScalingGroups = List.copyOf(autoScalingGroups);
    repositories = List.copyOf(repositories);
    tables = List.copyOf(tables);
    queues = List.copyOf(queues);
  }

  public String accountId() {
    return account.id();
  }

  /** Whether this is the account's home region (where its global-service calls are logged). */
  public boolean home() {
    return account.homeRegion().equals(region);
  }
}
