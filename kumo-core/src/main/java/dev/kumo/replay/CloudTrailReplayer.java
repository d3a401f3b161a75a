package dev.kumo.replay;

import dev.kumo.ingest.EventSink;
import dev.kumo.ingest.IngestLimits;
import dev.kumo.ingest.IngestStats;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.LogReader;
import dev.kumo.ingest.LogSources;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonText;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Replays real CloudTrail records into a corpus of a given size: the records are repeated in order,
 * each copy with a new {@code eventID}, {@code requestID} and an {@code eventTime} that moves
 * forward, written as CloudTrail delivery files in the S3 export tree
 * ({@code AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/}). Deterministic for a seed.
 */
public final class CloudTrailReplayer {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

  /** What was written. */
  public record Result(long events, long files, long jsonBytes, long diskBytes) {}

  private final long targetBytes;
  private final long fileBytes;
  private final boolean gzip;
  private final long seed;

  /**
   * @param targetBytes stop once this many bytes of JSON are written
   * @param fileBytes approximate JSON bytes per delivery file
   */
  public CloudTrailReplayer(long targetBytes, long fileBytes, boolean gzip, long seed) {
    this.targetBytes = targetBytes;
    this.fileBytes = fileBytes;
    this.gzip = gzip;
    this.seed = seed;
  }

  /** Reads every CloudTrail record from the sources (skipping unreadable input). */
  public static List<JsonObject> readRecords(List<InputFile> inputs) {
    List<JsonObject> records = new ArrayList<>();
    LogReader reader = new LogReader(LogSources.defaults(), IngestLimits.DEFAULTS, null);
    EventSink sink = e -> records.add(e.raw());
    for (InputFile f : inputs) {
      reader.read(f, sink, new IngestStats(0), null);
    }
    return records;
  }

  public Result write(List<JsonObject> records, Path outDir) throws IOException {
    if (records.isEmpty()) {
      throw new IllegalArgumentException("no CloudTrail records to replay");
    }
    SplittableRandom random = new SplittableRandom(seed);
    Instant clock = Instant.parse("2025-01-01T00:00:00Z");
    long written = 0;
    long events = 0;
    long files = 0;
    long disk = 0;
    int i = 0;
    while (written < targetBytes) {
      JsonObject first = records.get(i % records.size());
      String account = text(first, "recipientAccountId", "123456789012");
      String region = text(first, "awsRegion", "us-east-1");
      Path dir = outDir.resolve("AWSLogs").resolve(account).resolve("CloudTrail").resolve(region)
          .resolve(DAY.format(clock));
      Files.createDirectories(dir);
      String name = account + "_CloudTrail_" + region + "_" + STAMP.format(clock) + "_"
          + Long.toHexString(random.nextLong() & 0xffffffffffffL) + (gzip ? ".json.gz" : ".json");
      Path file = dir.resolve(name);
      long fileJson = 0;
      try (OutputStream os = open(file); Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("{\"Records\":[");
        boolean firstRecord = true;
        while (fileJson < fileBytes && written + fileJson < targetBytes) {
          JsonObject r = records.get(i % records.size());
          i++;
          clock = clock.plus(Duration.ofMillis(50 + random.nextInt(400)));
          if (!firstRecord) {
            sb.append(',');
          }
          firstRecord = false;
          int before = sb.length();
          appendRewritten(sb, r, clock, random);
          fileJson += sb.length() - before;
          events++;
          if (sb.length() > 1 << 16) {
            w.append(sb);
            sb.setLength(0);
          }
        }
        sb.append("]}\n");
        w.append(sb);
      }
      written += fileJson;
      files++;
      disk += Files.size(file);
    }
    return new Result(events, files, written, disk);
  }

  private OutputStream open(Path file) throws IOException {
    OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    return gzip ? new GZIPOutputStream(os, 1 << 16) : os;
  }

  private static void appendRewritten(StringBuilder sb, JsonObject r, Instant time, SplittableRandom random) {
    sb.append('{');
    for (int k = 0; k < r.size(); k++) {
      if (k > 0) {
        sb.append(',');
      }
      String key = r.keyAt(k);
      JsonText.appendString(sb, key);
      sb.append(':');
      switch (key) {
        case "eventID" -> JsonText.appendString(sb, uuid(random));
        case "requestID" -> JsonText.appendString(sb, uuid(random));
        case "eventTime" -> JsonText.appendString(sb, time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        default -> JsonText.append(sb, r.valueAt(k));
      }
    }
    sb.append('}');
  }

  private static String uuid(SplittableRandom random) {
    return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL)
        | 0x8000000000000000L).toString().toLowerCase(Locale.ROOT);
  }

  private static String text(JsonObject r, String key, String fallback) {
    String v = r.getString(key);
    // values from logs become folder names: only allow plain account and region ids
    return v != null && v.matches("[A-Za-z0-9-]{1,64}") ? v : fallback;
  }
}
