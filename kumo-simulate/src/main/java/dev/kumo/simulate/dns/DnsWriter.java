package dev.kumo.simulate.dns;

import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.io.LineFile;
import dev.kumo.simulate.io.Location;
import dev.kumo.simulate.io.WindowedFiles;
import dev.kumo.simulate.io.Tally;
import dev.kumo.simulate.io.TextBuffer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes Route 53 Resolver query logs as S3 delivers them: JSON Lines, gzipped, one file per VPC and
 * five-minute window, at
 * {@code AWSLogs/<account>/vpcdnsquerylogs/<vpc-id>/YYYY/MM/DD/<vpc-id>_vpcdnsquerylogs_<account>_<YYYYMMDDTHHmmZ>_<8 hex>.log.gz},
 * each record with the fields in the order AWS writes them (version, account_id, region, vpc_id,
 * query_timestamp, query_name, query_type, query_class, rcode, answers, srcaddr, srcport, transport,
 * srcids). Queries must come in time order. Not thread-safe.
 */
public final class DnsWriter implements Closeable {
  public static final String SOURCE = "aws.route53resolver";
  private static final long WINDOW = 300_000L;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

  private final Path root;
  private final SplittableRandom random;
  private final Tally tally;
  private final WindowedFiles files;
  private final TextBuffer line = new TextBuffer();
  private long second = Long.MIN_VALUE;
  private String stamp = "";

  /** Writes under {@code root}; {@code random} draws file names. */
  public DnsWriter(Path root, SplittableRandom random, Tally tally) {
    this.root = root;
    this.random = random;
    this.tally = tally;
    this.files = new WindowedFiles(tally, SOURCE);
  }


  /** Writes {@code q} to its VPC's file for the window of its time; returns where it landed. */
  public Location write(DnsQuery q) {
    try {
      LineFile f = fileFor(q);
      TextBuffer b = line.clear();
      b.append("{\"version\":\"1.100000\",\"account_id\":\"").append(q.account()).append("\",\"region\":\"")
          .append(q.region()).append("\",\"vpc_id\":\"").append(q.vpcId()).append("\",\"query_timestamp\":\"")
          .append(timestamp(q.time())).append("\",\"query_name\":\"").appendJson(q.queryName())
          .append("\",\"query_type\":\"").append(q.queryType()).append("\",\"query_class\":\"IN\",\"rcode\":\"")
          .append(q.rcode()).append("\",\"answers\":[");
      for (int i = 0; i < q.answers().size(); i++) {
        DnsQuery.Answer a = q.answers().get(i);
        b.append(i == 0 ? "{\"Rdata\":\"" : ",{\"Rdata\":\"").appendJson(a.rdata()).append("\",\"Type\":\"")
            .append(a.type()).append("\",\"Class\":\"IN\"}");
      }
      b.append("],\"srcaddr\":\"").append(q.srcAddr()).append("\",\"srcport\":\"").append(q.srcPort())
          .append("\",\"transport\":\"").append(q.transport()).append("\",\"srcids\":{");
      if (q.instanceId() != null) {
        b.append("\"instance\":\"").append(q.instanceId()).append('"');
      }
      b.append("}}\n");
      Location at = f.writeLine(b.bytes(), b.length());
      tally.event(SOURCE, q.account(), q.region());
      return at;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String timestamp(long millis) {
    long s = Math.floorDiv(millis, 1000L);
    if (s != second) {
      second = s;
      String t = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC).toString();
      stamp = (t.length() == 16 ? t + ":00" : t) + "Z";
    }
    return stamp;
  }

  private LineFile fileFor(DnsQuery q) throws IOException {
    long window = Math.floorDiv(q.time(), WINDOW);
    return files.get(q.vpcId(), window, w -> {
      Instant delivered = Instant.ofEpochMilli((w + 1) * WINDOW);
      String name = q.vpcId() + "_vpcdnsquerylogs_" + q.account() + "_" + STAMP.format(delivered) + "_"
          + RandomIds.hex(random, 8) + ".log.gz";
      Path path = root.resolve("AWSLogs").resolve(q.account()).resolve("vpcdnsquerylogs").resolve(q.vpcId())
          .resolve(DAY.format(delivered)).resolve(name);
      LineFile file = LineFile.create(root, path, tally.deflation());
      return file;
    });
  }

  @Override
  public void close() throws IOException {
    files.close();
  }
}
