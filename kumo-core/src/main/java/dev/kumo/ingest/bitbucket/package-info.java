/** Bitbucket Data Center audit log. */
@NullMarked
package dev.kumo.ingest.bitbucket;

import org.jspecify.annotations.NullMarked;
