package dev.kumo.posture.prowler;

import dev.kumo.exercise.tabletop.Threat;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.posture.check.CheckMeta;
import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.inventory.ExportFiles;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.sigma.Level;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Imports Prowler v4/v5 {@code --output-formats json-ocsf} output: a JSON array of OCSF Detection Findings
 * (class 2004). Each finding becomes one {@link CheckResult} per resource, with source {@code prowler} and a
 * {@link CheckMeta} built from the finding: id {@code prowler:<event_code>}, kind from the resource type
 * ({@code AwsS3Bucket} → {@code aws.s3.bucket}; an IAM check on the root user's ARN → {@code aws.iam.root}) or
 * {@code provider.<service>} from the check id (a check on the account itself, e.g. {@code account_*}, lands on
 * the account scope {@code aws.account} with the {@link Inventory#scopeId} id), threat and
 * techniques from the bundled prefix map ({@code prowler-threats.tsv}; unmatched checks get
 * {@code misconfiguration} and the techniques of Prowler's own {@code MITRE-ATTACK} compliance entry, else
 * none), benchmarks from the {@code CIS-*} and {@code AWS-Foundational-Security-Best-Practices} compliance keys,
 * no telemetry. Status: PASS and FAIL as written; a suppressed (muted) FAIL is {@link Status#MUTED};
 * {@code MANUAL} is {@link Status#UNKNOWN} with detail "manual check". Findings that are not readable, or of
 * providers other than AWS, Azure and GCP, become problems naming file, index and reason.
 */
public final class ProwlerOcsfReader {
  private static final JsonTreeReader JSON = new JsonTreeReader(200, 64 << 20);
  private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
  private static final Pattern ROOT = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:root");
  private static final Map<String, String> KINDS = kinds();

  private final ProwlerThreats threats = ProwlerThreats.bundled();

  /**
   * Reads one file.
   *
   * @throws IOException when the file cannot be read
   */
  public ProwlerImport read(Path path) throws IOException {
    String file = path.toString();
    List<InventoryProblem> problems = new ArrayList<>();
    Object tree;
    try {
      tree = JSON.read(ExportFiles.text(path));
    } catch (RuntimeException e) {
      return new ProwlerImport(List.of(), List.of(new InventoryProblem(file, "", "not JSON: " + e.getMessage())),
          List.of());
    }
    if (!(tree instanceof JsonArray findings)) {
      return new ProwlerImport(List.of(),
          List.of(new InventoryProblem(file, "", "not a JSON array of OCSF findings")), List.of());
    }
    List<CheckResult> results = new ArrayList<>();
    Map<String, Resource> resources = new TreeMap<>();
    for (int i = 0; i < findings.size(); i++) {
      String where = "[" + i + "]";
      try {
        if (!(findings.get(i) instanceof JsonObject f)) {
          throw new IllegalArgumentException("not an object");
        }
        for (CheckResult r : finding(file, where, f)) {
          results.add(r);
          resources.putIfAbsent(r.resource().provider().id() + "|" + r.resource().id(), r.resource());
        }
      } catch (IllegalArgumentException e) {
        problems.add(new InventoryProblem(file, where, e.getMessage()));
      }
    }
    results.sort(CheckResult.ORDER);
    List<Resource> rs = new ArrayList<>(resources.values());
    rs.sort(Resource.ORDER);
    return new ProwlerImport(results, problems, rs);
  }

  private List<CheckResult> finding(String file, String where, JsonObject f) {
    Object cls = f.get("class_uid");
    if (cls != null && !(cls instanceof Long l && l == 2004)) {
      throw new IllegalArgumentException("class_uid " + cls + " is not a Detection Finding (2004)");
    }
    JsonObject meta = f.getObject("metadata");
    String check = meta == null ? null : meta.getString("event_code");
    if (check == null || check.isBlank()) {
      throw new IllegalArgumentException("no metadata.event_code (check id)");
    }
    String code = f.getString("status_code");
    if (code == null) {
      throw new IllegalArgumentException("no status_code");
    }
    boolean muted = "Suppressed".equalsIgnoreCase(f.getString("status"))
        || f.get("status_id") instanceof Long id && id == 3;
    String detail = text(f, "status_detail");
    if (detail.isEmpty()) {
      detail = text(f, "message");
    }
    Status status;
    switch (code.toUpperCase(Locale.ROOT)) {
      case "PASS" -> status = Status.PASS;
      case "FAIL" -> status = muted ? Status.MUTED : Status.FAIL;
      case "MANUAL" -> {
        status = Status.UNKNOWN;
        detail = detail.isEmpty() ? "manual check" : "manual check: " + detail;
      }
      default -> throw new IllegalArgumentException("status_code '" + code + "' is not PASS, FAIL or MANUAL");
    }
    JsonObject cloud = f.getObject("cloud");
    String providerText = cloud != null && cloud.getString("provider") != null ? cloud.getString("provider") : "";
    Provider provider;
    try {
      provider = Provider.parse(providerText);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("provider '" + providerText + "' is not aws, azure or gcp");
    }
    JsonObject account = cloud.getObject("account");
    String accountId = account != null && account.getString("uid") != null ? account.getString("uid") : "";
    String cloudRegion = cloud.getString("region") != null ? cloud.getString("region") : "";
    String sev = f.getString("severity");
    Level level = sev == null ? null : Level.parse(sev);
    if (level == null) {
      throw new IllegalArgumentException("severity '" + sev + "' is not Critical, High, Medium, Low or Informational");
    }
    if (!(f.get("resources") instanceof JsonArray rs) || rs.isEmpty()) {
      throw new IllegalArgumentException("no resources");
    }
    JsonObject info = f.getObject("finding_info");
    String title = info != null && !text(info, "title").isEmpty() ? text(info, "title") : check;
    JsonObject unmapped = f.getObject("unmapped");
    JsonObject compliance = unmapped == null ? null : unmapped.getObject("compliance");
    ProwlerThreats.Entry entry = threats.match(check);
    Threat threat = entry != null ? entry.threat() : Threat.MISCONFIGURATION;
    List<String> techniques = entry != null ? entry.techniques() : mitre(compliance);
    JsonObject rem = f.getObject("remediation");
    String remediation = rem == null ? "" : text(rem, "desc");
    String command = "";
    if (rem != null && rem.get("references") instanceof JsonArray refs) {
      List<String> urls = new ArrayList<>();
      for (Object o : refs) {
        if (o instanceof String s && !s.isBlank()) {
          if (s.startsWith("http")) {
            urls.add(s);
          } else if (command.isEmpty() && (s.startsWith("aws ") || s.startsWith("az ") || s.startsWith("gcloud "))) {
            command = s;
          }
        }
      }
      if (!urls.isEmpty()) {
        remediation = (remediation + " See " + String.join(", ", urls)).strip();
      }
    }
    List<CheckResult> out = new ArrayList<>();
    for (int j = 0; j < rs.size(); j++) {
      if (!(rs.get(j) instanceof JsonObject r)) {
        throw new IllegalArgumentException("resources[" + j + "] is not an object");
      }
      String uid = text(r, "uid");
      if (uid.isEmpty()) {
        throw new IllegalArgumentException("resources[" + j + "] has no uid");
      }
      String kind = kind(provider, text(r, "type"), check);
      if (kind.equals("aws.iam") && ROOT.matcher(uid).matches()) {
        kind = "aws.iam.root";
      }
      if (kind.equals(Inventory.accountKind(provider))) {
        uid = Inventory.scopeId(provider, accountId, "");
      }
      String region = !text(r, "region").isEmpty() ? text(r, "region") : cloudRegion;
      String name = text(r, "name").isEmpty() ? uid : text(r, "name");
      Resource res = new Resource(provider, kind, uid, name, accountId, region, Facts.EMPTY, file + " " + where);
      CheckMeta cm = new CheckMeta("prowler:" + check, provider, kind, title, level, threat, techniques,
          benchmarks(provider, compliance), List.of(), text(f, "risk_details"), remediation, command);
      out.add(new CheckResult(cm, res, status, detail, "prowler"));
    }
    return out;
  }

  /** Kind from the resource type for the common types, else {@code provider.<service>} from the check id. */
  static String kind(Provider provider, String type, String check) {
    String k = KINDS.get(type);
    if (k != null) {
      return k;
    }
    String service = check.split("_", 2)[0].toLowerCase(Locale.ROOT);
    if (service.equals("awslambda")) {
      service = "lambda";
    }
    return provider.id() + "." + service;
  }

  private static List<String> benchmarks(Provider provider, @Nullable JsonObject compliance) {
    List<String> out = new ArrayList<>();
    if (compliance == null) {
      return out;
    }
    String cis = switch (provider) {
      case AWS -> "CIS AWS ";
      case AZURE -> "CIS Azure ";
      case GCP -> "CIS GCP ";
    };
    for (int i = 0; i < compliance.size(); i++) {
      String key = compliance.keyAt(i);
      List<String> ids = strings(compliance.valueAt(i));
      if (key.startsWith("CIS-")) {
        ids.forEach(id -> out.add(cis + key.substring(4) + " " + id));
      } else if (key.equals("AWS-Foundational-Security-Best-Practices")) {
        ids.forEach(id -> out.add("AWS FSBP " + id));
      }
    }
    return out.stream().distinct().sorted().toList();
  }

  private static List<String> mitre(@Nullable JsonObject compliance) {
    List<String> out = new ArrayList<>();
    if (compliance == null) {
      return out;
    }
    for (int i = 0; i < compliance.size(); i++) {
      if (compliance.keyAt(i).toUpperCase(Locale.ROOT).startsWith("MITRE-ATTACK")) {
        strings(compliance.valueAt(i)).stream().filter(t -> TECHNIQUE.matcher(t).matches()).forEach(out::add);
      }
    }
    return out.stream().distinct().sorted().toList();
  }

  private static List<String> strings(@Nullable Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof JsonArray a) {
      for (Object o : a) {
        if (o instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private static String text(JsonObject o, String key) {
    String s = o.getString(key);
    return s == null ? "" : s.strip();
  }

  private static Map<String, String> kinds() {
    Map<String, String> m = new TreeMap<>();
    m.put("AwsS3Bucket", "aws.s3.bucket");
    m.put("AwsEc2SecurityGroup", "aws.ec2.security_group");
    m.put("AwsEc2NetworkAcl", "aws.ec2.network_acl");
    m.put("AwsEc2Instance", "aws.ec2.instance");
    m.put("AwsEc2Volume", "aws.ec2.volume");
    m.put("AwsEc2Snapshot", "aws.ec2.snapshot");
    m.put("AwsEc2Vpc", "aws.ec2.vpc");
    m.put("AwsIamUser", "aws.iam.user");
    m.put("AwsIamRole", "aws.iam.role");
    m.put("AwsIamGroup", "aws.iam.group");
    m.put("AwsIamPolicy", "aws.iam.policy");
    m.put("AwsCloudTrailTrail", "aws.cloudtrail.trail");
    m.put("AwsKmsKey", "aws.kms.key");
    m.put("AwsRdsDbInstance", "aws.rds.instance");
    m.put("AwsRdsDbSnapshot", "aws.rds.snapshot");
    m.put("AwsRedshiftCluster", "aws.redshift.cluster");
    m.put("AwsLambdaFunction", "aws.lambda.function");
    m.put("AwsEksCluster", "aws.eks.cluster");
    m.put("AwsEcrRepository", "aws.ecr.repository");
    m.put("AwsGuardDutyDetector", "aws.guardduty.detector");
    m.put("AwsBackupBackupVault", "aws.backup.vault");
    m.put("AwsBackupBackupPlan", "aws.backup.plan");
    m.put("AwsCloudWatchAlarm", "aws.cloudwatch.alarm");
    m.put("AzureStorageAccount", "azure.storage.account");
    m.put("Microsoft.Storage/storageAccounts", "azure.storage.account");
    m.put("Microsoft.Network/networkSecurityGroups", "azure.network.nsg");
    m.put("Microsoft.KeyVault/vaults", "azure.keyvault.vault");
    m.put("storage.googleapis.com/Bucket", "gcp.storage.bucket");
    m.put("compute.googleapis.com/Firewall", "gcp.compute.firewall");
    m.put("compute.googleapis.com/Instance", "gcp.compute.instance");
    return Map.copyOf(m);
  }
}
