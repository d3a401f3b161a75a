package dev.kumo.respond.plan;

import dev.kumo.incident.Incident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a plan acts on. Identifiers are checked against their AWS formats (an instance id is {@code i-} and hex, an
 * account twelve digits, ...) and the case id against the characters of an AWS tag value less space (letters, digits
 * and {@code _.:/=+@-}), so that a value from a log cannot smuggle anything into an API call, a command line or a
 * terminal.
 *
 * @param role a role ARN ({@code arn:aws:iam::111122223333:role/name})
 * @param forensicAccount the account snapshots are copied to; a placeholder when null
 * @param image the known-good AMI to redeploy from; a placeholder when null
 * @param compromiseStart the start of the compromise window; a placeholder when null
 * @param notes what the factory could not decide alone (e.g. several instances in one incident)
 */
public record PlanTargets(@Nullable String instance, @Nullable String accessKey, @Nullable String role,
    @Nullable String bucket, @Nullable String account, @Nullable String region, @Nullable String caseId,
    @Nullable String forensicAccount, @Nullable String image, @Nullable Instant compromiseStart, List<String> notes) {
  static final Pattern INSTANCE = Pattern.compile("i-[0-9a-f]{8}(?:[0-9a-f]{9})?");
  static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d");
  static final Pattern ACCESS_KEY = Pattern.compile("(?:AKIA|ASIA)[A-Z2-7]{16}");
  static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/((?:[\\w+=,.@-]+/)*)([\\w+=,.@-]{1,64})");
  static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  static final Pattern IMAGE = Pattern.compile("ami-[0-9a-f]{8}(?:[0-9a-f]{9})?");
  /** AWS tag-value characters without the ones a terminal or a shell would act on. */
  static final Pattern CASE = Pattern.compile("[\\p{L}\\p{N}_.:/=+@-]{1,128}");
  private static final Pattern ASSUMED = Pattern.compile(
      "arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([\\w+=,.@-]{1,64})/(.*)");
  private static final Pattern INSTANCE_ARN = Pattern.compile("arn:aws[a-z-]*:ec2:[a-z0-9-]*:\\d{12}:instance/(.+)");
  private static final Pattern BUCKET_ARN = Pattern.compile("arn:aws[a-z-]*:s3:::([^/]+)(?:/.*)?");

  public PlanTargets {
    check("instance id", instance, INSTANCE);
    check("access key id", accessKey, ACCESS_KEY);
    check("role ARN", role, ROLE);
    check("bucket name", bucket, BUCKET);
    check("account id", account, ACCOUNT);
    check("region", region, REGION);
    check("forensic account id", forensicAccount, ACCOUNT);
    check("image id", image, IMAGE);
    check("case id", caseId, CASE);
    notes = List.copyOf(notes);
  }

  /** Explicit targets, as given on the command line. */
  public static PlanTargets of(@Nullable String instance, @Nullable String accessKey, @Nullable String role,
      @Nullable String bucket, @Nullable String account, @Nullable String region, @Nullable String caseId) {
    return new PlanTargets(instance, accessKey, role, bucket, account, region, caseId, null, null, null, List.of());
  }

  /**
   * Targets from an incident of a case, as {@code kumo respond plan --case DIR --incident ID} and the console's
   * incident view plan it: its principals, access keys, resources, accounts and regions (see
   * {@link #fromIncident(String, List, List, List, List, List, Instant)}).
   *
   * @param caseId the case id the resources are tagged with; null: the incident's id
   * @param compromiseStart the start of the compromise window; null: the incident's first finding
   */
  public static PlanTargets fromIncident(Incident incident, @Nullable String caseId, @Nullable Instant compromiseStart) {
    return fromIncident(caseId != null ? caseId : incident.id(), incident.principals(), incident.accessKeys(),
        incident.resources(), incident.accounts(), incident.regions(),
        compromiseStart != null ? compromiseStart : incident.firstSeen());
  }

  /**
   * Targets from an incident of a case, from plain values: principals (ARNs; an assumed-role session becomes its role), access key ids, resources (instance ids
   * or ARNs, bucket ARNs), accounts and regions. The first of each kind is used; every other candidate and every
   * value that is not a recognised identifier is named in {@link #notes}, never dropped silently.
   */
  public static PlanTargets fromIncident(String caseId, List<String> principals, List<String> accessKeys,
      List<String> resources, List<String> accounts, List<String> regions, @Nullable Instant compromiseStart) {
    List<String> notes = new ArrayList<>();
    Set<String> instances = new LinkedHashSet<>();
    Set<String> buckets = new LinkedHashSet<>();
    for (String r : resources) {
      Matcher a = INSTANCE_ARN.matcher(r);
      Matcher b = BUCKET_ARN.matcher(r);
      String id = a.matches() ? a.group(1) : r;
      if (INSTANCE.matcher(id).matches()) {
        instances.add(id);
      } else if (b.matches() && BUCKET.matcher(b.group(1)).matches()) {
        buckets.add(b.group(1));
      } else {
        notes.add("resource not used by the plan: " + r);
      }
    }
    Set<String> roles = new LinkedHashSet<>();
    for (String p : principals) {
      Matcher s = ASSUMED.matcher(p);
      if (s.matches() && INSTANCE.matcher(s.group(4)).matches()) {
        instances.add(s.group(4)); // an instance role's session is named after its instance
      }
      String arn = s.matches() ? "arn:" + s.group(1) + ":iam::" + s.group(2) + ":role/" + s.group(3) : p;
      if (ROLE.matcher(arn).matches()) {
        roles.add(arn);
      } else {
        notes.add("principal not used by the plan (not a role): " + p);
      }
    }
    List<String> longTermKeys = new ArrayList<>();
    for (String k : accessKeys) {
      if (k.startsWith("ASIA")) {
        notes.add("temporary key " + k + " is not deactivated: it expires, and revoking its role's sessions cuts it");
      } else {
        longTermKeys.add(k);
      }
    }
    return new PlanTargets(pick("instance", instances, notes), pick("access key", valid(longTermKeys, ACCESS_KEY,
        "access key", notes), notes), pick("role", roles, notes), pick("bucket", buckets, notes),
        pick("account", valid(accounts, ACCOUNT, "account", notes), notes),
        pick("region", valid(regions, REGION, "region", notes), notes), caseId, null, null, compromiseStart, notes);
  }

  /** A copy with the forensic account, the redeploy image and the compromise start set. */
  public PlanTargets with(@Nullable String forensicAccount, @Nullable String image, @Nullable Instant compromiseStart) {
    return new PlanTargets(instance, accessKey, role, bucket, account, region, caseId, forensicAccount, image,
        compromiseStart, notes);
  }

  /** Whether a target of {@code kind} is set. */
  public boolean has(TargetKind kind) {
    return switch (kind) {
      case INSTANCE -> instance != null;
      case ACCESS_KEY -> accessKey != null;
      case ROLE -> role != null;
      case BUCKET -> bucket != null;
      case ACCOUNT -> account != null;
      case REGION -> region != null;
    };
  }

  /** The role's name (the last path segment of its ARN), or null. */
  public @Nullable String roleName() {
    if (role == null) {
      return null;
    }
    Matcher m = ROLE.matcher(role);
    return m.matches() ? m.group(3) : null;
  }

  private static Set<String> valid(List<String> values, Pattern p, String what, List<String> notes) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      if (p.matcher(v).matches()) {
        out.add(v);
      } else {
        notes.add(what + " not used by the plan (not a valid " + what + "): " + v);
      }
    }
    return out;
  }

  private static @Nullable String pick(String what, Set<String> values, List<String> notes) {
    if (values.size() > 1) {
      List<String> rest = values.stream().skip(1).toList();
      notes.add(values.size() + " " + what + " candidates: planning for " + values.iterator().next()
          + "; plan the others separately: " + String.join(", ", rest));
    }
    return values.isEmpty() ? null : values.iterator().next();
  }

  private static void check(String what, @Nullable String value, Pattern p) {
    if (value != null && !p.matcher(value).matches()) {
      throw new IllegalArgumentException("not a valid " + what + ": '" + value + "'");
    }
  }
}
