package dev.kumo.flink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the job needs to run (see {@link JobArgs} for the command line and docs/flink.md).
 *
 * @param bootstrapServers Kafka's bootstrap servers; null only for a back-fill from files that writes
 *     findings to files (no control topic then)
 * @param inputTopics topics of raw cloud log records (any source Kumo reads; one per source or mixed)
 * @param controlTopic topic of rule updates ({@link RulesUpdate})
 * @param findingsTopic where findings go (kumo.finding JSON, exactly once)
 * @param deadLetterTopic where unreadable records and refused rule updates go
 * @param groupId the Kafka consumer group
 * @param rulePaths rule folders or files loaded at start, besides the built-in pack
 * @param builtin whether to load Kumo's built-in pack
 * @param intelPaths threat intel files or folders loaded at start (indicators matched in every event)
 * @param rulesVersion the version findings of the rules loaded at start carry; null: derived from them
 * @param files a bounded back-fill from these files or folders instead of Kafka input (local or any
 *     file system Flink has a plugin for)
 * @param bounded read the input topics up to their end offsets at start, then finish (back-fills, tests)
 * @param findingsFile also write findings as JSON Lines under this folder, or null
 * @param checkpointInterval how often state is checkpointed and findings committed
 * @param checkpointDir where checkpoints are written (a URI or path on a file system every Flink process
 *     reaches), or null for the cluster's setting ({@code execution.checkpointing.dir})
 * @param outOfOrderness how far behind the latest event time an event may arrive and still be in order
 * @param idleness an input partition without records this long stops holding back event time (unbounded runs)
 * @param tick how often (in event time) detection state is moved on while it holds open windows
 * @param stateTtl a key's state is dropped after this long without a write
 * @param transactionalIdPrefix prefix of the Kafka transactional ids of the findings sink
 * @param maxDeadLetterBytes most bytes of a bad record copied into its dead letter
 * @param parallelism the job's parallelism, or 0 for the environment's default
 */
public record JobConfig(@Nullable String bootstrapServers, List<String> inputTopics, String controlTopic, String findingsTopic,
    String deadLetterTopic, String groupId, List<Path> rulePaths, boolean builtin, List<Path> intelPaths, @Nullable String rulesVersion,
    List<String> files, boolean bounded, @Nullable String findingsFile, Duration checkpointInterval,
    @Nullable String checkpointDir,
    Duration outOfOrderness, Duration idleness, Duration tick, Duration stateTtl, String transactionalIdPrefix,
    int maxDeadLetterBytes, int parallelism) {
  public JobConfig {
    inputTopics = List.copyOf(inputTopics);
    rulePaths = List.copyOf(rulePaths);
    intelPaths = List.copyOf(intelPaths);
    files = List.copyOf(files);
    if (inputTopics.isEmpty() && files.isEmpty()) {
      throw new IllegalArgumentException("give input topics (--topics) or files (--files)");
    }
    if (bootstrapServers == null && (files.isEmpty() || findingsFile == null)) {
      throw new IllegalArgumentException("--bootstrap-servers is required, except for --files with --findings-file");
    }
  }
}
