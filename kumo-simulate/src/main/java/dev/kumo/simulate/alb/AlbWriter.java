package dev.kumo.simulate.alb;

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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Writes Application Load Balancer access logs as S3 delivers them: one gzipped text file per load
 * balancer node and five-minute window, at
 * {@code AWSLogs/<account>/elasticloadbalancing/<region>/YYYY/MM/DD/<account>_elasticloadbalancing_<region>_app.<name>.<id>_<YYYYMMDDTHHmmZ>_<node ip>_<8 alnum>.log.gz},
 * each line in the documented field order (type, time, elb, client:port, target:port, the three
 * processing times, status codes, bytes, "request", "user_agent", TLS cipher and protocol, target group,
 * "trace_id", "domain", "certificate", rule priority, request_creation_time, "actions", "redirect",
 * "error", "target:port_list", "target_status_code_list", "classification", "classification_reason",
 * conn_trace_id). Adds the trace ids. Requests must come in time order. Not thread-safe.
 */
public final class AlbWriter implements Closeable {
  public static final String SOURCE = "aws.elb";
  private static final long WINDOW_MICROS = 300_000_000L;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
  private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final Path root;
  private final SplittableRandom random;
  private final Tally tally;
  private final WindowedFiles files;
  private final TextBuffer line = new TextBuffer();
  private final MicroTimes times = new MicroTimes();

  /** Writes under {@code root}; {@code random} draws trace ids and file names. */
  public AlbWriter(Path root, SplittableRandom random, Tally tally) {
    this.root = root;
    this.random = random;
    this.tally = tally;
    this.files = new WindowedFiles(tally, SOURCE);
  }


  /** Writes {@code r} to its node's file for the window of its time; returns where it landed. */
  public Location write(AlbRequest r) {
    try {
      LineFile f = fileFor(r);
      TextBuffer b = line.clear();
      b.append(r.type()).append(' ');
      times.append(b, r.timeMicros());
      b.append(' ').append(r.loadBalancer()).append(' ').append(r.clientIp()).append(':').append(r.clientPort())
          .append(' ');
      if (r.targetIp() == null) {
        b.append('-');
      } else {
        b.append(r.targetIp()).append(':').append(r.targetPort());
      }
      b.append(' ');
      seconds(b, r.requestSeconds()).append(' ');
      seconds(b, r.targetSeconds()).append(' ');
      seconds(b, r.responseSeconds()).append(' ');
      status(b, r.elbStatus()).append(' ');
      status(b, r.targetStatus()).append(' ');
      b.append(r.receivedBytes()).append(' ').append(r.sentBytes()).append(" \"").append(r.method()).append(' ')
          .append(r.url()).append(' ').append(r.protocol()).append("\" \"").append(r.userAgent()).append("\" ");
      boolean tls = !r.type().equals("http") && !r.type().equals("ws");
      b.append(!tls ? "- - " : (r.clientPort() & 3) == 0 ? "ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 "
          : "TLS_AES_128_GCM_SHA256 TLSv1.3 ");
      b.append(r.targetGroupArn() == null ? "-" : r.targetGroupArn());
      long seconds = Math.floorDiv(r.timeMicros(), 1_000_000L);
      b.append(" \"Root=1-").appendHex(seconds).append('-').append(RandomIds.hex(random, 24)).append("\" \"")
          .append(r.domain()).append("\" \"").append(tls && r.certificateArn() != null ? r.certificateArn() : "-")
          .append("\" ").append(r.rulePriority()).append(' ');
      times.append(b, r.timeMicros() - r.durationMicros());
      b.append(" \"").append(r.actions()).append("\" \"").append(dash(r.redirectUrl())).append("\" \"")
          .append(dash(r.errorReason())).append("\" \"");
      if (r.targetIp() == null) {
        b.append('-');
      } else {
        b.append(r.targetIp()).append(':').append(r.targetPort());
      }
      b.append("\" \"");
      status(b, r.targetStatus()).append("\" \"-\" \"-\" TID_").append(RandomIds.hex(random, 32)).append('\n');
      Location at = f.writeLine(b.bytes(), b.length());
      tally.event(SOURCE, r.account(), r.region());
      return at;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String dash(@Nullable String s) {
    return s == null ? "-" : s;
  }

  private static TextBuffer status(TextBuffer b, int code) {
    return code < 0 ? b.append('-') : b.append(code);
  }

  /** Seconds with millisecond precision as ALB writes them ({@code 0.001}), or {@code -1}. */
  private static TextBuffer seconds(TextBuffer b, double s) {
    if (s < 0) {
      return b.append("-1");
    }
    long ms = Math.round(s * 1000);
    return b.append(ms / 1000).append('.').appendPadded(ms % 1000, 3);
  }

  private LineFile fileFor(AlbRequest r) throws IOException {
    long window = Math.floorDiv(r.timeMicros(), WINDOW_MICROS);
    return files.get(r.loadBalancer() + " " + r.nodeIp(), window, w -> {
      Instant delivered = Instant.ofEpochSecond((w + 1) * (WINDOW_MICROS / 1_000_000L));
      String[] parts = r.loadBalancer().split("/");
      StringBuilder suffix = new StringBuilder(8);
      for (int i = 0; i < 8; i++) {
        suffix.append(LOWER_ALNUM[random.nextInt(LOWER_ALNUM.length)]);
      }
      String name = r.account() + "_elasticloadbalancing_" + r.region() + "_" + String.join(".", parts) + "_"
          + STAMP.format(delivered) + "_" + r.nodeIp() + "_" + suffix.toString().toLowerCase(Locale.ROOT) + ".log.gz";
      Path path = root.resolve("AWSLogs").resolve(r.account()).resolve("elasticloadbalancing").resolve(r.region())
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
