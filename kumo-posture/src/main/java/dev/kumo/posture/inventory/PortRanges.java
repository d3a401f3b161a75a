package dev.kumo.posture.inventory;

import org.jspecify.annotations.Nullable;

/** Port ranges written as text ({@code 22}, {@code 1000-2000}), as Azure NSG and GCP firewall rules write them. */
public final class PortRanges {
  private PortRanges() {}

  /**
   * {@code N} or {@code N-M} (blanks around the numbers allowed) as {@code {from, to}}; null unless both are
   * whole numbers with {@code 0 <= from <= to <= 65535}.
   */
  public static int @Nullable [] parse(String range) {
    try {
      String r = range.trim();
      int dash = r.indexOf('-');
      int from = Integer.parseInt(dash < 0 ? r : r.substring(0, dash).trim());
      int to = dash < 0 ? from : Integer.parseInt(r.substring(dash + 1).trim());
      return from < 0 || to > 65535 || from > to ? null : new int[] {from, to};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
