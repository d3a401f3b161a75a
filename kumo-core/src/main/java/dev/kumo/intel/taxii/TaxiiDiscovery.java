package dev.kumo.intel.taxii;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a server's discovery endpoint ({@code /taxii2/}) says.
 *
 * @param title the server's title (empty when it gives none)
 * @param description its description, or null
 * @param defaultRoot the default API root (absolute, ending in {@code /}), or null
 * @param apiRoots the API roots it offers (absolute, ending in {@code /})
 */
public record TaxiiDiscovery(String title, @Nullable String description, @Nullable URI defaultRoot,
    List<URI> apiRoots) {

  public TaxiiDiscovery {
    apiRoots = List.copyOf(apiRoots);
  }
}
