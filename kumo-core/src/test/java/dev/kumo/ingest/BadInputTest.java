package dev.kumo.ingest;

import static dev.kumo.ingest.CloudTrailFixtures.delivery;
import static dev.kumo.ingest.CloudTrailFixtures.gzip;
import static dev.kumo.ingest.CloudTrailFixtures.record;
import static dev.kumo.ingest.CloudTrailFixtures.records;
import static dev.kumo.ingest.CloudTrailFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.config.DataSize;
import dev.kumo.event.NormalizedEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each kind of bad input gets one clear message naming file, line/record and reason, is counted,
 * and reading goes on: never a stack trace, a hang or an out-of-memory.
 */
@Timeout(60)
class BadInputTest {
  private final List<NormalizedEvent> events = new ArrayList<>();
  private final IngestStats stats = new IngestStats(20);

  private void read(String name, byte[] content, IngestLimits limits) {
    read(InputFile.ofStream(name, () -> new ByteArrayInputStream(content)), limits);
  }

  private void read(InputFile input, IngestLimits limits) {
    new LogReader(LogSources.defaults(), limits, null).read(input, events::add, stats, null);
  }

  private IngestProblem onlyProblem(ProblemKind kind) {
    assertThat(stats.problemCounts()).containsOnlyKeys(kind);
    assertThat(stats.problems(kind)).isEqualTo(1);
    return stats.examples(kind).get(0);
  }

  @Test
  void read_truncatedGzip_keepsRecordsBeforeTheCutAndReportsIt() {
    byte[] full = gzip(utf8(delivery(records(400))));
    byte[] cut = Arrays.copyOf(full, full.length / 2);
    read("cut.json.gz", cut, IngestLimits.DEFAULTS);
    IngestProblem p = onlyProblem(ProblemKind.TRUNCATED_GZIP);
    assertThat(p.file()).isEqualTo("cut.json.gz");
    assertThat(p.message()).startsWith("truncated gzip stream after ").endsWith("the rest of the file cannot be read");
    assertThat(events).isNotEmpty().hasSizeLessThan(400);
    assertThat(p.message()).contains("after " + events.size() + " record(s)");
    assertThat(stats.events()).isEqualTo(events.size());
  }

  @Test
  void read_corruptGzip_isReportedNotThrown() {
    byte[] full = gzip(utf8(delivery(records(50))));
    for (int i = 20; i < full.length - 20; i++) {
      full[i] ^= 0x5a;
    }
    read("corrupt.json.gz", full, IngestLimits.DEFAULTS);
    assertThat(stats.problems()).isEqualTo(1);
    assertThat(stats.problemCounts().keySet()).containsAnyOf(ProblemKind.CORRUPT_GZIP, ProblemKind.TRUNCATED_GZIP);
  }

  @Test
  void read_emptyFile_isReportedAsEmpty() {
    read("empty.json", new byte[0], IngestLimits.DEFAULTS);
    IngestProblem p = onlyProblem(ProblemKind.EMPTY_FILE);
    assertThat(p.format()).isEqualTo("empty.json: empty file (0 bytes)");
    assertThat(events).isEmpty();
  }

  @Test
  void read_whitespaceOnlyFile_isReportedAsEmpty() {
    read("blank.json", utf8("  \n\n  "), IngestLimits.DEFAULTS);
    assertThat(onlyProblem(ProblemKind.EMPTY_FILE).message()).isEqualTo("empty file (no content)");
  }

  @Test
  void read_jsonThatIsNotCloudTrail_namesTheKeysAndSkipsTheFile() {
    read("package.json", utf8("{\"name\":\"left-pad\",\"version\":\"1.3.0\",\"license\":\"WTFPL\"}\n"),
        IngestLimits.DEFAULTS);
    IngestProblem p = onlyProblem(ProblemKind.UNKNOWN_FORMAT);
    assertThat(p.format()).isEqualTo(
        "package.json:1 (record 1): not a recognized log format (first record has keys [name, version, license]); file skipped");
  }

