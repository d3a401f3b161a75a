package dev.kumo.ingest;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * One type of log (CloudTrail, VPC Flow Logs, Okta System Log, ...). A source reads JSON records
 * ({@link JsonLogSource}), text lines ({@link TextLogSource}), or both, and normalizes them.
 * Implementations are small, stateless and thread-safe.
 */
public interface LogSource {
  /** Stable id used in mappings, findings and {@code --source}, e.g. {@code aws.cloudtrail}. */
  String id();

  /** Name for people, e.g. {@code AWS CloudTrail}. */
  String displayName();

  /** A typical file path of this log, shown by {@code kumo sources}. */
  String examplePath();

  /** The layouts it reads, one short phrase each, for {@code kumo sources} and the README. */
  List<String> layouts();

  /** The OCSF class its events map to. */
  OcsfClass ocsfClass();

  /**
   * Panther log types this source reads: records exported from Panther's data lake carry
   * {@code p_log_type}, which then decides the source.
   */
  default Set<String> pantherLogTypes() {
    return Set.of();
  }

  /**
   * Normalizes one record: a JSON record, or a text line the source parsed into named fields.
   *
   * @throws InvalidRecordException when the record is of this source but cannot be used
   */
  NormalizedEvent normalize(JsonObject record, Origin origin);
}
