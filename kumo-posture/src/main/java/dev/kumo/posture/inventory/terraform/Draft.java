package dev.kumo.posture.inventory.terraform;

import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import org.jspecify.annotations.Nullable;

/** A resource being assembled from its Terraform resource and the resources joined to it. */
final class Draft {
  final TfResource tf;
  final Provider provider;
  final String kind;
  String id;
  String name;
  String account;
  String region;
  final Facts.Builder facts = Facts.builder();
  private final String origin;

  Draft(TfResource tf, Provider provider, String kind, String id, String name, String account, String region,
      String file) {
    this.tf = tf;
    this.provider = provider;
    this.kind = kind;
    this.id = id;
    this.name = name;
    this.account = account;
    this.region = region;
    this.origin = file + " " + tf.address();
  }

  Draft put(String fact, @Nullable Object value) {
    facts.put(fact, value);
    return this;
  }

  Resource build() {
    return new Resource(provider, kind, id, name, account, region, facts.build(), origin);
  }
}
