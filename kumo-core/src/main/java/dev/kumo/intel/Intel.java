package dev.kumo.intel;

import java.io.Serializable;

/**
 * The intelligence detectors consult. Immutable and serializable, so it travels with the engine.
 *
 * @param networks who operates an address (cloud, CDN, hosting, VPN)
 * @param miningPools known cryptocurrency mining pool domains and addresses
 * @param iocs the analyst's indicators of compromise (feeds given to the run), possibly empty
 */
public record Intel(NetworkRanges networks, MiningPools miningPools, IntelStore iocs) implements Serializable {

  /** The given network ranges with the built-in mining pool list. */
  public Intel(NetworkRanges networks) {
    this(networks, MiningPools.builtin(), IntelStore.empty());
  }

  /** The lists shipped with Kumo, and no indicators. */
  public static Intel builtin() {
    return new Intel(NetworkRanges.builtin(), MiningPools.builtin(), IntelStore.empty());
  }

  /** These lists with {@code store} as the indicators. */
  public Intel withIocs(IntelStore store) {
    return new Intel(networks, miningPools, store);
  }
}
