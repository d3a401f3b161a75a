package dev.kumo.detector.logging;

import dev.kumo.detector.Alert;
import dev.kumo.detector.Alerts;
import dev.kumo.detector.BoundedMap;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.DetectorMeta;
import dev.kumo.detector.DetectorState;
import dev.kumo.detector.FileDetector;
import dev.kumo.detector.Observation;
import dev.kumo.detector.Observer;
import dev.kumo.detector.Setting;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Reasons;
import dev.kumo.ingest.FileFacts;
import dev.kumo.intel.Intel;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import dev.kumo.time.Timestamps;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CloudTrail log file integrity validation, offline: when a hunt's inputs hold CloudTrail digest
 * files, every log file they list is checked against the log files read (matched by their S3 key
 * from {@code AWSLogs/} on), and the digest chain is followed.
 *
 * <ul>
 *   <li>listed, read, SHA-256 of its decompressed content differs → modified after delivery (critical)
 *   <li>a digest whose successor records another hash for it → digest modified (critical)
 *   <li>listed, not among the inputs, while the inputs hold other log files of the same account and
 *       region before and after it → missing, deleted? (high)
 *   <li>a digest names a previous digest that is absent while older digests of the trail are present
 *       → digest chain broken (high)
 *   <li>read, inside the time covered by digests of its account and region, listed by none → not
 *       covered, added? (medium)
 *   <li>a new chain starts (previous digest null) after earlier digests of the trail → logging or
 *       validation was off in between (low)
 * </ul>
 *
 * Digest signatures are not verified: they are stored in the digest objects' S3 metadata and need
 * CloudTrail's public keys ({@code ListPublicKeys}), so an attacker who can rewrite a log file and
 * every later digest consistently is not caught offline (use {@code aws cloudtrail validate-logs}).
 *
 * <p>Findings are about files, not events: their event is a stand-in with source
 * {@code aws.cloudtrail.digest}, no principal, the file's path and the S3 key as id. State is bounded:
 * log files wait for their listing only until digests covering them have arrived (about
 * {@code listing-delay} plus an hour), listings wait for later log files at most
 * {@code neighbour-window}.
 */
