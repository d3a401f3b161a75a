package dev.kumo.intel;

import java.io.Serializable;

/**
 * The intelligence detectors consult. Immutable and serializable, so it travels with the engine.
 *
 * @param networks who operates an address (cloud, CDN, hosting, VPN)
 */
public record Intel(NetworkRanges networks) implements Serializable {

  /** The lists shipped with Kumo. */
  public static Intel builtin() {
    return new Intel(NetworkRanges.builtin());
  }
}
