/** Amazon CloudFront standard access logs. */
@NullMarked
package dev.kumo.ingest.cloudfront;

import org.jspecify.annotations.NullMarked;