  @Test
  void read_binaryGarbage_isReportedOnceAsBinary() {
    read("photo.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00, 0x10}, IngestLimits.DEFAULTS);
    assertThat(onlyProblem(ProblemKind.BINARY_FILE).message()).isEqualTo(
        "not a log: binary content (a NUL byte at offset 3); file skipped");
  }

  @Test
  void read_binaryWithoutNul_isReportedOnceAsBinary() {
    read("blob.bin", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x41, 0x0a, 0x42}, IngestLimits.DEFAULTS);
    assertThat(onlyProblem(ProblemKind.BINARY_FILE).message()).isEqualTo(
        "not a log: binary content (starts with 0xFF); file skipped");
  }

  @Test
  void read_textThatIsNoKnownLog_isReportedOnce() {
    read("notes.txt", utf8("dear diary\ntoday I hunted\n"), IngestLimits.DEFAULTS);
    assertThat(onlyProblem(ProblemKind.UNKNOWN_FORMAT).message()).isEqualTo(
        "not a recognized log format (text starting 'dear diary'); file skipped");
  }

  @Test
  void read_100MegabyteRecord_isSkippedInBoundedMemoryAndReadingGoesOn() {
    long padding = 100L * 1024 * 1024;
    String before = "{\"Records\":[" + record(1) + ",{\"eventName\":\"x\",\"pad\":\"";
    String after = "\"}," + record(2) + "]}";
    InputStream in = new PaddedStream(utf8(before), padding, utf8(after));
    read(InputFile.ofStream("huge.json", () -> in), IngestLimits.DEFAULTS);
    IngestProblem p = onlyProblem(ProblemKind.RECORD_TOO_LARGE);
    assertThat(p.format()).isEqualTo("huge.json:1 (record 2): record is larger than the limit of 16 MiB"
        + " (setting --max-record-size); skipped");
    assertThat(events).extracting(NormalizedEvent::id)
        .containsExactly("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002");
  }

  @Test
  void framer_oversizedRecord_neverBuffersMoreThanTheLimit() throws Exception {
    int limit = 64 * 1024;
    InputStream in = new PaddedStream(utf8("[{\"pad\":\""), 10L * 1024 * 1024, utf8("\"}," + record(1) + "]"));
    RecordFramer f = new RecordFramer(in, limit, 100);
    List<RecordFramer.Kind> kinds = new ArrayList<>();
    int maxBuffer = 0;
    while (f.next()) {
      kinds.add(f.kind());
      maxBuffer = Math.max(maxBuffer, f.buffer().length);
    }
    assertThat(kinds).containsExactly(RecordFramer.Kind.TOO_LARGE, RecordFramer.Kind.RECORD);
    assertThat(maxBuffer).isLessThanOrEqualTo(limit + 1);
  }

  @Test
  void read_nesting10000Deep_isReportedWithoutStackOverflow() {
    String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    read("deep.json", utf8("[" + deep + "," + record(1) + "]"), IngestLimits.DEFAULTS);
    IngestProblem p = onlyProblem(ProblemKind.NESTING_TOO_DEEP);
    assertThat(p.format()).isEqualTo("deep.json:1 (record 1): record is nested deeper than the limit of 100"
        + " (setting --max-depth); skipped");
    assertThat(events).hasSize(1);
  }

