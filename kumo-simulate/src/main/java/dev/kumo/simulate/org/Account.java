package dev.kumo.simulate.org;

import java.util.List;

/**
 * One AWS account of the organisation.
 *
 * @param regions the regions it uses, the home region first (global services log there too)
 */
public record Account(String id, String name, AccountKind kind, List<String> regions) {
  public Account {
    regions = List.copyOf(regions);
  }

  public String homeRegion() {
    return regions.get(0);
  }
}
