/**
 * Alert outputs of {@code kumo serve}: findings become {@link dev.kumo.serve.alert.Alert}s, filtered by level,
 * deduplicated and rate limited per output, and delivered on worker threads with retries (webhook: generic JSON,
 * Slack, Teams; syslog RFC 5424 over TCP or TLS; e-mail over SMTP) so ingest never waits for a receiver.
 */
@NullMarked
package dev.kumo.serve.alert;

import org.jspecify.annotations.NullMarked;