  @Test
  void read_nesting10000DeepInJsonLines_isReportedAndNextLineRead() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    read("deep.jsonl", utf8(record(1) + "\n{\"x\":" + deep + "}\n" + record(2) + "\n"), IngestLimits.DEFAULTS);
    IngestProblem p = onlyProblem(ProblemKind.NESTING_TOO_DEEP);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.message()).isEqualTo("nesting deeper than the limit of 100 (setting max-nesting-depth); skipped");
    assertThat(events).hasSize(2);
  }

  @Test
  void read_invalidUtf8_skipsThatRecordOnly() {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    bos.writeBytes(utf8(record(1) + "\n"));
    bos.writeBytes(utf8(record(2).replace("alice", "al")));
    byte[] bad = bos.toByteArray();
    int at = new String(bad, StandardCharsets.ISO_8859_1).lastIndexOf("al\"");
    bad[at + 1] = (byte) 0xC3; // start of a 2-byte sequence...
    bad[at + 2] = (byte) 0x28; // ...followed by an invalid continuation byte
    byte[] content = new byte[bad.length + 1 + record(3).length() + 1];
    System.arraycopy(bad, 0, content, 0, bad.length);
    content[bad.length] = '\n';
    System.arraycopy(utf8(record(3)), 0, content, bad.length + 1, record(3).length());
    content[content.length - 1] = '\n';
    read("bad-utf8.jsonl", content, IngestLimits.DEFAULTS);
    IngestProblem p = onlyProblem(ProblemKind.INVALID_UTF8);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.message()).startsWith("invalid UTF-8: ").endsWith("; skipped");
    assertThat(events).extracting(NormalizedEvent::id).containsExactly("00000000-0000-4000-8000-000000000001",
        "00000000-0000-4000-8000-000000000003");
  }

  @Test
  void read_malformedJsonLine_reportsLineAndReadsTheRest() {
    read("x.jsonl", utf8(record(1) + "\n" + record(2).substring(0, 80) + "\n" + record(3) + "\n"),
        IngestLimits.DEFAULTS);
    IngestProblem p = onlyProblem(ProblemKind.MALFORMED_JSON);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.record()).isEqualTo(2);
    assertThat(p.message()).startsWith("malformed JSON: ");
    assertThat(events).hasSize(2);
  }

  @Test
  void read_fileCutInsideArray_reportsIncompleteRecord() {
    String s = "[" + record(1) + "," + record(2);
    read("cut.json", utf8(s.substring(0, s.length() - 30)), IngestLimits.DEFAULTS);
    IngestProblem p = onlyProblem(ProblemKind.INCOMPLETE_RECORD);
    assertThat(p.message()).isEqualTo("file ends in the middle of record 2 (truncated file?)");
    assertThat(events).hasSize(1);
  }

  @Test
  void read_recordWithoutEventTime_isKeptAtUnknownTimeAndCounted() {
    String noTime = record(2).replaceAll("\"eventTime\":\"[^\"]*\",", "");
    String badTime = record(3).replace("2026-03-10T10:03:00Z", "yesterday");
    read("t.json", utf8(delivery(List.of(record(1), noTime, badTime))), IngestLimits.DEFAULTS);
    assertThat(stats.problems()).isZero();
    assertThat(events).hasSize(3);
    assertThat(events.get(1).time()).isEqualTo(NormalizedEvent.UNKNOWN_TIME);
    assertThat(events.get(2).time()).isEqualTo(NormalizedEvent.UNKNOWN_TIME);
    assertThat(stats.eventsWithoutTime()).isEqualTo(2);
  }

  @Test
  void read_nonObjectArrayElement_isSkipped() {
    read("a.json", utf8("[" + record(1) + ",42,\"x\"," + record(2) + "]"), IngestLimits.DEFAULTS);
    assertThat(stats.problems(ProblemKind.NOT_AN_OBJECT)).isEqualTo(2);
    assertThat(events).hasSize(2);
  }

  @Test
  void read_smallRecordLimit_skipsLargerRecords() {
    IngestLimits limits = IngestLimits.DEFAULTS.withMaxRecordBytes(DataSize.parse("1KiB"));
    String big = record(2).replace("aws-cli/2.15.0", "a".repeat(2000));
    read("l.json", utf8(delivery(List.of(record(1), big, record(3)))), limits);
    assertThat(onlyProblem(ProblemKind.RECORD_TOO_LARGE).message()).contains("limit of 1 KiB");
    assertThat(events).hasSize(2);
  }

  /** Streams {@code head}, then {@code padding} bytes of 'A', then {@code tail}, without holding them. */
  private static final class PaddedStream extends InputStream {
    private final byte[] head;
    private final long padding;
    private final byte[] tail;
    private long pos;

    PaddedStream(byte[] head, long padding, byte[] tail) {
      this.head = head;
      this.padding = padding;
      this.tail = tail;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      long total = head.length + padding + tail.length;
      if (pos >= total) {
        return -1;
      }
      int n = 0;
      while (n < len && pos < total) {
        if (pos < head.length) {
          b[off + n] = head[(int) pos];
        } else if (pos < head.length + padding) {
          int chunk = (int) Math.min(len - n, head.length + padding - pos);
          Arrays.fill(b, off + n, off + n + chunk, (byte) 'A');
          n += chunk;
          pos += chunk;
          continue;
        } else {
          b[off + n] = tail[(int) (pos - head.length - padding)];
        }
        n++;
        pos++;
      }
      return n;
    }
  }
}
