package dev.kumo.detector.logging;

import static dev.kumo.testing.CloudTrailEvents.event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a CloudTrail S3 delivery tree for tests, laid out and hashed as CloudTrail does: gzipped log
 * files under {@code AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/}, and hourly digest files under
 * {@code CloudTrail-Digest/} that list the log files delivered in their hour with the SHA-256 of each
 * file's decompressed content, chained by the previous digest's key and the SHA-256 of its
 * decompressed content.
 */
final class TrailTree {
  static final String BUCKET = "nw-trail-logs";
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  final Path root;
  final String prefix;
  final String account;
  final String region;
  final String trail;
  final List<Log> logs = new ArrayList<>();
  final List<Digest> digests = new ArrayList<>();
  private int unique;

  /** A log file: its S3 key and decompressed content. */
  record Log(String key, Instant time, String content) {}

  /** A digest file: its S3 key and decompressed content. */
  record Digest(String key, Instant end, String content) {}

  TrailTree(Path root, String prefix, String account, String region, String trail) {
    this.root = root;
    this.prefix = prefix;
    this.account = account;
    this.region = region;
    this.trail = trail;
  }

  /** Log files every {@code every} from {@code from}, {@code count} of them, two records each. */
  TrailTree logs(Instant from, Duration every, int count) {
    for (int i = 0; i < count; i++) {
      log(from.plus(every.multipliedBy(i)));
    }
    return this;
  }

  /** One log file named after {@code t}, holding two records of that time. */
  Log log(Instant t) {
    String name = account + "_CloudTrail_" + region + "_" + MINUTES.format(t) + "_" + String.format("u%015d",
        ++unique);
    String key = prefix + "AWSLogs/" + account + "/CloudTrail/" + region + "/" + DAY.format(t) + "/" + name
        + ".json.gz";
    String content = "{\"Records\":[" + event().account(account).region(region).time(t.toString())
        .id("e" + unique + "a").json() + "," + event().account(account).region(region).time(t.plusSeconds(20)
        .toString()).call("ec2.amazonaws.com", "DescribeInstances").id("e" + unique + "b").json() + "]}";
    Log l = new Log(key, t, content);
    logs.add(l);
    return l;
  }

  /**
   * Hourly digests ending at {@code firstEnd} and each hour after, {@code count} of them, chained to
   * the previous digest of this tree (the first to {@code null}: a new chain).
   */
  TrailTree digests(Instant firstEnd, int count) {
    for (int i = 0; i < count; i++) {
      digest(firstEnd.plus(Duration.ofHours(i)), i > 0 || !digests.isEmpty());
    }
    return this;
  }

  /** A digest of the hour ending at {@code end}; {@code chained} false starts a new chain. */
  Digest digest(Instant end, boolean chained) {
    Instant start = end.minus(Duration.ofHours(1));
    String key = prefix + "AWSLogs/" + account + "/CloudTrail-Digest/" + region + "/" + DAY.format(end) + "/"
        + account + "_CloudTrail-Digest_" + region + "_" + trail + "_" + region + "_" + SECONDS.format(end)
        + ".json.gz";
    StringBuilder files = new StringBuilder();
    for (Log l : logs) {
      if (!l.time().isBefore(start) && l.time().isBefore(end)) {
        files.append(files.isEmpty() ? "" : ",").append("{\"s3Bucket\":\"").append(BUCKET)
            .append("\",\"s3Object\":\"").append(l.key()).append("\",\"hashValue\":\"").append(sha256(l.content()))
            .append("\",\"hashAlgorithm\":\"SHA-256\",\"newestEventTime\":\"").append(l.time().plusSeconds(20))
            .append("\",\"oldestEventTime\":\"").append(l.time()).append("\"}");
      }
    }
    Digest prev = chained && !digests.isEmpty() ? digests.get(digests.size() - 1) : null;
    String content = "{\"awsAccountId\":\"" + account + "\",\"digestStartTime\":\"" + start + "\",\"digestEndTime\":\""
        + end + "\",\"digestS3Bucket\":\"" + BUCKET + "\",\"digestS3Object\":\"" + key
        + "\",\"digestPublicKeyFingerprint\":\"31e8b5433410dfb61a9dc45cc65b22ff\",\"digestSignatureAlgorithm\":"
        + "\"SHA256withRSA\",\"newestEventTime\":\"" + end + "\",\"oldestEventTime\":\"" + start + "\","
        + (prev == null
            ? "\"previousDigestS3Bucket\":null,\"previousDigestS3Object\":null,\"previousDigestHashValue\":null,"
                + "\"previousDigestHashAlgorithm\":null,\"previousDigestSignature\":null,"
            : "\"previousDigestS3Bucket\":\"" + BUCKET + "\",\"previousDigestS3Object\":\"" + prev.key()
                + "\",\"previousDigestHashValue\":\"" + sha256(prev.content())
                + "\",\"previousDigestHashAlgorithm\":\"SHA-256\",\"previousDigestSignature\":\"50887ccffad4c002\",")
        + "\"logFiles\":[" + files + "]}";
    Digest d = new Digest(key, end, content);
    digests.add(d);
    return d;
  }

  /** Writes every file, gzipped, under the root. */
  TrailTree write() {
    logs.forEach(l -> write(l.key(), l.content()));
    digests.forEach(d -> write(d.key(), d.content()));
    return this;
  }

  /** Writes a file's content gzipped at its key under the root (replacing what is there). */
  void write(String key, String content) {
    try {
      Path p = path(key);
      Files.createDirectories(p.getParent());
      Files.write(p, gzip(content));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path path(String key) {
    return root.resolve(BUCKET).resolve(key);
  }

  /** The log file named after {@code t}. */
  Log logAt(Instant t) {
    return logs.stream().filter(l -> l.time().equals(t)).findFirst().orElseThrow();
  }

  /** The digest ending at {@code end}. */
  Digest digestAt(Instant end) {
    return digests.stream().filter(d -> d.end().equals(end)).findFirst().orElseThrow();
  }

  static String sha256(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] gzip(String content) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
      z.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }
}
