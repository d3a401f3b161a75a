package dev.kumo.posture.inventory;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reading export files: which files a path holds, and one file's text with gzip undone and a size limit, so a
 * huge or decompression-bomb file is refused with its name instead of exhausting memory.
 */
public final class ExportFiles {
  /** Largest export text read from one file, after decompression: 1 GiB. */
  public static final long MAX_TEXT_BYTES = 1L << 30;

  private ExportFiles() {}

  /** One file's text (UTF-8), gunzipped when it starts with the gzip magic; at most {@link #MAX_TEXT_BYTES}. */
  public static String text(Path file) throws IOException {
    return text(file, MAX_TEXT_BYTES);
  }

  /**
   * One file's text (UTF-8), gunzipped when it starts with the gzip magic.
   *
   * @throws IOException naming the file when it cannot be read, is not valid gzip, or holds more than
   *     {@code maxBytes} bytes (after decompression)
   */
  public static String text(Path file, long maxBytes) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw) : raw;
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new IOException(file + ": larger than " + maxBytes + " bytes (after decompression); not read");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (ZipException | EOFException e) {
      throw new IOException(file + ": not readable gzip: " + e.getMessage(), e);
    }
  }

  /**
   * {@code path} itself when it is not a folder; else the regular files directly in it whose names end, in any
   * case, with one of {@code extensions} (e.g. {@code .json}), sorted.
   */
  public static List<Path> of(Path path, String... extensions) throws IOException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> s = Files.list(path)) {
      return s.filter(p -> hasExtension(p, extensions) && Files.isRegularFile(p)).sorted().toList();
    }
  }

  private static boolean hasExtension(Path p, String... extensions) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    for (String e : extensions) {
      if (n.endsWith(e)) {
        return true;
      }
    }
    return false;
  }
}
