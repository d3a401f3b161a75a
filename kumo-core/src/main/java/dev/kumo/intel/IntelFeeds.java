package dev.kumo.intel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kumo.intel.lists.ListReader;
import dev.kumo.intel.misp.MispReader;
import dev.kumo.intel.misp.WarninglistReader;
import dev.kumo.intel.stix.StixBundleReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads intel from files and folders, telling the format from the content: STIX 2.1 bundles (and
 * TAXII envelopes), MISP events, MISP feed folders ({@code manifest.json}), MISP warninglists, and
 * plain lists or CSV (gzip-compressed or not). Each file is one feed, named after the file.
 */
public final class IntelFeeds {
  private static final int SNIFF = 64 * 1024;
  private static final JsonFactory JSON = new JsonFactory();

  private IntelFeeds() {}

  /** The format of one intel file. */
  public enum Format {
    STIX, MISP_EVENT, MISP_FEED, WARNINGLIST, LIST
  }

  /**
   * One feed read from a file or folder.
   *
   * @param feed the feed's name (the file name without extension)
   * @param origin the path it was read from
   */
  public record Feed(String feed, String origin, Format format, IntelLoad load) {}

  /** Reads {@code path}: a file, a MISP feed folder, or a folder of intel files (each a feed; hidden files skipped). */
  public static List<Feed> read(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      if (Files.exists(path.resolve("manifest.json"))) {
        String name = stem(path);
        return List.of(new Feed(name, path.toString(), Format.MISP_FEED, MispReader.readFeed(path, name)));
      }
      List<Feed> out = new ArrayList<>();
      try (Stream<Path> files = Files.walk(path)) {
        for (Path f : files.filter(Files::isRegularFile).filter(f -> !hidden(path, f)).sorted().toList()) {
          if (isDoc(f)) {
            continue;
          }
          out.add(readFile(f));
        }
      }
      return out;
    }
    return List.of(readFile(path));
  }

  private static boolean hidden(Path root, Path f) {
    for (Path part : root.relativize(f)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Licence and read-me files that sit beside feeds. */
  private static boolean isDoc(Path f) {
    String n = f.getFileName().toString().toUpperCase(Locale.ROOT);
    return n.startsWith("LICENSE") || n.startsWith("README") || n.startsWith("PROVENANCE") || n.endsWith(".MD");
  }

  /** Reads one file as a feed. */
  public static Feed readFile(Path file) throws IOException {
    Format format;
    try (InputStream in = open(file)) {
      format = sniff(in);
    }
    String name = stem(file);
    if (format == Format.WARNINGLIST && name.equals("list") && file.toAbsolutePath().getParent() != null) {
      name = stem(file.toAbsolutePath().getParent()); // MISP's layout: lists/<name>/list.json
    }
    String origin = file.toString();
    try (InputStream in = open(file)) {
      IntelLoad load = switch (format) {
        case STIX -> StixBundleReader.read(in, origin, name);
        case MISP_EVENT -> MispReader.readEvent(in, origin, name);
        case WARNINGLIST -> WarninglistReader.load(in, origin);
        case LIST, MISP_FEED -> ListReader.read(in, origin, name, null);
      };
      return new Feed(name, origin, format, load);
    }
  }

  /** The file's content, gunzipped when it is gzip. */
  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), SNIFF);
    in.mark(2);
    int a = in.read();
    int b = in.read();
    in.reset();
    return a == 0x1f && b == 0x8b ? new BufferedInputStream(new GZIPInputStream(in), SNIFF) : in;
  }

  /**
   * Tells the format from the top-level members of a JSON document (reading no further than needed),
   * or {@link Format#LIST} for text that is not JSON.
   */
  static Format sniff(InputStream in) throws IOException {
    in.mark(SNIFF);
    byte[] head = in.readNBytes(256);
    in.reset();
    String s = new String(head, StandardCharsets.UTF_8).stripLeading();
    if (!s.startsWith("{") && !s.startsWith("[")) {
      return Format.LIST;
    }
    try (JsonParser p = JSON.createParser(in)) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY) {
        t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
          return Format.STIX;
        }
      }
      boolean list = false;
      for (t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String key = p.currentName();
        JsonToken v = p.nextToken();
        switch (key) {
          case "Event", "response", "Attribute" -> {
            return Format.MISP_EVENT;
          }
          case "objects", "spec_version" -> {
            return Format.STIX;
          }
          case "matching_attributes" -> {
            return Format.WARNINGLIST;
          }
          case "list" -> list = true;
          default -> { }
        }
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
        }
      }
      return list ? Format.WARNINGLIST : Format.STIX;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Format.STIX; // its reader reports where the JSON breaks
    }
  }

  /** The file name without directories and extensions ({@code crypto_mining.txt.gz} → {@code crypto_mining}). */
  static String stem(Path p) {
    String n = p.getFileName() == null ? p.toString() : p.getFileName().toString();
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
