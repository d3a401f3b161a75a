/** Google Cloud external and internal Application Load Balancer request logs (Cloud Logging). */
@NullMarked
package dev.kumo.ingest.gcphttplb;

import org.jspecify.annotations.NullMarked;
