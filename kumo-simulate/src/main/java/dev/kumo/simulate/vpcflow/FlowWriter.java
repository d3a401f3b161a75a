package dev.kumo.simulate.vpcflow;

import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.io.GzipFile;
import dev.kumo.simulate.io.Tally;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes flow log records as S3 delivers them: gzipped text files with the default-format header
 * line, one per flow log and five-minute window, at
 * {@code AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/<account>_vpcflowlogs_<region>_<fl-id>_<YYYYMMDDTHHmmZ>_<8 hex>.log.gz}.
 * Records must come in order of their start time. Not thread-safe.
 */
public final class FlowWriter implements Closeable {
  public static final String SOURCE = "aws.vpcflow";
  static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes "
      + "start end action log-status\n";
  private static final long WINDOW = 300;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

  private final Path root;
  private final SplittableRandom random;
  private final Tally tally;
  private final Map<String, Open> open = new LinkedHashMap<>();
  private final StringBuilder line = new StringBuilder(160);

  public FlowWriter(Path root, SplittableRandom random, Tally tally) {
    this.root = root;
    this.random = random;
    this.tally = tally;
  }

  private record Open(GzipFile file, long window) {}

  public void write(FlowRecord r) {
    try {
      Open f = fileFor(r);
      line.setLength(0);
      line.append("2 ").append(r.account()).append(' ').append(r.interfaceId()).append(' ').append(r.srcAddr())
          .append(' ').append(r.dstAddr()).append(' ').append(r.srcPort()).append(' ').append(r.dstPort()).append(' ')
          .append(r.protocol()).append(' ').append(r.packets()).append(' ').append(r.bytes()).append(' ')
          .append(r.start()).append(' ').append(r.end()).append(r.accepted() ? " ACCEPT OK\n" : " REJECT OK\n");
      f.file().write(line.toString().getBytes(StandardCharsets.US_ASCII));
      tally.event(SOURCE, r.account(), r.region());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Open fileFor(FlowRecord r) throws IOException {
    String key = r.account() + "/" + r.region() + "/" + r.flowLogId();
    long window = Math.floorDiv(r.start(), WINDOW);
    Open f = open.get(key);
    if (f != null && f.window() == window) {
      return f;
    }
    if (f != null) {
      close(f);
    }
    Instant delivered = Instant.ofEpochSecond((window + 1) * WINDOW);
    String name = r.account() + "_vpcflowlogs_" + r.region() + "_" + r.flowLogId() + "_" + STAMP.format(delivered) + "_"
        + RandomIds.hex(random, 8) + ".log.gz";
    Path path = root.resolve("AWSLogs").resolve(r.account()).resolve("vpcflowlogs").resolve(r.region())
        .resolve(DAY.format(delivered)).resolve(name);
    GzipFile file = GzipFile.create(path);
    file.write(HEADER.getBytes(StandardCharsets.US_ASCII));
    Open o = new Open(file, window);
    open.put(key, o);
    return o;
  }

  private void close(Open f) throws IOException {
    f.file().close();
    tally.file(SOURCE, f.file().compressedBytes(), f.file().uncompressedBytes());
  }

  @Override
  public void close() throws IOException {
    for (Open f : new ArrayList<>(open.values())) {
      close(f);
    }
    open.clear();
  }
}
