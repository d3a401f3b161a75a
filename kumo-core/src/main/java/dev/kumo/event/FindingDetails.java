package dev.kumo.event;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A finding produced by another security product (OCSF Detection Finding 2004), imported as a
 * signal rather than detected again.
 *
 * @param type the product's finding type, e.g. {@code UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS}
 * @param severity the product's numeric severity
 * @param severityLabel {@code low}, {@code medium}, {@code high} or {@code critical}
 */
public record FindingDetails(String product, String type, @Nullable String title, @Nullable String description,
    @Nullable Double severity, String severityLabel, List<String> resources) implements Details {
  public FindingDetails {
    resources = List.copyOf(resources);
  }
}
