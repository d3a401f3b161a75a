package dev.kumo.flink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The job's command line ({@code flink run kumo-flink-job.jar ARGS} and {@code kumo stream ARGS}):
 *
 * <pre>
 * --bootstrap-servers HOST:PORT     Kafka (required, except for --files with --findings-file)
 * --topics T1,T2                    raw log topics (or --files)
 * --files PATH,PATH                 bounded back-fill from files/folders (local, s3://, gs://, ...)
 * --control-topic T                 rule updates (default kumo.control)
 * --findings-topic T                findings (default kumo.findings)
 * --dead-letter-topic T             unreadable records (default kumo.dead-letters)
 * --group-id G                      consumer group (default kumo)
 * --rules PATH                      rule folder or file, repeatable
 * --no-builtin                      leave Kumo's built-in pack out
 * --intel PATH                      threat intel file or folder, repeatable (as for kumo hunt --intel)
 * --rules-version V                 version findings of the start rules carry (default: a digest)
 * --bounded                         read the topics to their current end, then finish
 * --findings-file DIR               also write findings as JSON Lines under DIR (dead letters under
 *                                   DIR-dead-letters when there is no Kafka)
 * --checkpoint-dir URI|PATH         checkpoints under this folder, on a file system every Flink
 *                                   process reaches (default: the cluster's execution.checkpointing.dir;
 *                                   kumo stream: a temporary folder); a path without a scheme is local
 * --checkpoint-interval 10s  --out-of-orderness 15m  --idleness 1m  --tick 1m  --state-ttl 7d
 * --transactional-id-prefix kumo  --max-dead-letter-bytes 65536  --parallelism N
 * </pre>
 */
public final class JobArgs {
  private JobArgs() {}

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException naming the argument and what is wrong
   */
  public static JobConfig parse(String... args) {
    String bootstrap = null;
    List<String> topics = new ArrayList<>();
    List<String> files = new ArrayList<>();
    String control = "kumo.control";
    String findings = "kumo.findings";
    String dead = "kumo.dead-letters";
    String group = "kumo";
    List<Path> rules = new ArrayList<>();
    List<Path> intel = new ArrayList<>();
    boolean builtin = true;
    String version = null;
    boolean bounded = false;
    String findingsFile = null;
    Duration checkpoint = Duration.ofSeconds(10);
    String checkpointDir = null;
    Duration lateness = Duration.ofMinutes(15);
    Duration idleness = Duration.ofMinutes(1);
    Duration tick = Duration.ofMinutes(1);
    Duration ttl = Duration.ofDays(7);
    String prefix = "kumo";
    int maxDead = 64 << 10;
    int parallelism = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--no-builtin" -> builtin = false;
        case "--bounded" -> bounded = true;
        default -> {
          if (!a.startsWith("--")) {
            throw new IllegalArgumentException("unexpected argument '" + a + "'");
          }
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(a + " needs a value");
          }
          String v = args[++i];
          switch (a) {
            case "--bootstrap-servers" -> bootstrap = v;
            case "--topics" -> topics.addAll(list(v));
            case "--files" -> files.addAll(list(v));
            case "--control-topic" -> control = v;
            case "--findings-topic" -> findings = v;
            case "--dead-letter-topic" -> dead = v;
            case "--group-id" -> group = v;
            case "--rules" -> rules.add(Path.of(v));
            case "--intel" -> intel.add(Path.of(v));
            case "--rules-version" -> version = v;
            case "--findings-file" -> findingsFile = v;
            case "--checkpoint-interval" -> checkpoint = duration(a, v);
            case "--checkpoint-dir" -> checkpointDir = v.contains("://") ? v
                : Path.of(v).toAbsolutePath().toUri().toString();
            case "--out-of-orderness" -> lateness = duration(a, v);
            case "--idleness" -> idleness = duration(a, v);
            case "--tick" -> tick = duration(a, v);
            case "--state-ttl" -> ttl = duration(a, v);
            case "--transactional-id-prefix" -> prefix = v;
            case "--max-dead-letter-bytes" -> maxDead = integer(a, v, 0, 16 << 20);
            case "--parallelism" -> parallelism = integer(a, v, 1, 10_000);
            default -> throw new IllegalArgumentException("unknown option " + a);
          }
        }
      }
    }
    return new JobConfig(bootstrap, topics, control, findings, dead, group, rules, builtin, intel, version, files,
        bounded || !files.isEmpty(), findingsFile, checkpoint, checkpointDir, lateness, idleness, tick, ttl, prefix,
        maxDead, parallelism);
  }

  private static List<String> list(String v) {
    return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static int integer(String name, String v, int min, int max) {
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
    }
  }

  /** {@code 500ms}, {@code 10s}, {@code 15m}, {@code 1h}, {@code 7d}. */
  static Duration duration(String name, String v) {
    String t = v.strip().toLowerCase(Locale.ROOT);
    @Nullable Duration d = null;
    try {
      if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (!t.isEmpty()) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        d = switch (t.charAt(t.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          case 'd' -> Duration.ofDays(n);
          default -> null;
        };
      }
    } catch (NumberFormatException e) {
      d = null;
    }
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration like 500ms, 10s, 15m, 1h or 7d, got '"
          + v + "'");
    }
    return d;
  }
}
