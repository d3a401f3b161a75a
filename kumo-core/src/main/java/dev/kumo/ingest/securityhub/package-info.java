/** AWS Security Hub findings in the AWS Security Finding Format (ASFF), imported as signals. */
@NullMarked
package dev.kumo.ingest.securityhub;

import org.jspecify.annotations.NullMarked;
