package dev.kumo.respond.custody;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/** The {@code custody/head} file: seq and hash of the last entry ({@link LedgerFiles#head}). */
record Head(long seq, String hash) {
  /** The head of {@code caseDir}, or null if there is no head file. */
  static @Nullable Head read(Path caseDir) throws IOException, LedgerFormatException {
    Path file = LedgerFiles.head(caseDir);
    if (!Files.exists(file)) {
      return null;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String[] parts = text.strip().split(" ");
    if (parts.length != 2 || !Sha256.isHex(parts[1]) || !text.endsWith("\n")) {
      throw new LedgerFormatException("custody/head is not '<seq> <sha256>'");
    }
    try {
      return new Head(Long.parseLong(parts[0]), parts[1]);
    } catch (NumberFormatException e) {
      throw new LedgerFormatException("custody/head is not '<seq> <sha256>'");
    }
  }

  /** Replaces the head file atomically and durably. */
  void write(Path caseDir) throws IOException {
    Path file = LedgerFiles.head(caseDir);
    Path tmp = file.resolveSibling("head.tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.wrap((seq + " " + hash + "\n").getBytes(StandardCharsets.US_ASCII));
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
