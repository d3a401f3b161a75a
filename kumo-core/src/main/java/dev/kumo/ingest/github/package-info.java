/** GitHub Enterprise and organization audit log events. */
@NullMarked
package dev.kumo.ingest.github;

import org.jspecify.annotations.NullMarked;
