/**
 * Detectors over network telemetry (flow logs, DNS queries, load balancer requests): outbound scans
 * and floods from our own hosts, data egress spikes, mining pool contacts, and web exploits followed
 * by new activity of the exploited host's instance role.
 */
@NullMarked
package dev.kumo.detector.network;

import org.jspecify.annotations.NullMarked;
