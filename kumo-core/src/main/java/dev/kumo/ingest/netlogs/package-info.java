/**
 * Shared pieces of the network and web log sources (VPC Flow Logs, Route 53 Resolver, load balancer,
 * CDN, S3 access, WAF, Application Gateway): an allocation-light field splitter for space- and
 * tab-separated lines, fast timestamp parsing, content-derived event ids and small value helpers.
 */
@NullMarked
package dev.kumo.ingest.netlogs;

import org.jspecify.annotations.NullMarked;
