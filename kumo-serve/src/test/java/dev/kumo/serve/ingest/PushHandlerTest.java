package dev.kumo.serve.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushHandlerTest {
  private static final String TOKEN = "s3cret-ingest-token";
  private static final String BEARER = "Bearer " + TOKEN;

  @TempDir
  Path dir;
  Spool spool;
  PushHandler handler;

  @BeforeEach
  void setUp() throws IOException {
    spool = Spool.open(dir);
    handler = new PushHandler(spool, new PushConfig(List.of(PushConfig.hash("other"), PushConfig.hash(TOKEN)),
        64 * 1024, 50));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(b);
    }
    return out.toByteArray();
  }

  @Test
  void push_jsonArray_isSpooledAsReceivedWith202() throws IOException {
    byte[] body = utf8("[" + String.join(",", Records.quiet("a", 0, 3)) + "]");

    PushResult r = handler.push(body, "application/json; charset=utf-8", null, BEARER);

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.records()).isEqualTo(3);
    assertThat(spool.pending()).singleElement().satisfies(u -> {
      assertThat(u.id()).isEqualTo(r.unit());
      assertThat(Files.readAllBytes(u.path())).isEqualTo(body);
    });
    assertThat(r.json()).contains("\"unit\":\"" + r.unit() + "\"");
  }

  @Test
  void push_oneDocumentAndJsonLines_areAccepted() {
    assertThat(handler.push(utf8(Records.deliveryFile(Records.quiet("d", 0, 2))), "application/json", null, BEARER)
        .status()).isEqualTo(202);
    PushResult lines = handler.push(utf8(Records.lines(Records.quiet("l", 0, 4))), "application/x-ndjson", null,
        BEARER);
    assertThat(lines.status()).isEqualTo(202);
    assertThat(lines.records()).isEqualTo(4);
  }

  @Test
  void push_gzipBody_isCheckedUnzippedAndSpooledZipped() throws IOException {
    byte[] body = gzip(utf8(Records.lines(Records.quiet("z", 0, 5))));

    PushResult r = handler.push(body, "application/jsonl", "gzip", BEARER);

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.records()).isEqualTo(5);
    assertThat(Files.readAllBytes(spool.pending().get(0).path())).isEqualTo(body);
    assertThat(r.unit()).endsWith(".jsonl.gz");
  }

  @Test
  void push_wrongOrMissingToken_isRefusedWith401AndNothingSpooled() throws IOException {
    byte[] body = utf8(Records.quiet("x"));

    assertThat(handler.push(body, "application/json", null, "Bearer wrong").status()).isEqualTo(401);
    assertThat(handler.push(body, "application/json", null, null).status()).isEqualTo(401);
    assertThat(handler.push(body, "application/json", null, TOKEN).status()).isEqualTo(401);
    PushResult r = handler.push(body, "application/json", null, "Bearer wrong");
    assertThat(r.json()).doesNotContain("wrong").doesNotContain(TOKEN);
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void push_overTheLimits_isRefusedWith413() throws IOException {
    byte[] big = utf8("[" + "{\"a\":\"" + "x".repeat(70 * 1024) + "\"}]");
    assertThat(handler.push(big, "application/json", null, BEARER).status()).isEqualTo(413);
    // a small gzip that unzips beyond the limit
    byte[] bomb = gzip(utf8("{\"a\":\"" + " ".repeat(10 * 1024 * 1024) + "\"}"));
    assertThat(bomb.length).isLessThan(64 * 1024);
    assertThat(handler.push(bomb, "application/json", "gzip", BEARER).status()).isEqualTo(413);
    // more records than allowed
    assertThat(handler.push(utf8(Records.lines(Records.quiet("m", 0, 51))), "application/x-ndjson", null, BEARER)
        .status()).isEqualTo(413);
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void push_malformedBody_isRefusedWith400WithoutEchoingIt() throws IOException {
    PushResult broken = handler.push(utf8("{\"a\":<script>alert(1)</script>"), "application/json", null, BEARER);
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.error()).startsWith("malformed JSON at line 1").doesNotContain("script");

    assertThat(handler.push(utf8("[1,2]"), "application/json", null, BEARER).status()).isEqualTo(400);
    assertThat(handler.push(utf8("{}{}"), "application/json", null, BEARER).status()).isEqualTo(400);
    assertThat(handler.push(utf8("{}\n[]\n"), "application/x-ndjson", null, BEARER).status()).isEqualTo(400);
    assertThat(handler.push(utf8("  "), "application/json", null, BEARER).status()).isEqualTo(400);
    assertThat(handler.push(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}, "application/json", "gzip", BEARER).status())
        .isEqualTo(400);
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void push_otherMediaTypeOrEncoding_isRefusedWith415() {
    assertThat(handler.push(utf8("{}"), "text/csv", null, BEARER).status()).isEqualTo(415);
    assertThat(handler.push(utf8("{}"), null, null, BEARER).status()).isEqualTo(415);
    assertThat(handler.push(utf8("{}"), "application/json", "br", BEARER).status()).isEqualTo(415);
  }
}
