/** Amazon S3 server access logs. */
@NullMarked
package dev.kumo.ingest.s3access;

import org.jspecify.annotations.NullMarked;
