package dev.kumo.posture.check.aws;

import dev.kumo.posture.check.CheckContext;
import dev.kumo.posture.check.CheckSet;
import dev.kumo.posture.check.Rule;
import dev.kumo.posture.check.Verdict;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Logging and threat-detection coverage: CloudTrail per region and per trail, AWS Config, GuardDuty and
 * Security Hub per region.
 *
 * <p>"Missing" checks run on the {@code aws.region} / {@code aws.account} scopes. They fail only when the
 * inventory carries that service's data for the account (some trail, recorder, detector or a Panther summary)
 * and none covers the scope; with no data at all for the account they say unknown, since an export that left
 * the service out looks the same as an account without it. A Panther summary ({@code aws.*.summary}) tells
 * where something exists but not whether it is logging or enabled: a region it lists is unknown, a region it
 * leaves out fails.
 */
public final class AwsLoggingChecks implements CheckSet {
  @Override
  public Map<String, Rule> rules() {
    Map<String, Rule> r = new LinkedHashMap<>();
    r.put("aws-cloudtrail-region-off", AwsLoggingChecks::trailRegion);
    r.put("aws-cloudtrail-log-validation-off", (res, inv, ctx) -> AwsIdentityChecks.flag(res.facts(),
        "log_validation", true, "log file validation on", "log file validation off"));
    r.put("aws-cloudtrail-unencrypted", AwsLoggingChecks::trailEncrypted);
    r.put("aws-cloudtrail-s3-data-events-off", AwsLoggingChecks::s3DataEvents);
    r.put("aws-config-recorder-region-off", (res, inv, ctx) -> regional(res, inv, "aws.config.recorder",
        "recording", "aws.config.summary", "recorder_regions", "AWS Config recorder"));
    r.put("aws-config-recorder-partial", (res, inv, ctx) -> AwsIdentityChecks.flag(res.facts(), "all_supported",
        true, "records all supported resource types", "records only selected resource types"));
    r.put("aws-guardduty-region-off", (res, inv, ctx) -> regional(res, inv, "aws.guardduty.detector",
        "enabled", "aws.guardduty.summary", "detector_regions", "GuardDuty detector"));
    r.put("aws-securityhub-region-off", (res, inv, ctx) -> regional(res, inv, "aws.securityhub.hub",
        "enabled", "aws.securityhub.summary", "hub_regions", "Security Hub"));
    return r;
  }

  /** Trails of the scope's account, plus organization trails of other accounts. */
  private static List<Resource> trails(Resource scope, Inventory inv) {
    List<Resource> out = new ArrayList<>(inv.inAccount("aws.cloudtrail.trail", scope));
    for (Resource t : inv.ofKind("aws.cloudtrail.trail")) {
      if (Boolean.TRUE.equals(t.facts().bool("organization_trail")) && !out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private static Verdict trailRegion(Resource region, Inventory inv, CheckContext ctx) {
    List<Resource> trails = trails(region, inv);
    List<Resource> summaries = inv.inAccount("aws.cloudtrail.summary", region);
    String missing = null;
    for (Resource t : trails) {
      Facts f = t.facts();
      Boolean logging = f.bool("logging");
      Boolean mgmt = f.bool("management_events");
      Boolean multi = f.bool("multi_region");
      String home = f.string("home_region") != null ? f.string("home_region") : t.region();
      boolean here = Boolean.TRUE.equals(multi) || region.region().equals(home);
      if (Boolean.TRUE.equals(logging) && Boolean.TRUE.equals(mgmt) && here) {
        return Verdict.pass("trail " + t.name() + " logs management events here");
      }
      if (!Boolean.FALSE.equals(logging) && !Boolean.FALSE.equals(mgmt) && (multi == null || here)
          && (logging == null || mgmt == null || multi == null)) {
        missing = (logging == null ? "logging" : mgmt == null ? "management_events" : "multi_region")
            + " of trail " + t.name();
      }
    }
    for (Resource s : summaries) {
      List<String> names = s.facts().strings("trails");
      if (Boolean.TRUE.equals(s.facts().bool("management_events")) && names != null && !names.isEmpty()) {
        missing = "logging status of the multi-region trails " + String.join(", ", names);
      }
    }
    if (missing != null) {
      return Verdict.unknown(missing);
    }
    if (trails.isEmpty() && summaries.isEmpty()) {
      return Verdict.unknown("CloudTrail trails of this account");
    }
    return Verdict.fail("no logging trail records management write events in this region");
  }

  private static Verdict trailEncrypted(Resource trail, Inventory inv, CheckContext ctx) {
    String key = trail.facts().string("kms_key");
    if (key == null) {
      return Verdict.unknown("kms_key");
    }
    return Verdict.of(!key.isEmpty(), "log files encrypted with " + key, "log files not encrypted with a KMS key");
  }

  private static Verdict s3DataEvents(Resource account, Inventory inv, CheckContext ctx) {
    List<Resource> trails = trails(account, inv);
    String missing = null;
    for (Resource t : trails) {
      Boolean logging = t.facts().bool("logging");
      List<String> s3 = t.facts().strings("s3_data_events");
      if (Boolean.TRUE.equals(logging) && s3 != null && !s3.isEmpty()) {
        return Verdict.pass("trail " + t.name() + " records S3 data events (" + String.join(", ", s3) + ")");
      }
      if (!Boolean.FALSE.equals(logging) && (s3 == null || !s3.isEmpty())) {
        missing = (logging == null ? "logging" : "s3_data_events") + " of trail " + t.name();
      }
    }
    for (Resource s : inv.inAccount("aws.cloudtrail.summary", account)) {
      List<String> s3 = s.facts().strings("s3_data_events");
      if (s3 == null || !s3.isEmpty()) {
        missing = "logging status of the multi-region trails recording S3 data events";
      }
    }
    if (missing != null) {
      return Verdict.unknown(missing);
    }
    if (trails.isEmpty() && inv.inAccount("aws.cloudtrail.summary", account).isEmpty()) {
      return Verdict.unknown("CloudTrail trails of this account");
    }
    return Verdict.fail("no logging trail records S3 object-level (data) events");
  }

  /**
   * A per-region service: pass when a resource of {@code kind} in the scope's region has {@code fact} true;
   * see the class comment for summaries and for the unknown cases.
   */
  static Verdict regional(Resource region, Inventory inv, String kind, String fact, String summaryKind,
      String regionsFact, String what) {
    List<Resource> here = inv.inAccount(kind, region).stream()
        .filter(r -> r.region().equals(region.region())).toList();
    boolean unknown = false;
    for (Resource r : here) {
      Boolean on = r.facts().bool(fact);
      if (Boolean.TRUE.equals(on)) {
        return Verdict.pass(what + " " + r.name() + " is " + fact);
      }
      unknown |= on == null;
    }
    if (unknown) {
      return Verdict.unknown(fact + " of the " + what + " in this region");
    }
    if (!here.isEmpty()) {
      return Verdict.fail(what + " in this region is not " + fact);
    }
    List<Resource> summaries = inv.inAccount(summaryKind, region);
    for (Resource s : summaries) {
      List<String> regions = s.facts().strings(regionsFact);
      if (regions == null || regions.contains(region.region())) {
        return Verdict.unknown("whether the " + what + " listed for this region is " + fact);
      }
    }
    if (summaries.isEmpty() && inv.inAccount(kind, region).isEmpty()) {
      return Verdict.unknown(what + "s of this account");
    }
    return Verdict.fail("no " + what + " in this region");
  }
}
