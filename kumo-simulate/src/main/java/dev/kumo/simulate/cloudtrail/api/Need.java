package dev.kumo.simulate.cloudtrail.api;

import dev.kumo.simulate.org.Estate;

/** The kind of resource a call names, so it is only made where one exists. */
public enum Need {
  NOTHING, BUCKET, FUNCTION, DATABASE, ECS, EKS, KEY, SECRET, PARAMETER, TABLE, QUEUE, STACK, LOG_GROUP, REPOSITORY,
  INSTANCE, AUTO_SCALING, LOAD_BALANCER;

  /** Whether {@code e} has such a resource. */
  public boolean metBy(Estate e) {
    return switch (this) {
      case NOTHING -> true;
      case BUCKET -> !e.buckets().isEmpty();
      case FUNCTION -> !e.functions().isEmpty();
      case DATABASE -> !e.databases().isEmpty();
      case ECS -> e.ecsCluster() != null;
      case EKS -> e.eksCluster() != null;
      case KEY -> !e.kmsKeys().isEmpty();
      case SECRET -> !e.secrets().isEmpty();
      case PARAMETER -> !e.parameters().isEmpty();
      case TABLE -> !e.tables().isEmpty();
      case QUEUE -> !e.queues().isEmpty();
      case STACK -> !e.stacks().isEmpty();
      case LOG_GROUP -> !e.logGroups().isEmpty();
      case REPOSITORY -> !e.repositories().isEmpty();
      case INSTANCE -> !e.instances().isEmpty();
      case AUTO_SCALING -> !e.autoScalingGroups().isEmpty();
      case LOAD_BALANCER -> !e.vpc().albEnis().isEmpty();
    };
  }
}
