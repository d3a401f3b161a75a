/**
 * The S3 + SQS live input of {@code kumo serve}: new log objects announced on an SQS queue by S3 event
 * notifications (directly, wrapped in SNS, or CloudTrail's own SNS notice) are fetched from their bucket
 * into the durable {@link dev.kumo.serve.ingest.Spool}; a message is deleted only once all its objects
 * are spooled, so delivery into the spool is at least once and the case's event-id dedup makes it
 * exactly once into the case.
 */
@NullMarked
package dev.kumo.serve.ingest.sqs;

import org.jspecify.annotations.NullMarked;
