package dev.kumo.intel;

import java.io.Serializable;

/**
 * The intelligence detectors consult. Immutable and serializable, so it travels with the engine.
 *
 * @param networks who operates an address (cloud, CDN, hosting, VPN)
 * @param miningPools known cryptocurrency mining pool domains and addresses
 */
public record Intel(NetworkRanges networks, MiningPools miningPools) implements Serializable {

  /** The given network ranges with the built-in mining pool list. */
  public Intel(NetworkRanges networks) {
    this(networks, MiningPools.builtin());
  }

  /** The lists shipped with Kumo. */
  public static Intel builtin() {
    return new Intel(NetworkRanges.builtin(), MiningPools.builtin());
  }
}
