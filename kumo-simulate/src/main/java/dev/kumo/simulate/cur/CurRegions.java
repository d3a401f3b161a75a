package dev.kumo.simulate.cur;

import java.util.Map;

/** How the cost and usage report names regions: usage-type prefixes and location names. */
public final class CurRegions {
  private static final Map<String, String> PREFIXES = Map.ofEntries(Map.entry("us-east-1", ""),
      Map.entry("us-east-2", "USE2-"), Map.entry("us-west-1", "USW1-"), Map.entry("us-west-2", "USW2-"),
      Map.entry("eu-west-1", "EU-"), Map.entry("eu-west-2", "EUW2-"), Map.entry("eu-central-1", "EUC1-"),
      Map.entry("eu-north-1", "EUN1-"), Map.entry("ap-southeast-1", "APS1-"), Map.entry("ap-southeast-2", "APS2-"),
      Map.entry("ap-northeast-1", "APN1-"), Map.entry("ap-south-1", "APS3-"), Map.entry("sa-east-1", "SAE1-"),
      Map.entry("ca-central-1", "CAN1-"), Map.entry("me-south-1", "MES1-"), Map.entry("af-south-1", "AFS1-"));
  private static final Map<String, String> LOCATIONS = Map.ofEntries(
      Map.entry("us-east-1", "US East (N. Virginia)"), Map.entry("us-east-2", "US East (Ohio)"),
      Map.entry("us-west-1", "US West (N. California)"), Map.entry("us-west-2", "US West (Oregon)"),
      Map.entry("eu-west-1", "EU (Ireland)"), Map.entry("eu-west-2", "EU (London)"),
      Map.entry("eu-central-1", "EU (Frankfurt)"), Map.entry("eu-north-1", "EU (Stockholm)"),
      Map.entry("ap-southeast-1", "Asia Pacific (Singapore)"), Map.entry("ap-southeast-2", "Asia Pacific (Sydney)"),
      Map.entry("ap-northeast-1", "Asia Pacific (Tokyo)"), Map.entry("ap-south-1", "Asia Pacific (Mumbai)"),
      Map.entry("sa-east-1", "South America (Sao Paulo)"), Map.entry("ca-central-1", "Canada (Central)"),
      Map.entry("me-south-1", "Middle East (Bahrain)"), Map.entry("af-south-1", "Africa (Cape Town)"));

  private CurRegions() {}

  /** The usage-type prefix of {@code region} ({@code USW2-}; none for us-east-1). */
  public static String prefix(String region) {
    return PREFIXES.getOrDefault(region, "");
  }

  /** The location name of {@code region} ({@code US West (Oregon)}), or the region code when unknown. */
  public static String location(String region) {
    return LOCATIONS.getOrDefault(region, region);
  }
}