public final class CloudTrailLogIntegrityDetector implements FileDetector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_aws_cloudtrail_log_integrity";
  /** The log source id of the stand-in events of this detector's findings. */
  public static final String SOURCE = "aws.cloudtrail.digest";

  static final Setting<Duration> LISTING_DELAY = Setting.duration("listing-delay", Duration.ofHours(2),
      "a log file read from the inputs is reported as not covered only when digests of its account and region cover "
          + "the time from its name's timestamp to this long after it and none lists it (CloudTrail lists a file in "
          + "the digest of the hour it was delivered; files listed only by a much later backfill digest may be "
          + "reported); default 2h");
  static final Setting<Duration> NEIGHBOUR_WINDOW = Setting.duration("neighbour-window", Duration.ofHours(24),
      "a log file listed in a digest but absent from the inputs is reported as missing only when the inputs hold "
          + "other log files of the same account and region within this long before and after it (so a partial "
          + "export is not reported as deletions); default 1d");
  static final Setting<Integer> MAX_PENDING = Setting.integer("max-pending-files", 100_000,
      "log files and listings held at once while waiting for their counterpart; beyond this the oldest are dropped "
          + "unchecked (counted as evicted); default 100000");
  static final Setting<Integer> MAX_STREAMS = Setting.integer("max-streams", 10_000,
      "account-region streams and digest chains tracked at once (least recently used dropped); default 10000");
  public static final List<Setting<?>> SETTINGS = List.of(LISTING_DELAY, NEIGHBOUR_WINDOW, MAX_PENDING, MAX_STREAMS);

  /** Observation kinds; listings sort before the digest that carries them (same time and id). */
  static final int FILE = 0;
  static final int LISTED = 1;
  static final int DIGEST = 2;

  private static final Duration SLOT = Duration.ofMinutes(5);
  /**
   * Margin for digests to arrive: a log file is listed by the hourly digest of the hour it was
   * delivered in, whose observation (at its end time) comes at most about an hour after the file's.
   */
  private static final Duration DIGEST_SPAN = Duration.ofHours(2);
  /** Gap between digests that still counts as contiguous coverage. */
  private static final Duration COVERAGE_TOLERANCE = Duration.ofMinutes(5);

  private static final RuleMeta META = DetectorMeta.of(NAME, "b8e4f2a7-3c51-4d0e-9a6b-7f2d18c4e935",
      "AWS CloudTrail Log File Modified, Deleted or Added After Delivery")
      .description("CloudTrail log file integrity validation, offline. When the inputs hold CloudTrail digest files, "
          + "each log file they list is checked against the log files read (matched by S3 key from AWSLogs/ on): a "
          + "SHA-256 of the decompressed content that differs from the digest's means the file was modified after "
          + "delivery (critical); a listed file absent while its neighbours are present was deleted (high); a digest "
          + "whose predecessor is absent or was changed breaks the chain (high, critical); a log file inside the "
          + "digests' time that no digest lists was added (medium). Digest signatures are NOT verified: they are kept "
          + "in the S3 object metadata and need CloudTrail's public keys (ListPublicKeys); use aws cloudtrail "
          + "validate-logs for that.")
      .level(Level.HIGH)
      .tags("attack.stealth", "attack.t1070", "attack.defense-impairment", "attack.t1562.008",
          "kumo.threat.log-tampering")
      .references("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html",
          "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html")
      .falsepositives("Log files edited or re-compressed by an export tool that changes their content",
          "Partial exports: a log file listed by a digest but not copied, between copied ones",
          "Two trails without log file validation writing to the same bucket and prefix")
      .build();

  private final Duration listingDelay;
  private final Duration neighbourWindow;
  private final int maxPending;
  private final int maxStreams;

  public CloudTrailLogIntegrityDetector(DetectorConfig config, Intel intel) {
    this.listingDelay = LISTING_DELAY.read(config, NAME);
    this.neighbourWindow = NEIGHBOUR_WINDOW.read(config, NAME);
    this.maxPending = MAX_PENDING.read(config, NAME);
    this.maxStreams = MAX_STREAMS.read(config, NAME);
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  /** No events: this detector sees only files. */
  @Override
  public Set<String> sources() {
    return Set.of();
  }

  @Override
  public List<Setting.Value> settings() {
    return List.of(LISTING_DELAY.describe(listingDelay), NEIGHBOUR_WINDOW.describe(neighbourWindow),
        MAX_PENDING.describe(maxPending), MAX_STREAMS.describe(maxStreams));
  }

  @Override
  public void observe(NormalizedEvent event, Observer out) {
    // files only
  }

  @Override
  public boolean wantsFiles(List<String> inputNames) {
    for (String n : inputNames) {
      if (CloudTrailKeys.looksLikeDigest(n)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean wantsHash(String inputName) {
    return CloudTrailKeys.looksLikeTrailFile(inputName);
  }

  @Override
  public void observeFile(FileFacts file, FileObserver out) {
    if (file.digest() != null) {
      observeDigest(file, file.digest(), out);
      return;
    }
    CloudTrailKeys.LogKey k = CloudTrailKeys.log(file.name());
    if (k == null) {
      return;
    }
    out.emit(summary(k.key(), k.time(), k.account(), k.region(), file.name(), null, null), FILE, k.key(),
        file.sha256(), file.contentBytes());
  }

  private static void observeDigest(FileFacts file, JsonObject d, FileObserver out) {
    Instant start = time(d.get("digestStartTime"));
    Instant end = time(d.get("digestEndTime"));
    String object = d.getString("digestS3Object");
    CloudTrailKeys.DigestKey k = CloudTrailKeys.digest(object != null ? object : file.name());
    if (k == null) {
      k = CloudTrailKeys.digest(file.name());
    }
    if (start == null || end == null || k == null) {
      return;
    }
    EventSummary s = summary(k.key(), end, k.account(), k.region(), file.name(), "CloudTrailDigest", null);
    if (d.get("logFiles") instanceof JsonArray files) {
      for (Object o : files) {
        if (!(o instanceof JsonObject f) || !(f.get("s3Object") instanceof String key)
            || !(f.get("hashValue") instanceof String hash)) {
          continue;
        }
        String algorithm = f.getString("hashAlgorithm");
        String normalized = CloudTrailKeys.normalize(key);
        if (normalized == null || algorithm != null && !algorithm.equalsIgnoreCase("SHA-256")) {
          continue;
        }
        String bucket = f.getString("s3Bucket");
        out.emit(s, LISTED, normalized, hash.toLowerCase(Locale.ROOT) + "\n" + (bucket == null ? "" : bucket) + "\n"
            + key, 0);
      }
    }
    String prev = d.getString("previousDigestS3Object");
    String prevHash = d.getString("previousDigestHashValue");
    out.emit(s, DIGEST, k.chain(), String.join("\n", start.toString(), prev == null ? "" : prev,
        prevHash == null ? "" : prevHash.toLowerCase(Locale.ROOT), file.sha256() == null ? "" : file.sha256()), 0);
  }

  private static @Nullable Instant time(@Nullable Object v) {
    return v instanceof String s ? Timestamps.parseIso(s) : null;
  }

  /** A stand-in event for a file: no principal, the file's path, the S3 key as id. */
  static EventSummary summary(String id, Instant time, String account, String region, String path,
      @Nullable String operation, @Nullable String resource) {
    return new EventSummary(id, time, SOURCE, account, region, null, null, null, null, null, null,
        "cloudtrail.amazonaws.com", operation, null, resource == null ? List.of() : List.of(resource), path, 0);
  }

  @Override
  public DetectorState start() {
    return new State();
  }

  /** A log file read, waiting for a digest to list it. */
  private static final class PendingFile implements Serializable {
    private static final long serialVersionUID = 1L;
    final String key;
    final String stream;
    final Instant time;
    final @Nullable String sha256;
    final String path;
    boolean done;

    PendingFile(String key, String stream, Instant time, @Nullable String sha256, String path) {
      this.key = key;
      this.stream = stream;
      this.time = time;
      this.sha256 = sha256;
      this.path = path;
    }
  }

  /** A listing whose log file was not read (yet), waiting for a later log file of its stream. */
  private static final class PendingListing implements Serializable {
    private static final long serialVersionUID = 1L;
    final CloudTrailKeys.LogKey log;
    final String hash;
    final String s3Object;
    final @Nullable String bucket;
    final EventSummary digest;
    boolean done;

    PendingListing(CloudTrailKeys.LogKey log, String hash, String s3Object, @Nullable String bucket,
        EventSummary digest) {
      this.log = log;
      this.hash = hash;
      this.s3Object = s3Object;
      this.bucket = bucket;
      this.digest = digest;
    }
  }

  /** The last digest seen of a chain (trail, account, region). */
  private record ChainLink(String key, Instant end, @Nullable String sha256, String path) implements Serializable {}

  /** What is known of one account-region stream: where log files were read, and what digests cover. */
  private static final class Stream implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Log files present per 5-minute slot, as a ring over the last {@code slots.length * 64} slots. */
    private final long[] slots;
    private long maxSlot = Long.MIN_VALUE;
    /** Merged covered intervals (epoch seconds), oldest first; at most {@link #MAX_INTERVALS}. */
    private final ArrayDeque<long[]> coverage = new ArrayDeque<>();
    private static final int MAX_INTERVALS = 32;

    Stream(int slotCount) {
      this.slots = new long[(slotCount + 63) / 64];
    }

    private int capacity() {
      return slots.length * 64;
    }

    void present(Instant t) {
      long s = slot(t);
      if (maxSlot != Long.MIN_VALUE && s <= maxSlot - capacity()) {
        return; // older than the ring
      }
      if (maxSlot == Long.MIN_VALUE || s > maxSlot) {
        long from = maxSlot == Long.MIN_VALUE ? s : Math.max(maxSlot + 1, s - capacity() + 1);
        for (long x = from; x <= s; x++) {
          clear(x);
        }
        maxSlot = s;
      }
      int i = (int) Math.floorMod(s, (long) capacity());
      slots[i >> 6] |= 1L << (i & 63);
    }

    private void clear(long s) {
      int i = (int) Math.floorMod(s, (long) capacity());
      slots[i >> 6] &= ~(1L << (i & 63));
    }

    /** Whether a log file was read in a slot in [from, to] (slots outside the ring count as empty). */
    boolean anyPresent(long from, long to) {
      if (maxSlot == Long.MIN_VALUE) {
        return false;
      }
      long lo = Math.max(from, maxSlot - capacity() + 1);
      long hi = Math.min(to, maxSlot);
      for (long x = lo; x <= hi; x++) {
        int i = (int) Math.floorMod(x, (long) capacity());
        if ((slots[i >> 6] & 1L << (i & 63)) != 0) {
          return true;
        }
      }
      return false;
    }

    void cover(Instant start, Instant end) {
      long a = start.getEpochSecond();
      long b = end.getEpochSecond();
      long tol = COVERAGE_TOLERANCE.getSeconds();
      for (long[] iv : coverage) {
        if (a <= iv[1] + tol && b >= iv[0] - tol) {
          iv[0] = Math.min(iv[0], a);
          iv[1] = Math.max(iv[1], b);
          return;
        }
      }
      coverage.addLast(new long[] {a, b});
      if (coverage.size() > MAX_INTERVALS) {
        coverage.removeFirst();
      }
    }

    boolean covers(Instant from, Instant to) {
      for (long[] iv : coverage) {
        if (iv[0] <= from.getEpochSecond() && iv[1] >= to.getEpochSecond()) {
          return true;
        }
      }
      return false;
    }
  }

  static long slot(Instant t) {
    return Math.floorDiv(t.getEpochSecond(), SLOT.getSeconds());
  }

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    private final long windowSlots = Math.max(1, neighbourWindow.getSeconds() / SLOT.getSeconds());
    private final BoundedMap<String, Stream> streams = new BoundedMap<>(Math.max(1, maxStreams));
    private final BoundedMap<String, ChainLink> chains = new BoundedMap<>(Math.max(1, maxStreams));
    /** Unlisted log files by key, and the same in time order (entries done once listed). */
    private final Map<String, PendingFile> files = new HashMap<>();
    private final ArrayDeque<PendingFile> fileQueue = new ArrayDeque<>();
    /** Listings whose log file is absent, by key, and in time order (entries done once resolved). */
    private final Map<String, PendingListing> listings = new HashMap<>();
    private final ArrayDeque<PendingListing> listingQueue = new ArrayDeque<>();
    private long evicted;
    private @Nullable Instant now;

    @Override
    public void accept(Observation o, Alerts alerts) {
      now = o.time();
      expire(o.time(), alerts);
      switch (o.kind()) {
        case FILE -> file(o, alerts);
        case LISTED -> listed(o, alerts);
        case DIGEST -> digest(o, alerts);
        default -> { }
      }
    }

    private Stream stream(String id) {
      Stream s = streams.get(id);
      if (s == null) {
        s = new Stream((int) (2 * windowSlots + Duration.ofHours(4).getSeconds() / SLOT.getSeconds()));
        streams.put(id, s);
      }
      return s;
    }

    private void file(Observation o, Alerts alerts) {
      CloudTrailKeys.LogKey k = CloudTrailKeys.log(o.key());
      if (k == null) {
        return;
      }
      stream(k.stream()).present(k.time());
      PendingListing l = listings.remove(o.key());
      if (l != null) {
        l.done = true;
        compare(o.key(), o.value(), o.event().file(), l, alerts);
        return;
      }
      if (files.containsKey(o.key())) {
        return; // the same file given twice
      }
      PendingFile f = new PendingFile(o.key(), k.stream(), k.time(), o.value(), o.event().file());
      files.put(o.key(), f);
      fileQueue.addLast(f);
      while (fileQueue.size() > maxPending) {
        PendingFile old = fileQueue.removeFirst();
        if (!old.done) {
          files.remove(old.key);
          evicted++;
        }
      }
    }

    private void listed(Observation o, Alerts alerts) {
      String[] v = o.value() == null ? new String[0] : o.value().split("\n", 3);
      CloudTrailKeys.LogKey k = CloudTrailKeys.log(o.key());
      if (v.length < 3 || k == null) {
        return;
      }
      PendingListing l = new PendingListing(k, v[0], v[2], v[1].isEmpty() ? null : v[1], o.event());
      PendingFile f = files.remove(o.key());
      if (f != null) {
        f.done = true;
        compare(o.key(), f.sha256, f.path, l, alerts);
        return;
      }
      if (listings.containsKey(o.key())) {
        return; // listed twice (a backfill digest, or the same digest given twice)
      }
      Stream s = stream(k.stream());
      long slot = slot(k.time());
      if (!s.anyPresent(slot - windowSlots, slot - 1)) {
        return; // no log file of this stream before it: the edge of the inputs, not a hole
      }
      if (s.anyPresent(slot + 1, slot + windowSlots)) {
        missing(l, alerts);
        return;
      }
      listings.put(o.key(), l);
      listingQueue.addLast(l);
      while (listingQueue.size() > maxPending) {
        PendingListing old = listingQueue.removeFirst();
        if (!old.done) {
          listings.remove(old.log.key());
          evicted++;
        }
      }
    }

    private void digest(Observation o, Alerts alerts) {
      CloudTrailKeys.DigestKey k = CloudTrailKeys.digest(o.event().id());
      String[] v = o.value() == null ? new String[0] : o.value().split("\n", -1);
      if (k == null || v.length < 4) {
        return;
      }
      Instant start = Timestamps.parseIso(v[0]);
      if (start == null) {
        return;
      }
      Instant end = o.time();
      String prev = v[1].isEmpty() ? null : CloudTrailKeys.normalize(v[1]);
      String prevHash = v[2].isEmpty() ? null : v[2];
      String sha = v[3].isEmpty() ? null : v[3];
      if (!k.backfill()) {
        chain(o, k, start, prev, prevHash, alerts);
        chains.put(o.key(), new ChainLink(k.key(), end, sha, o.event().file()));
        stream(k.stream()).cover(start, end);
      }
    }

    private void chain(Observation o, CloudTrailKeys.DigestKey k, Instant start, @Nullable String prev,
        @Nullable String prevHash, Alerts alerts) {
      ChainLink last = chains.get(o.key());
      if (last == null || last.key().equals(k.key())) {
        return;
      }
      if (prev == null) {
        if (!last.end().isBefore(start.minus(COVERAGE_TOLERANCE))) {
          return;
        }
        alerts.raise(new Alert(Level.LOW, "digest chain of trail " + Reasons.cut(k.trail()) + " in " + k.region()
            + " (account " + k.account() + ") restarts at the digest ending " + k.end() + ": no digests from "
            + last.end() + " to " + start + " (" + Reasons.duration(Duration.between(last.end(), start))
            + "; logging or log file validation was off)", digestSummary(k, o, "DigestChainRestarted"),
            List.of(last.key(), k.key())));
        return;
      }
      if (prev.equals(last.key())) {
        if (prevHash != null && last.sha256() != null && !prevHash.equals(last.sha256())) {
          alerts.raise(new Alert(Level.CRITICAL, digestLabel(last.key()) + " was modified after delivery: its "
              + "SHA-256 is " + shortHash(last.sha256()) + ", the next digest (ending " + k.end() + ") records "
              + shortHash(prevHash),
              CloudTrailLogIntegrityDetector.summary(last.key(), o.time(), k.account(), k.region(), last.path(),
                  "DigestModified", null), List.of(last.key(), k.key())));
        }
        return;
      }
      CloudTrailKeys.DigestKey p = CloudTrailKeys.digest(prev);
      if (p != null && p.end().isAfter(last.end())) {
        alerts.raise(new Alert(Level.HIGH, "digest chain of trail " + Reasons.cut(k.trail()) + " in " + k.region()
            + " (account " + k.account() + ") is broken: the digest ending " + k.end() + " follows one ending "
            + p.end() + ", which is missing (the previous digest present ends " + last.end() + ")", digestSummary(k, o, "DigestChainBroken"), List.of(p.key(), k.key())));
      }
    }

    private EventSummary digestSummary(CloudTrailKeys.DigestKey k, Observation o, String operation) {
      return CloudTrailLogIntegrityDetector.summary(k.key(), o.time(), k.account(), k.region(), o.event().file(),
          operation, null);
    }

    /** A listed log file that was read: same hash, or modified. */
    private void compare(String key, @Nullable String sha256, String path, PendingListing l, Alerts alerts) {
      if (sha256 == null || sha256.equals(l.hash)) {
        return; // unreadable files are reported by the reader; equal hashes are valid
      }
      alerts.raise(new Alert(Level.CRITICAL, "log file " + Reasons.cut(CloudTrailKeys.fileName(l.s3Object))
          + " was modified after delivery: the SHA-256 of its content is " + shortHash(sha256) + ", "
          + digestLabel(l.digest.id()) + " lists " + shortHash(l.hash),
          CloudTrailLogIntegrityDetector.summary(key, l.digest.time(), l.log.account(), l.log.region(), path,
              "LogFileModified", s3(l)), List.of(key, l.digest.id())));
    }

    private void missing(PendingListing l, Alerts alerts) {
      l.done = true;
      alerts.raise(new Alert(Level.HIGH, "log file " + Reasons.cut(CloudTrailKeys.fileName(l.s3Object))
          + " listed in " + digestLabel(l.digest.id()) + " is missing (deleted?), "
          + "while log files of " + l.log.account() + " " + l.log.region() + " before and after it are present",
          CloudTrailLogIntegrityDetector.summary(l.log.key(), l.digest.time(), l.log.account(), l.log.region(),
              l.digest.file(), "LogFileMissing", s3(l)), List.of(l.log.key(), l.digest.id())));
    }

    private static String s3(PendingListing l) {
      return l.bucket == null ? l.s3Object : "s3://" + l.bucket + "/" + l.s3Object;
    }

    /** Decides what waited long enough: log files digests should have listed by now, listings past the window. */
    private void expire(Instant t, Alerts alerts) {
      while (!fileQueue.isEmpty()) {
        PendingFile f = fileQueue.peekFirst();
        if (!f.done && !t.isAfter(f.time.plus(listingDelay).plus(DIGEST_SPAN))) {
          break;
        }
        fileQueue.removeFirst();
        if (!f.done) {
          files.remove(f.key);
          unlisted(f, alerts);
        }
      }
      while (!listingQueue.isEmpty()) {
        PendingListing l = listingQueue.peekFirst();
        if (!l.done && !t.isAfter(l.log.time().plus(neighbourWindow).plus(DIGEST_SPAN))) {
          break;
        }
        listingQueue.removeFirst();
        if (!l.done) {
          listings.remove(l.log.key());
          resolve(l, alerts);
        }
      }
    }

    /** A log file no digest listed: reported when digests of its stream cover its time. */
    private void unlisted(PendingFile f, Alerts alerts) {
      Stream s = streams.get(f.stream);
      if (s == null || !s.covers(f.time, f.time.plus(listingDelay))) {
        return; // outside the digests' time: nothing to say
      }
      CloudTrailKeys.LogKey k = CloudTrailKeys.log(f.key);
      if (k == null) {
        return;
      }
      alerts.raise(new Alert(Level.MEDIUM, "log file " + Reasons.cut(CloudTrailKeys.fileName(f.path))
          + " is not listed in any digest, although digests of " + k.account() + " " + k.region() + " cover "
          + f.time + " to " + f.time.plus(listingDelay) + " (added after delivery?)",
          CloudTrailLogIntegrityDetector.summary(f.key, f.time, k.account(), k.region(), f.path, "LogFileNotInDigest",
              null), List.of(f.key)));
    }

    /** A listing past its window: missing when a log file of its stream came after it. */
    private void resolve(PendingListing l, Alerts alerts) {
      Stream s = streams.get(l.log.stream());
      long slot = slot(l.log.time());
      if (s != null && s.anyPresent(slot + 1, slot + windowSlots)) {
        missing(l, alerts);
      }
    }

    /** Decides what waited long enough by then; {@link #finish} still judges the rest against the last observation. */
    @Override
    public void advance(Instant watermark, Alerts alerts) {
      expire(watermark, alerts);
    }

    @Override
    public void finish(Alerts alerts) {
      Instant end = now == null ? Instant.EPOCH : now;
      // nothing more will arrive: decide what can be decided, in time order
      List<PendingFile> restFiles = new ArrayList<>(fileQueue);
      fileQueue.clear();
      files.clear();
      for (PendingFile f : restFiles) {
        if (!f.done && !end.isBefore(f.time.plus(listingDelay))) {
          unlisted(f, alerts);
        }
      }
      List<PendingListing> restListings = new ArrayList<>(listingQueue);
      listingQueue.clear();
      listings.clear();
      for (PendingListing l : restListings) {
        if (!l.done) {
          resolve(l, alerts);
        }
      }
    }

    @Override
    public long size() {
      return files.size() + listings.size() + streams.size() + chains.size();
    }

    @Override
    public long evicted() {
      return evicted + streams.evicted() + chains.evicted();
    }
  }

  /** A digest as reasons name it: {@code the digest of trail T ending 2026-03-10T04:00:31Z}. */
  private static String digestLabel(String digestKey) {
    CloudTrailKeys.DigestKey k = CloudTrailKeys.digest(digestKey);
    return k == null ? "digest " + Reasons.cut(CloudTrailKeys.fileName(digestKey))
        : "the " + (k.backfill() ? "backfill " : "") + "digest of trail " + Reasons.cut(k.trail()) + " ending "
            + k.end();
  }

  /** The first 12 hex digits of a hash, enough to tell two apart in a reason. */
  private static String shortHash(String hex) {
    return hex.length() <= 12 ? hex : hex.substring(0, 12) + "…";
  }
}
