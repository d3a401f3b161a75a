package dev.kumo.simulate.vpcflow;

import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.io.LineFile;
import dev.kumo.simulate.io.Location;
import dev.kumo.simulate.io.WindowedFiles;
import dev.kumo.simulate.io.Tally;
import dev.kumo.simulate.io.TextBuffer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
  private final WindowedFiles files;
  private final TextBuffer line = new TextBuffer();

  public FlowWriter(Path root, SplittableRandom random, Tally tally) {
    this.root = root;
    this.random = random;
    this.tally = tally;
    this.files = new WindowedFiles(tally, SOURCE);
  }


  /** Writes {@code r} to its flow log's file for the window of its start time; returns where it landed. */
  public Location write(FlowRecord r) {
    try {
      LineFile f = fileFor(r);
      line.clear().append("2 ").append(r.account()).append(' ').append(r.interfaceId()).append(' ').append(r.srcAddr())
          .append(' ').append(r.dstAddr()).append(' ').append(r.srcPort()).append(' ').append(r.dstPort()).append(' ')
          .append(r.protocol()).append(' ').append(r.packets()).append(' ').append(r.bytes()).append(' ')
          .append(r.start()).append(' ').append(r.end()).append(r.accepted() ? " ACCEPT OK\n" : " REJECT OK\n");
      Location at = f.writeLine(line.bytes(), line.length());
      tally.event(SOURCE, r.account(), r.region());
      return at;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private LineFile fileFor(FlowRecord r) throws IOException {
    long window = Math.floorDiv(r.start(), WINDOW);
    return files.get(r.flowLogId(), window, w -> {
      Instant delivered = Instant.ofEpochSecond((w + 1) * WINDOW);
      String name = r.account() + "_vpcflowlogs_" + r.region() + "_" + r.flowLogId() + "_" + STAMP.format(delivered) + "_"
          + RandomIds.hex(random, 8) + ".log.gz";
      Path path = root.resolve("AWSLogs").resolve(r.account()).resolve("vpcflowlogs").resolve(r.region())
          .resolve(DAY.format(delivered)).resolve(name);
      LineFile file = LineFile.create(root, path, tally.deflation());
      byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
      file.writeLine(header, header.length);
      return file;
    });
  }

  @Override
  public void close() throws IOException {
    files.close();
  }
}
