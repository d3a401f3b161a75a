package dev.kumo.intel.lists;

import dev.kumo.intel.Indicator;
import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.Indicators;
import dev.kumo.intel.IntelLoad;
import dev.kumo.intel.IntelProblem;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads plain indicator lists: one value a line, {@code #} comments and blank lines skipped, gzip
 * recognised by its magic bytes. When the first line that is not a comment has commas and a header
 * naming a {@code value} (or {@code indicator}) column, the list is CSV instead (see {@link CsvList}).
 *
 * <p>Plain lines (Maltrail trails included): with a type given every line must be such a value; without
 * one {@link Indicators#detect} decides, and a line it cannot place is a problem
 * {@code cannot tell the type of '...'}. Untyped and IP/domain lists also accept {@code host:port}
 * (the port goes to the context as {@code port: 3333}); untyped and URL lists read a Maltrail
 * {@code host/path} (no scheme) as {@code http://host/path}. Maltrail URL-path trails ({@code /x.sh})
 * match no Kumo indicator type: they are reported in ONE problem per file with their count and first
 * lines. Each indicator gets context {@code list: <file stem>} and, when {@code # Reference:} lines
 * precede it, the description {@code Reference: <url> <url>}. Stateless and thread-safe.
 */
public final class ListReader {
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^:/\\s]+):(\\d{1,5})");
  private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s+#.*$");

  private ListReader() {}

  /** Reads the list at {@code path}; the feed name is the file's stem. */
  public static IntelLoad read(Path path, @Nullable IndicatorType type) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString(), stem(path.toString()), type);
    }
  }

  /** Reads a list; the feed name is the stem of {@code file} ({@code crypto_mining}). */
  public static IntelLoad read(InputStream in, String file, @Nullable IndicatorType type) throws IOException {
    return read(in, file, stem(file), type);
  }

  /**
   * Reads a list.
   *
   * @param file the name problems give; its stem is the {@code list:} context
   * @param feed the feed name indicators carry
   * @param type the type every value must have, or null to detect each line's
   * @throws IOException only when {@code in} cannot be read (or is corrupt gzip)
   */
  public static IntelLoad read(InputStream in, String file, String feed, @Nullable IndicatorType type)
      throws IOException {
    List<String> lines = lines(in);
    for (String l : lines) {
      String t = l.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (CsvList.isHeader(t)) {
        return CsvList.read(lines, file, feed, type);
      }
      break;
    }
    return new Plain(file, feed, type).read(lines);
  }

  /** The file name without directories, {@code .gz} and its last extension: {@code elf_mirai.txt.gz} → {@code elf_mirai}. */
  public static String stem(String file) {
    String name = file.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static List<String> lines(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    InputStream body = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in) : in;
    BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    List<String> out = new ArrayList<>();
    String line;
    while ((line = r.readLine()) != null) {
      out.add(out.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
    }
    return out;
  }

  /** One plain list being read. */
  private static final class Plain {
    private final String file;
    private final String feed;
    private final @Nullable IndicatorType type;
    private final String listContext;
    private final List<Indicator> indicators = new ArrayList<>();
    private final List<IntelProblem> problems = new ArrayList<>();
    private final List<Integer> pathLines = new ArrayList<>();
    private @Nullable String firstPath;

    Plain(String file, String feed, @Nullable IndicatorType type) {
      this.file = file;
      this.feed = feed;
      this.type = type;
      this.listContext = "list: " + stem(file);
    }

    IntelLoad read(List<String> lines) {
      List<String> references = new ArrayList<>();
      boolean afterEntries = false;
      String description = null;
      for (int i = 0; i < lines.size(); i++) {
        String t = lines.get(i).strip();
        if (t.isEmpty()) {
          continue;
        }
        if (t.startsWith("#")) {
          String c = t.substring(1).strip();
          if (c.regionMatches(true, 0, "Reference:", 0, 10)) {
            if (afterEntries) {
              references.clear();
              afterEntries = false;
            }
            references.add(c.substring(10).strip());
            description = "Reference: " + String.join(" ", references);
          }
          continue;
        }
        afterEntries = true;
        entry(TRAILING_COMMENT.matcher(t).replaceFirst(""), i + 1, references.isEmpty() ? null : description);
      }
      if (!pathLines.isEmpty()) {
        List<String> first = pathLines.stream().limit(5).map(String::valueOf).toList();
        int n = pathLines.size();
        problems.add(new IntelProblem(file, "line " + pathLines.get(0), n
            + (n == 1 ? " URL-path entry" : " URL-path entries") + " such as '" + firstPath + "' ("
            + (n == 1 ? "line " : "lines ") + String.join(", ", first)
            + (pathLines.size() > 5 ? ", ..." : "") + ") not used: Kumo has no URL-path indicator type"));
      }
      return new IntelLoad(indicators, problems, List.of(), List.of());
    }

    private void entry(String value, int lineNo, @Nullable String description) {
      String where = "line " + lineNo;
      if (value.startsWith("/") && (type == null || type == IndicatorType.URL)) {
        if (firstPath == null) {
          firstPath = value;
        }
        pathLines.add(lineNo);
        return;
      }
      String v = value;
      String port = null;
      IndicatorType t = type;
      Matcher hp = HOST_PORT.matcher(v);
      if ((t == null || t == IndicatorType.IP || t == IndicatorType.DOMAIN) && hp.matches()
          && Indicators.detect(v) == null) {
        String host = hp.group(1);
        v = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        port = hp.group(2);
      } else if ((t == null || t == IndicatorType.URL) && !v.contains("://") && v.indexOf('/') > 0
          && Indicators.detect(v) != IndicatorType.IP) {
        IndicatorType hostType = Indicators.detect(v.substring(0, v.indexOf('/')));
        if (hostType == IndicatorType.DOMAIN || hostType == IndicatorType.IP) {
          v = "http://" + v;
          t = IndicatorType.URL;
        }
      }
      if (t == null) {
        t = Indicators.detect(v);
        if (t == null) {
          problems.add(new IntelProblem(file, where, "cannot tell the type of '" + value + "'"));
          return;
        }
      }
      String mismatch = ListValues.mismatch(type, v);
      if (mismatch != null) {
        problems.add(new IntelProblem(file, where, mismatch));
        return;
      }
      String canonical;
      try {
        canonical = Indicators.canonical(t, v);
      } catch (IllegalArgumentException e) {
        problems.add(new IntelProblem(file, where, e.getMessage()));
        return;
      }
      List<String> context = port == null ? List.of(listContext) : List.of(listContext, "port: " + port);
      indicators.add(new Indicator(t, canonical, feed, null, null, null, null, List.of(), List.of(), context,
          description));
    }
  }
}
