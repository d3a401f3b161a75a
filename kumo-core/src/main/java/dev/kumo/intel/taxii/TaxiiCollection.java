package dev.kumo.intel.taxii;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A collection an API root offers.
 *
 * @param id the collection id (used in URLs, encoded)
 * @param title its title (the id when the server gives none)
 * @param description its description, or null
 * @param canRead whether these credentials may read its objects
 * @param canWrite whether these credentials may add objects
 * @param mediaTypes the media types of its objects, as the server lists them
 */
public record TaxiiCollection(String id, String title, @Nullable String description, boolean canRead,
    boolean canWrite, List<String> mediaTypes) {

  public TaxiiCollection {
    mediaTypes = List.copyOf(mediaTypes);
  }
}
