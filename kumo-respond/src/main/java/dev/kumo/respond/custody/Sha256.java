package dev.kumo.respond.custody;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers: lowercase hex, and streaming file digests. */
final class Sha256 {
  /** The {@code prev} of the first entry. */
  static final String ZERO = "0".repeat(64);

  private Sha256() {}

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  static String hex(byte[] data) {
    return HexFormat.of().formatHex(digest().digest(data));
  }

  static boolean isHex(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** The file's digest and size, read in one streaming pass. */
  record FileDigest(String sha256, long bytes) {}

  static FileDigest file(Path file) throws IOException {
    MessageDigest md = digest();
    long n = 0;
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
        md.update(buf, 0, r);
        n += r;
      }
    }
    return new FileDigest(HexFormat.of().formatHex(md.digest()), n);
  }
}
