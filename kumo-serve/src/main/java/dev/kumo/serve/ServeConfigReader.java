package dev.kumo.serve;

import dev.kumo.serve.alert.OutputConfig;
import dev.kumo.serve.alert.OutputsReader;
import dev.kumo.serve.exercise.ExercisesConfig;
import dev.kumo.config.DataSize;
import dev.kumo.serve.ingest.PushConfig;
import dev.kumo.serve.ingest.StreamConfig;
import dev.kumo.serve.ingest.WatchConfig;
import dev.kumo.serve.ingest.sqs.SqsConfig;
import dev.kumo.serve.reports.ReportsConfig;
import dev.kumo.serve.reports.ReportsConfigReader;
import dev.kumo.serve.web.WebConfig;
import dev.kumo.serve.web.WebConfigException;
import dev.kumo.serve.web.WebConfigReader;
import dev.kumo.serve.web.Yaml;
import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YamlChecks;
import java.io.IOException;
import java.net.URI;
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
 *   sqs: [{queue_url: https://sqs..., region: eu-west-1}]   # S3 + SQS, see docs/serve.md
 *   stream: {out_of_orderness: 15m, idle_close: 1h, advance_every: 30s, replay: 1h, replay_max_bytes: 1GiB}
 * outputs: [...]                # see docs/serve.md, "Alert outputs"
 * exercises:
 *   dir: exercises              # default: STATE_DIR/exercises; see docs/serve.md, "Exercises in the console"
 * reports:                      # optional, see docs/serve.md, "Posture and dead spots in the console"
 *   posture: posture.jsonl      # kumo posture --format json --output posture.jsonl
 *   dead_spots: dead-spots.json # kumo dead-spots --format json --output dead-spots.json
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
    checks.keys(root, "state_dir", "case_dir", "web", "ingest", "outputs", "exercises", "reports");
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
    List<SqsConfig> sqs = new ArrayList<>();
    StreamConfig stream = StreamConfig.defaults();
    YNode ingest = root.get("ingest");
    if (ingest instanceof YMap in) {
      push = push(in, checks, push);
      watch = watch(in, checks, base);
      sqs = sqs(in, checks);
      stream = stream(in, checks);
    } else if (ingest != null) {
      checks.error(root.lineOf("ingest"), "'ingest' must be a map");
    }
    List<OutputConfig> outputs = OutputsReader.read(root, checks);
    ExercisesConfig exercises = exercises(root, checks, base, stateDir);
    ReportsConfig reports = ReportsConfigReader.read(root, checks, base);
    problems.addAll(0, checks.errors());
    if (!problems.isEmpty() || web == null) {
      throw new WebConfigException(problems);
    }
    return new ServeConfig(stateDir, caseDir == null ? stateDir.resolve("case") : base.resolve(caseDir), web, push,
        watch, sqs, stream, outputs, exercises, reports);
  }

  private static StreamConfig stream(YMap in, YamlChecks checks) {
    StreamConfig d = StreamConfig.defaults();
    YNode n = in.get("stream");
    if (n == null) {
      return d;
    }
    if (!(n instanceof YMap m)) {
      checks.error(in.lineOf("stream"), "'stream' must be a map (out_of_orderness, idle_close, advance_every, replay,"
          + " replay_max_bytes)");
      return d;
    }
    checks.keys(m, "out_of_orderness", "idle_close", "advance_every", "replay", "replay_max_bytes");
    Duration lateness = Yaml.duration(checks, m, "out_of_orderness", d.outOfOrderness());
    Duration idle = Yaml.duration(checks, m, "idle_close", d.idleClose());
    Duration every = Yaml.duration(checks, m, "advance_every", d.advanceEvery());
    Duration replay = Yaml.duration(checks, m, "replay", d.replay());
    long bytes = d.replayMaxBytes();
    String size = checks.text(m, "replay_max_bytes", false);
    if (size != null) {
      try {
        bytes = DataSize.parse(size).bytes();
      } catch (IllegalArgumentException e) {
        checks.error(m.lineOf("replay_max_bytes"), "replay_max_bytes: " + e.getMessage());
      }
    }
    if (every.isZero()) {
      checks.error(m.lineOf("advance_every"), "advance_every must be longer than 0s");
      return d;
    }
    return new StreamConfig(lateness, idle, every, replay, bytes);
  }

  private static ExercisesConfig exercises(YMap root, YamlChecks checks, Path base, Path stateDir) {
    YNode n = root.get("exercises");
    if (n == null) {
      return ExercisesConfig.defaults(stateDir);
    }
    if (!(n instanceof YMap m)) {
      checks.error(root.lineOf("exercises"), "'exercises' must be a map with 'dir'");
      return ExercisesConfig.defaults(stateDir);
    }
    checks.keys(m, "dir");
    String dir = checks.text(m, "dir", false);
    return dir == null ? ExercisesConfig.defaults(stateDir) : new ExercisesConfig(base.resolve(dir));
  }

  private static PushConfig push(YMap in, YamlChecks checks, PushConfig defaults) {
    checks.keys(in, "push_tokens_sha256", "max_batch_bytes", "max_batch_events", "watch", "sqs", "stream");
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

  private static List<SqsConfig> sqs(YMap in, YamlChecks checks) {
    List<SqsConfig> out = new ArrayList<>();
    YNode n = in.get("sqs");
    if (n == null) {
      return out;
    }
    if (!(n instanceof YList list)) {
      checks.error(in.lineOf("sqs"), "'sqs' must be a list of {queue_url, region, ...}");
      return out;
    }
    for (YNode item : list.items()) {
      if (!(item instanceof YMap m)) {
        checks.error(item.line(), "an SQS input must be a map with 'queue_url' and 'region'");
        continue;
      }
      checks.keys(m, "queue_url", "region", "endpoint", "wait_seconds", "max_object_bytes", "delete_malformed",
          "visibility_timeout");
      String url = checks.text(m, "queue_url", true);
      String region = checks.text(m, "region", true);
      String endpoint = checks.text(m, "endpoint", false);
      SqsConfig d = url == null || region == null ? null : SqsConfig.of(url, region);
      int wait = Yaml.integer(checks, m, "wait_seconds", 20, 0, 20);
      int maxBytes = Yaml.integer(checks, m, "max_object_bytes", 256 << 20, 1, Integer.MAX_VALUE);
      boolean deleteMalformed = m.has("delete_malformed") && checks.bool(m, "delete_malformed", false);
      Duration visibility = m.has("visibility_timeout") ? Yaml.duration(checks, m, "visibility_timeout",
          Duration.ofMinutes(5)) : null;
      if (d == null) {
        continue;
      }
      try {
        out.add(new SqsConfig(url, region, endpoint == null ? null : URI.create(endpoint), wait, maxBytes,
            deleteMalformed, visibility));
      } catch (IllegalArgumentException e) {
        checks.error(m.line(), String.valueOf(e.getMessage()));
      }
    }
    return out;
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
