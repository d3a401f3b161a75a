/** FinOps FOCUS cost and usage exports from AWS, Azure, Google Cloud and others. */
@NullMarked
package dev.kumo.ingest.focus;

import org.jspecify.annotations.NullMarked;
