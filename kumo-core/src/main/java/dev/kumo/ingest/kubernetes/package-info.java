/** Kubernetes API server audit events (any distribution; EKS through CloudWatch Logs). */
@NullMarked
package dev.kumo.ingest.kubernetes;

import org.jspecify.annotations.NullMarked;
