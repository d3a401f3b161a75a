package dev.kumo.ingest;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.json.JsonObject;

/**
 * One type of log (CloudTrail, VPC Flow Logs, ...): recognizes its records and normalizes them.
 * Implementations are small, stateless and thread-safe.
 */
public interface LogSource {
  /** Stable id used in mappings, findings and {@code --source}, e.g. {@code aws.cloudtrail}. */
  String id();

  /** Name for people, e.g. {@code AWS CloudTrail}. */
  String displayName();

  /** A typical file path of this log, shown by {@code kumo sources}. */
  String examplePath();

  /** The OCSF class its events map to. */
  OcsfClass ocsfClass();

  /** Whether {@code record} looks like one of this source's records (cheap; no normalization). */
  boolean recognizes(JsonObject record);

  /**
   * Normalizes one record.
   *
   * @throws InvalidRecordException when the record is of this source but cannot be used
   */
  NormalizedEvent normalize(JsonObject record, Origin origin);
}
