package dev.kumo.detector;

import dev.kumo.detector.billing.CostSpikeDetector;
import dev.kumo.detector.compute.ComputeInNewRegionDetector;
import dev.kumo.detector.identity.BehaviorBaselineDetector;
import dev.kumo.detector.identity.HostRoleNewControlPlaneApiDetector;
import dev.kumo.detector.identity.InstanceCredentialsOutsideDetector;
import dev.kumo.detector.identity.RemoteCommandFanoutDetector;
import dev.kumo.detector.identity.RoleChainToAdminDetector;
import dev.kumo.detector.intel.IntelMatchDetector;
import dev.kumo.detector.logging.CloudTrailLogIntegrityDetector;
import dev.kumo.detector.logging.LoggingSilenceDetector;
import dev.kumo.detector.network.EgressSpikeDetector;
import dev.kumo.detector.network.ExploitThenRoleActivityDetector;
import dev.kumo.detector.network.MiningPoolDetector;
import dev.kumo.detector.network.OutboundFloodDetector;
import dev.kumo.detector.network.OutboundScanDetector;
import dev.kumo.detector.storage.S3CopyToForeignBucketDetector;
import dev.kumo.detector.storage.S3DeleteVolumeDetector;
import dev.kumo.detector.storage.S3ReadVolumeDetector;
import dev.kumo.intel.Intel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/** The detectors that ship with Kumo, built with their settings. */
public final class BuiltinDetectors {
  private BuiltinDetectors() {}

  /** A detector kind: its name, its settings, and how to build it. */
  private record Kind(String name, List<Setting<?>> settings, BiFunction<DetectorConfig, Intel, Detector> factory) {}

  private static List<Kind> kinds() {
    return List.of(
        new Kind(InstanceCredentialsOutsideDetector.NAME, InstanceCredentialsOutsideDetector.SETTINGS,
            InstanceCredentialsOutsideDetector::new),
        // identity: upstream movement and identity abuse (baselines, instance roles, role chains, fan-out)
        new Kind(BehaviorBaselineDetector.NAME, BehaviorBaselineDetector.SETTINGS, BehaviorBaselineDetector::new),
        new Kind(HostRoleNewControlPlaneApiDetector.NAME, HostRoleNewControlPlaneApiDetector.SETTINGS,
            HostRoleNewControlPlaneApiDetector::new),
        new Kind(RoleChainToAdminDetector.NAME, RoleChainToAdminDetector.SETTINGS, RoleChainToAdminDetector::new),
        new Kind(RemoteCommandFanoutDetector.NAME, RemoteCommandFanoutDetector.SETTINGS,
            RemoteCommandFanoutDetector::new),
        // compute: cryptomining signals
        new Kind(ComputeInNewRegionDetector.NAME, ComputeInNewRegionDetector.SETTINGS,
            ComputeInNewRegionDetector::new),
        // logging, storage: log tampering and gaps, data theft and ransomware in S3 (logging, storage)
        new Kind(CloudTrailLogIntegrityDetector.NAME, CloudTrailLogIntegrityDetector.SETTINGS,
            CloudTrailLogIntegrityDetector::new),
        new Kind(LoggingSilenceDetector.NAME, LoggingSilenceDetector.SETTINGS, LoggingSilenceDetector::new),
        new Kind(S3ReadVolumeDetector.NAME, S3ReadVolumeDetector.SETTINGS, S3ReadVolumeDetector::new),
        new Kind(S3DeleteVolumeDetector.NAME, S3DeleteVolumeDetector.SETTINGS, S3DeleteVolumeDetector::new),
        new Kind(S3CopyToForeignBucketDetector.NAME, S3CopyToForeignBucketDetector.SETTINGS,
            S3CopyToForeignBucketDetector::new),
        // billing: cost and usage exports (aws.cur, focus)
        new Kind(CostSpikeDetector.NAME, CostSpikeDetector.SETTINGS, (config, intel) -> new CostSpikeDetector(config)),
        // network: scans, floods and egress from our hosts, mining pools, web exploit then role activity
        new Kind(OutboundScanDetector.NAME, OutboundScanDetector.SETTINGS, OutboundScanDetector::new),
        new Kind(OutboundFloodDetector.NAME, OutboundFloodDetector.SETTINGS, OutboundFloodDetector::new),
        new Kind(EgressSpikeDetector.NAME, EgressSpikeDetector.SETTINGS, EgressSpikeDetector::new),
        new Kind(MiningPoolDetector.NAME, MiningPoolDetector.SETTINGS, MiningPoolDetector::new),
        new Kind(ExploitThenRoleActivityDetector.NAME, ExploitThenRoleActivityDetector.SETTINGS,
            ExploitThenRoleActivityDetector::new),
        // intel: the analyst's indicators of compromise, in every source
        new Kind(IntelMatchDetector.NAME, IntelMatchDetector.SETTINGS, IntelMatchDetector::new));
  }

  /**
   * Every enabled built-in detector, configured.
   *
   * @throws IllegalArgumentException when the configuration names an unknown detector or setting,
   *     or a value is invalid
   */
  public static List<Detector> create(DetectorConfig config, Intel intel) {
    config.validate(settingNames());
    List<Detector> out = new ArrayList<>();
    for (Kind k : kinds()) {
      if (config.enabled(k.name())) {
        out.add(k.factory().apply(config, intel));
      }
    }
    return out;
  }

  /** Detector name to the names of its settings. */
  public static Map<String, Set<String>> settingNames() {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Kind k : kinds()) {
      Set<String> names = new TreeSet<>();
      k.settings().forEach(s -> names.add(s.name()));
      out.put(k.name(), names);
    }
    return out;
  }
}
