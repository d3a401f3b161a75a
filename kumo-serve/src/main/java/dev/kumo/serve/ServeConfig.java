package dev.kumo.serve;

import dev.kumo.serve.alert.OutputConfig;
import dev.kumo.serve.exercise.ExercisesConfig;
import dev.kumo.serve.ingest.PushConfig;
import dev.kumo.serve.ingest.StreamConfig;
import dev.kumo.serve.ingest.WatchConfig;
import dev.kumo.serve.ingest.sqs.SqsConfig;
import dev.kumo.serve.reports.ReportsConfig;
import dev.kumo.serve.web.WebConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration of {@code kumo serve} ({@code serve.yml}, read by {@link ServeConfigReader}).
 *
 * @param stateDir spool, watcher records, notes journal
 * @param caseDir the live case
 * @param push HTTP push ({@code POST /api/v1/ingest}); without tokens the endpoint refuses every request
 * @param watch watched folders
 * @param sqs S3 + SQS inputs (queues announcing new objects)
 * @param stream how correlations and detectors continue across loads
 * @param outputs alert outputs
 * @param exercises the folder of exercise runs shown by the console
 * @param reports posture and dead-spot report files the console shows
 */
public record ServeConfig(Path stateDir, Path caseDir, WebConfig web, PushConfig push, List<WatchConfig> watch,
    List<SqsConfig> sqs, StreamConfig stream, List<OutputConfig> outputs, ExercisesConfig exercises, ReportsConfig reports) {
  public ServeConfig {
    watch = List.copyOf(watch);
    sqs = List.copyOf(sqs);
    outputs = List.copyOf(outputs);
  }
}
