package dev.kumo.posture.inventory.gcp;

import java.util.Locale;
import java.util.Map;

/** Cloud Asset Inventory {@code asset_type} → Kumo kind. */
final class GcpKinds {
  static final String BUCKET = "gcp.storage.bucket";
  static final String FIREWALL = "gcp.compute.firewall";
  static final String INSTANCE = "gcp.compute.instance";
  static final String IMAGE = "gcp.compute.image";
  static final String SNAPSHOT = "gcp.compute.snapshot";
  static final String DISK = "gcp.compute.disk";
  static final String SUBNETWORK = "gcp.compute.subnetwork";
  static final String SQL_INSTANCE = "gcp.sql.instance";
  static final String KMS_KEY = "gcp.kms.key";
  static final String SA_KEY = "gcp.iam.service_account_key";
  static final String PROJECT = "gcp.project.policy";
  static final String SINK = "gcp.logging.sink";
  static final String CLUSTER = "gcp.container.cluster";
  static final String PROJECT_TYPE = "cloudresourcemanager.googleapis.com/Project";

  private static final Map<String, String> KNOWN = Map.ofEntries(
      Map.entry("storage.googleapis.com/Bucket", BUCKET),
      Map.entry("compute.googleapis.com/Firewall", FIREWALL),
      Map.entry("compute.googleapis.com/Instance", INSTANCE),
      Map.entry("compute.googleapis.com/Image", IMAGE),
      Map.entry("compute.googleapis.com/Snapshot", SNAPSHOT),
      Map.entry("compute.googleapis.com/Disk", DISK),
      Map.entry("compute.googleapis.com/Subnetwork", SUBNETWORK),
      Map.entry("sqladmin.googleapis.com/Instance", SQL_INSTANCE),
      Map.entry("cloudkms.googleapis.com/CryptoKey", KMS_KEY),
      Map.entry("iam.googleapis.com/ServiceAccountKey", SA_KEY),
      Map.entry(PROJECT_TYPE, PROJECT),
      Map.entry("logging.googleapis.com/LogSink", SINK),
      Map.entry("container.googleapis.com/Cluster", CLUSTER));

  private GcpKinds() {}

  /**
   * The kind of an asset type: a known kind, else {@code gcp.SERVICE.TYPE} with the service before
   * {@code .googleapis.com} and the type in snake case ({@code compute.googleapis.com/ForwardingRule} →
   * {@code gcp.compute.forwarding_rule}).
   */
  static String kind(String assetType) {
    String known = KNOWN.get(assetType.trim());
    if (known != null) {
      return known;
    }
    String t = assetType.trim();
    int slash = t.indexOf('/');
    String service = slash < 0 ? t : t.substring(0, slash);
    String type = slash < 0 ? "resource" : t.substring(slash + 1);
    if (service.endsWith(".googleapis.com")) {
      service = service.substring(0, service.length() - ".googleapis.com".length());
    }
    String snake = type.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('/', '.');
    return ("gcp." + service.replace('.', '_') + "." + snake).toLowerCase(Locale.ROOT);
  }

  /** Kinds whose IAM policy Kumo reads; without a policy line in an IAM export they have no bindings. */
  static boolean hasIamFacts(String kind) {
    return kind.equals(BUCKET) || kind.equals(IMAGE) || kind.equals(SNAPSHOT) || kind.equals(DISK)
        || kind.equals(KMS_KEY) || kind.equals(PROJECT);
  }
}
