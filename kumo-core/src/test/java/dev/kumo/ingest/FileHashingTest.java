package dev.kumo.ingest;

import static dev.kumo.ingest.CloudTrailFixtures.delivery;
import static dev.kumo.ingest.CloudTrailFixtures.gzip;
import static dev.kumo.ingest.CloudTrailFixtures.records;
import static dev.kumo.ingest.CloudTrailFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NormalizedEvent;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader hashes inputs' decompressed content for file listeners, while reading them once. */
class FileHashingTest {
  private final List<NormalizedEvent> events = new ArrayList<>();
  private final IngestStats stats = new IngestStats(20);
  private final List<FileFacts> facts = new ArrayList<>();

  private void read(String name, byte[] content, boolean hash) {
    new LogReader(LogSources.defaults(), IngestLimits.DEFAULTS, null).read(
        InputFile.ofStream(name, () -> new ByteArrayInputStream(content)), events::add, stats, null,
        new FileListener() {
          @Override
          public boolean wantsHash(InputFile input) {
            return hash;
          }

          @Override
          public void fileRead(InputFile input, FileFacts f) {
            facts.add(f);
          }
        });
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void gzippedLogFile_isHashedOverItsDecompressedContentAndStillRead() throws Exception {
    byte[] plain = utf8(delivery(records(3)));
    read("a.json.gz", gzip(plain), true);

    assertThat(events).hasSize(3);
    assertThat(facts).singleElement().satisfies(f -> {
      assertThat(f.name()).isEqualTo("a.json.gz");
      assertThat(f.sha256()).isEqualTo(sha256(plain));
      assertThat(f.contentBytes()).isEqualTo(plain.length);
      assertThat(f.digest()).isNull();
    });
  }

  @Test
  void digestFile_isReportedWithTheHashOfAllItsContent() throws Exception {
    byte[] plain = utf8("{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2026-03-10T00:00:31Z\","
        + "\"digestEndTime\":\"2026-03-10T01:00:31Z\",\"logFiles\":[]}\n\n   \n");
    read("d.json.gz", gzip(plain), true);

    assertThat(events).isEmpty();
    assertThat(stats.digestFiles()).isEqualTo(1);
    assertThat(facts).singleElement().satisfies(f -> {
      assertThat(f.sha256()).isEqualTo(sha256(plain));
      assertThat(f.digest().getString("digestEndTime")).isEqualTo("2026-03-10T01:00:31Z");
    });
  }

  @Test
  void fileSkippedPartWay_isStillHashedToItsEnd() throws Exception {
    byte[] plain = utf8(delivery(records(2)) + "\n%%% not json %%%\n" + "x".repeat(200_000));
    read("broken.json", plain, true);

    assertThat(stats.problems()).isPositive();
    assertThat(facts).singleElement().satisfies(f -> assertThat(f.sha256()).isEqualTo(sha256(plain)));
  }

  @Test
  void truncatedGzip_hasNoHash() {
    byte[] gz = gzip(utf8(delivery(records(50))));
    read("t.json.gz", Arrays.copyOf(gz, gz.length / 2), true);

    assertThat(facts).singleElement().satisfies(f -> assertThat(f.sha256()).isNull());
  }

  @Test
  void fileNotAskedFor_isNotReported() {
    read("a.json", utf8(delivery(records(1))), false);

    assertThat(events).hasSize(1);
    assertThat(facts).isEmpty();
  }
}
