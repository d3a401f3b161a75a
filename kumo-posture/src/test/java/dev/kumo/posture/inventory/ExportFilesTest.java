package dev.kumo.posture.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFilesTest {
  @TempDir
  Path dir;

  private Path gzip(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(content);
    }
    return p;
  }

  @Test
  void text_gzipWhateverItsName_isUndone() throws IOException {
    Path p = gzip("snapshot.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat(ExportFiles.text(p)).isEqualTo("{\"a\":1}");
  }

  @Test
  void text_expandsBeyondTheLimit_isRefusedNamingFileAndLimit() throws IOException {
    Path bomb = gzip("bomb.json.gz", new byte[1 << 20]);
    assertThat(Files.size(bomb)).isLessThan(10_000);
    assertThatThrownBy(() -> ExportFiles.text(bomb, 64 * 1024)).isInstanceOf(IOException.class)
        .hasMessageContaining("bomb.json.gz: larger than 65536 bytes (after decompression)");
  }

  @Test
  void text_truncatedGzip_isRefusedAsUnreadableGzip() throws IOException {
    Path p = gzip("cut.json.gz", "{\"a\":1}".repeat(1000).getBytes(StandardCharsets.UTF_8));
    byte[] all = Files.readAllBytes(p);
    Files.write(p, java.util.Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> ExportFiles.text(p)).isInstanceOf(IOException.class)
        .hasMessageContaining("cut.json.gz: not readable gzip");
  }
}
