package dev.kumo.serve;

import dev.kumo.serve.alert.OutputConfig;
import dev.kumo.serve.alert.OutputsReader;
import dev.kumo.serve.ingest.PushConfig;
import dev.kumo.serve.ingest.WatchConfig;
import dev.kumo.serve.web.WebConfig;
import dev.kumo.serve.web.WebConfigException;
import dev.kumo.serve.web.WebConfigReader;
import dev.kumo.serve.web.Yaml;
import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YamlChecks;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads {@code serve.yml}. Relative paths are taken from the file's folder; every problem of every section is
 * reported at once as {@code file:line: reason} ({@link WebConfigException}).
 *
 * <pre>
 * state_dir: state              # required: spool, watcher records, notes
 * case_dir: case                # default: STATE_DIR/case
 * web: {...}                    # see docs/serve.md, "Console and API" (state_dir defaults to the one above)
 * ingest:
 *   push_tokens_sha256: [...]   # SHA-256 (hex) of each bearer token allowed to push
 *   max_batch_bytes: 16777216
 *   max_batch_events: 100000
 *   watch: [{path: incoming, interval: 2s, recursive: true}]
 * outputs: [...]                # see docs/serve.md, "Alert outputs"
 * </pre>
 */
public final class ServeConfigReader {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  private ServeConfigReader() {}

  /** Reads a configuration file. */
  public static ServeConfig read(Path file) throws IOException {
    Path base = file.toAbsolutePath().getParent();
    YMap root = Yaml.root(file);
    String name = file.toString();
    YamlChecks checks = new YamlChecks(name);
    checks.keys(root, "state_dir", "case_dir", "web", "ingest", "outputs");
    String state = checks.text(root, "state_dir", true);
    String caseDir = checks.text(root, "case_dir", false);
    Path stateDir = base.resolve(state == null ? "state" : state);
    List<String> problems = new ArrayList<>();
    WebConfig web = null;
    if (root.get("web") instanceof YMap w) {
      try {
        web = WebConfigReader.parse(name, w, base, stateDir);
      } catch (WebConfigException e) {
        problems.addAll(e.problems());
      }
    } else {
      checks.error(root.line(), "missing 'web' map (users_file, host, port, ...)");
    }
    PushConfig push = PushConfig.of(List.of());
    List<WatchConfig> watch = new ArrayList<>();
    YNode ingest = root.get("ingest");
    if (ingest instanceof YMap in) {
      push = push(in, checks, push);
      watch = watch(in, checks, base);
    } else if (ingest != null) {
      checks.error(root.lineOf("ingest"), "'ingest' must be a map");
    }
    List<OutputConfig> outputs = OutputsReader.read(root, checks);
    problems.addAll(0, checks.errors());
    if (!problems.isEmpty() || web == null) {
      throw new WebConfigException(problems);
    }
    return new ServeConfig(stateDir, caseDir == null ? stateDir.resolve("case") : base.resolve(caseDir), web, push,
        watch, outputs);
  }

  private static PushConfig push(YMap in, YamlChecks checks, PushConfig defaults) {
    checks.keys(in, "push_tokens_sha256", "max_batch_bytes", "max_batch_events", "watch");
    List<String> tokens = new ArrayList<>();
    for (String t : in.strings("push_tokens_sha256")) {
      if (SHA256.matcher(t.strip()).matches()) {
        tokens.add(t.strip().toLowerCase(Locale.ROOT));
      } else {
        checks.error(in.lineOf("push_tokens_sha256"), "a push token must be given as its SHA-256 in hex (64 "
            + "characters), never in the clear");
      }
    }
    int bytes = Yaml.integer(checks, in, "max_batch_bytes", (int) Math.min(Integer.MAX_VALUE,
        defaults.maxBatchBytes()), 1024, 1 << 30);
    int events = Yaml.integer(checks, in, "max_batch_events", defaults.maxBatchEvents(), 1, 10_000_000);
    return new PushConfig(tokens, bytes, events);
  }

  private static List<WatchConfig> watch(YMap in, YamlChecks checks, Path base) {
    List<WatchConfig> out = new ArrayList<>();
    YNode n = in.get("watch");
    if (n == null) {
      return out;
    }
    if (!(n instanceof YList list)) {
      checks.error(in.lineOf("watch"), "'watch' must be a list of {path, interval, recursive}");
      return out;
    }
    for (YNode item : list.items()) {
      if (!(item instanceof YMap m)) {
        checks.error(item.line(), "a watched folder must be a map with 'path'");
        continue;
      }
      checks.keys(m, "path", "interval", "recursive");
      String path = checks.text(m, "path", true);
      Duration interval = Yaml.duration(checks, m, "interval", Duration.ofSeconds(2));
      boolean recursive = !m.has("recursive") || checks.bool(m, "recursive", false);
      if (path != null) {
        out.add(new WatchConfig(base.resolve(path), interval, recursive));
      }
    }
    return out;
  }
}
