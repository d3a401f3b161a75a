package dev.kumo.detector.storage;

import dev.kumo.detector.Alert;
import dev.kumo.detector.Alerts;
import dev.kumo.detector.BoundedMap;
import dev.kumo.detector.Combine;
import dev.kumo.detector.Detector;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.DetectorMeta;
import dev.kumo.detector.DetectorState;
import dev.kumo.detector.Episodes;
import dev.kumo.detector.Observation;
import dev.kumo.detector.Observer;
import dev.kumo.detector.Setting;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Reasons;
import dev.kumo.intel.Intel;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Server-side copies that take data out of an account's control. Two signals:
 *
 * <ul>
 *   <li>Objects copied ({@code CopyObject}, {@code UploadPartCopy}) out of one account's bucket into a
 *       bucket of another account: data leaving the account without being downloaded (exfiltration to
 *       an attacker's bucket, ransomware staging a copy).
 *   <li>Objects rewritten by {@code CopyObject} with a key the bucket's account does not hold: a
 *       customer-provided key (SSE-C; AWS keeps no copy, so only the key holder can read them again)
 *       when the source was not SSE-C already, or a KMS key of another account
 *       ({@code x-amz-server-side-encryption-aws-kms-key-id}). This is how S3 ransomware encrypts in
 *       place (Stratus {@code aws.impact.s3-ransomware-client-side-encryption}, Codefinger).
 *       {@code PutObject} is left out: applications that use SSE-C or a central KMS key upload with
 *       it all the time, and a re-encryption of existing objects is a copy.
 * </ul>
 *
 * <p>Cross-account copies: Bucket owners come from the
 * {@code accountId} CloudTrail gives each bucket in {@code resources[]}, matched to the destination
 * ({@code requestParameters.bucketName}) and the source ({@code x-amz-copy-source}, whose access
 * point ARN also names the account). When the names cannot be matched (edited logs), two bucket
 * owners that differ are enough, as in Panther's AWS.S3.CopyObjectToExternalAccountBucket. Copies
 * into the account the logs belong to from elsewhere (inbound) are left out.
 *
 * One finding per principal, source and destination per episode: {@code high} when the
 * destination account is not one whose logs are in the hunt, {@code low} when it is (data moving
 * between the organisation's own accounts).
 *
 * <p>Re-encryption: one finding per principal, bucket and key per episode: {@code high} from
 * {@code encrypt-min-objects} objects with SSE-C or with a KMS key of an account whose logs are not
 * in the hunt, {@code low} otherwise (a single SSE-C copy, a key of the organisation's own accounts).
 */
public final class S3CopyToForeignBucketDetector implements Detector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_aws_s3_copy_to_foreign_bucket";
  static final int COPY = 0;
  static final int ACCOUNT = 1;
  static final int ENCRYPT = 2;
  /** Episode key prefixes: the two signals share one {@link Episodes}. */
  private static final String COPY_PREFIX = "copy\n";
  private static final String ENCRYPT_PREFIX = "encrypt\n";
  /** The encryption mode of an {@link #ENCRYPT} observation for customer-provided keys. */
  static final String SSE_C = "SSE-C";

  static final Setting<Duration> QUIET = Setting.duration("episode-quiet", Duration.ofHours(1),
      "an episode (one finding) ends after this long without another copy by the same principal between the same "
          + "buckets; default 1h");
  static final Setting<Integer> MAX_EPISODES = Setting.integer("max-open-episodes", 10_000,
      "episodes held open at once; beyond this the oldest is reported early; default 10000");
  static final Setting<Integer> MAX_ACCOUNTS = Setting.integer("max-accounts", 100_000,
      "accounts whose logs are in the hunt remembered at once (to tell the organisation's own accounts from "
          + "foreign ones); default 100000");
  static final Setting<Integer> ENCRYPT_MIN = Setting.integer("encrypt-min-objects", 10,
      "objects a principal must rewrite in one episode with SSE-C or a foreign KMS key for a high finding (fewer: "
          + "low); default 10");
  public static final List<Setting<?>> SETTINGS = List.of(QUIET, MAX_EPISODES, MAX_ACCOUNTS, ENCRYPT_MIN);

  private static final RuleMeta META = DetectorMeta.of(NAME, "a3d58e21-9f4c-4b7a-8c06-e2b17f94d5c8",
      "AWS S3 Objects Copied to Another Account's Bucket or Re-encrypted With a Foreign Key")
      .description("CopyObject or UploadPartCopy from a bucket of one account into a bucket owned by another account "
          + "(bucket owners from the accountId of each bucket in the event's resources): data copied out "
          + "server-side, as in exfiltration to an attacker-controlled bucket. High when the destination account "
          + "has no logs in the hunt, low when it is another account of the same logs (same organisation). Also "
          + "CopyObject rewriting objects with a customer-provided key (SSE-C) or a KMS key of another account, as "
          + "S3 ransomware does: high from 10 objects in an episode (SSE-C, or a key account with no logs in the "
          + "hunt), low below.")
      .level(Level.HIGH)
      .tags("attack.exfiltration", "attack.t1537", "attack.impact", "attack.t1486", "kumo.threat.data-theft",
          "kumo.threat.ransomware")
      .references("https://attack.mitre.org/techniques/T1537/",
          "https://github.com/panther-labs/panther-analysis/blob/main/rules/aws_cloudtrail_rules/"
              + "aws_s3_copy_object_to_external_account_bucket.yml")
      .falsepositives("Copies to a partner's or vendor's bucket, or to an account of the organisation whose logs "
          + "are not part of the hunt", "A migration of existing objects to SSE-C or to a central KMS key account "
          + "whose logs are not part of the hunt")
      .build();

  private final Duration quiet;
  private final int maxEpisodes;
  private final int maxAccounts;
  private final int encryptMin;

  public S3CopyToForeignBucketDetector(DetectorConfig config, Intel intel) {
    this.quiet = QUIET.read(config, NAME);
    this.maxEpisodes = MAX_EPISODES.read(config, NAME);
    this.maxAccounts = MAX_ACCOUNTS.read(config, NAME);
    this.encryptMin = Math.max(1, ENCRYPT_MIN.read(config, NAME));
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Set<String> sources() {
    return Set.of("aws.cloudtrail");
  }

  @Override
  public List<Setting.Value> settings() {
    return List.of(QUIET.describe(quiet), MAX_EPISODES.describe(maxEpisodes), MAX_ACCOUNTS.describe(maxAccounts),
        ENCRYPT_MIN.describe(encryptMin));
  }

  @Override
  public Combine combine(int kind) {
    return kind == ACCOUNT ? Combine.FIRST : Combine.ALL;
  }

  @Override
  public void observe(NormalizedEvent e, Observer out) {
    String recipient = e.cloud().account();
    if (recipient != null) {
      out.emit(ACCOUNT, recipient, null, 0);
    }
    String op = e.api().operation();
    if (!"CopyObject".equals(op) && !"UploadPartCopy".equals(op) || !S3Events.SERVICE.equals(e.api().service())
        || e.api().failed()) {
      return;
    }
    JsonObject req = e.raw().getObject("requestParameters");
    if (req == null) {
      return;
    }
    Object resources = e.raw().get("resources");
    String principal = e.actor().label();
    String who = principal == null ? "unknown principal" : principal;
    Copy c = copy(req, resources, recipient);
    if (c != null) {
      out.emit(COPY, who + "\n" + c.sourceOwner + "\n" + c.sourceBucket + "\n" + c.destOwner + "\n" + c.destBucket,
          req.getString("key"), 0);
    }
    if ("CopyObject".equals(op)) {
      String mode = foreignEncryption(req, e.raw().getObject("responseElements"), resources, recipient);
      String bucket = req.getString("bucketName");
      if (mode != null && bucket != null) {
        out.emit(ENCRYPT, who + "\n" + bucket + "\n" + mode, req.getString("key"), 0);
      }
    }
  }

  /**
   * How a CopyObject encrypts its result with a key the destination bucket's account does not hold:
   * {@link #SSE_C} for a customer-provided key when the source was not SSE-C already, the key's
   * account for a KMS key ARN of another account; null otherwise (default encryption, own keys, key
   * ids or aliases without an account).
   */
  static @Nullable String foreignEncryption(JsonObject req, @Nullable JsonObject resp, @Nullable Object resources,
      @Nullable String recipient) {
    if (header(req, resp, "x-amz-server-side-encryption-customer-algorithm") != null) {
      return req.get("x-amz-copy-source-server-side-encryption-customer-algorithm") != null ? null : SSE_C;
    }
    String kms = header(req, resp, "x-amz-server-side-encryption-aws-kms-key-id");
    if (kms == null || !kms.startsWith("arn:")) {
      return null;
    }
    String[] parts = kms.split(":", 6); // arn:aws:kms:region:account:key/id
    if (parts.length < 6 || parts[4].isEmpty()) {
      return null;
    }
    String dest = req.getString("bucketName");
    String owner = dest == null ? null : bucketOwners(resources).get(dest);
    if (owner == null) {
      owner = recipient;
    }
    return owner == null || owner.equals(parts[4]) ? null : parts[4];
  }

  private static @Nullable String header(JsonObject req, @Nullable JsonObject resp, String name) {
    String v = req.getString(name);
    if (v == null && resp != null) {
      v = resp.getString(name);
    }
    return v == null || v.isEmpty() ? null : v;
  }

  /** A copy between buckets of two accounts. */
  record Copy(String sourceBucket, String sourceOwner, String destBucket, String destOwner) {}

  /** The copy an event describes when its source and destination belong to different accounts, else null. */
  static @Nullable Copy copy(JsonObject req, @Nullable Object resources, @Nullable String recipient) {
    String dest = req.getString("bucketName");
    String source = req.get("x-amz-copy-source") instanceof String s ? s : null;
    Map<String, String> owners = bucketOwners(resources);
    String sourceBucket = null;
    String sourceOwner = null;
    if (source != null) {
      String decoded = decode(source);
      if (decoded.startsWith("/")) {
        decoded = decoded.substring(1);
      }
      if (decoded.startsWith("arn:")) { // arn:aws:s3:region:account:accesspoint/name/object/key
        String[] parts = decoded.split(":", 6);
        if (parts.length == 6) {
          sourceOwner = parts[4].isEmpty() ? null : parts[4];
          String[] ap = parts[5].split("/", 3);
          sourceBucket = ap.length >= 2 ? ap[0] + "/" + ap[1] : parts[5];
        }
      } else {
        int slash = decoded.indexOf('/');
        sourceBucket = slash < 0 ? decoded : decoded.substring(0, slash);
      }
      if (sourceOwner == null && sourceBucket != null) {
        sourceOwner = owners.get(sourceBucket);
      }
    }
    String destOwner = dest == null ? null : owners.get(dest);
    if (sourceOwner != null && destOwner != null && sourceBucket != null) {
      boolean inbound = recipient != null && destOwner.equals(recipient) && !sourceOwner.equals(recipient);
      return sourceOwner.equals(destOwner) || inbound ? null : new Copy(sourceBucket, sourceOwner, dest, destOwner);
    }
    // names not matched (e.g. edited logs): two bucket owners that differ, one of them the recipient
    Set<String> accounts = new java.util.TreeSet<>(owners.values());
    if (accounts.size() == 2 && recipient != null && accounts.contains(recipient)) {
      accounts.remove(recipient);
      return new Copy(sourceBucket != null ? sourceBucket : "?", recipient, dest != null ? dest : "?",
          accounts.iterator().next());
    }
    return null;
  }

  /** Bucket name to owner account from {@code resources[]} ({@code ARN} or {@code arn}, with {@code accountId}). */
  private static Map<String, String> bucketOwners(@Nullable Object resources) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!(resources instanceof JsonArray a)) {
      return out;
    }
    for (Object o : a) {
      if (!(o instanceof JsonObject r) || !"AWS::S3::Bucket".equals(r.getString("type"))) {
        continue;
      }
      String arn = r.getString("ARN");
      if (arn == null) {
        arn = r.getString("arn");
      }
      String account = r.getString("accountId");
      if (arn != null && account != null && !account.isEmpty() && arn.startsWith("arn:")) {
        out.putIfAbsent(arn.substring(arn.lastIndexOf(':') + 1), account);
      }
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  @Override
  public DetectorState start() {
    return new State();
  }

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    private final BoundedMap<String, Boolean> accounts = new BoundedMap<>(Math.max(1, maxAccounts));
    private final Episodes episodes = new Episodes(quiet, Duration.ofDays(1), maxEpisodes, 50, this::close);

    @Override
    public void accept(Observation o, Alerts alerts) {
      if (o.kind() == ACCOUNT) {
        episodes.advance(o.time(), alerts);
        accounts.put(o.key(), Boolean.TRUE);
        return;
      }
      episodes.hit((o.kind() == ENCRYPT ? ENCRYPT_PREFIX : COPY_PREFIX) + o.key(), o, o.value(), alerts);
    }

    private void close(Episodes.Episode ep, Alerts alerts) {
      if (ep.key().startsWith(ENCRYPT_PREFIX)) {
        closeEncrypt(ep, alerts);
        return;
      }
      String[] k = ep.key().substring(COPY_PREFIX.length()).split("\n", 5);
      if (k.length < 5) {
        return;
      }
      boolean own = accounts.containsKey(k[3]);
      List<String> keys = ep.values();
      String reason = Reasons.cut(Reasons.shortPrincipal(k[0])) + " copied " + ep.count()
          + (ep.count() == 1 ? " object" : " objects") + " from bucket " + Reasons.cut(k[2]) + " (account " + k[1]
          + ") to bucket " + Reasons.cut(k[4]) + " of account " + k[3]
          + (own ? " (another account in these logs)" : " (an account with no logs in this hunt)")
          + (ep.count() > 1 ? " in " + Reasons.duration(ep.length()) : "")
          + (keys.isEmpty() ? "" : ": " + String.join(", ", keys.stream().limit(3).map(Reasons::cut).toList())
              + (keys.size() > 3 ? ", …" : ""));
      alerts.raise(new Alert(own ? Level.LOW : null, reason, ep.first(), ep.evidence()));
    }

    private void closeEncrypt(Episodes.Episode ep, Alerts alerts) {
      String[] k = ep.key().substring(ENCRYPT_PREFIX.length()).split("\n", 3);
      if (k.length < 3) {
        return;
      }
      boolean sseC = SSE_C.equals(k[2]);
      boolean own = !sseC && accounts.containsKey(k[2]);
      boolean high = ep.count() >= encryptMin && !own;
      List<String> keys = ep.values();
      String reason = Reasons.cut(Reasons.shortPrincipal(k[0])) + " rewrote " + ep.count()
          + (ep.count() == 1 ? " object" : " objects") + " of bucket " + Reasons.cut(k[1]) + " with CopyObject "
          + (sseC ? "encrypted with a customer-provided key (SSE-C: AWS keeps no copy of the key)"
              : "encrypted with a KMS key of account " + k[2]
                  + (own ? " (another account in these logs)" : " (an account with no logs in this hunt)"))
          + (ep.count() > 1 ? " in " + Reasons.duration(ep.length()) : "")
          + (keys.isEmpty() ? "" : ": " + String.join(", ", keys.stream().limit(3).map(Reasons::cut).toList())
              + (keys.size() > 3 ? ", …" : ""));
      alerts.raise(new Alert(high ? Level.HIGH : Level.LOW, reason, ep.first(), ep.evidence()));
    }

    @Override
    public void advance(Instant watermark, Alerts alerts) {
      episodes.advance(watermark, alerts);
    }

    @Override
    public void finish(Alerts alerts) {
      episodes.closeAll(alerts);
    }

    @Override
    public long size() {
      return episodes.size() + accounts.size();
    }

    @Override
    public long evicted() {
      return episodes.evicted() + accounts.evicted();
    }
  }
}
