package dev.kumo.serve.ingest.sqs;

/**
 * Counts of the S3 + SQS input since it opened.
 *
 * @param received messages received
 * @param deleted messages deleted after all their objects were spooled (or skipped, or refused with
 *     {@code delete_malformed})
 * @param objects objects spooled
 * @param bytes bytes spooled
 * @param skipped notification records not about a created object (test events, deletions, ...)
 * @param malformed messages that are not a notification Kumo understands
 * @param tooLarge objects refused for the size limit
 * @param fetchErrors objects that could not be fetched (HTTP 403, 404, network) or spooled; their
 *     messages stay on the queue
 * @param receiveErrors failed ReceiveMessage calls (followed by a backoff)
 * @param deleteErrors failed DeleteMessage calls (the message comes back; the case absorbs the repeat)
 */
public record SqsStats(long received, long deleted, long objects, long bytes, long skipped, long malformed,
    long tooLarge, long fetchErrors, long receiveErrors, long deleteErrors) {}
