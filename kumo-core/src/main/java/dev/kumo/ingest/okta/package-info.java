/** Okta System Log events. */
@NullMarked
package dev.kumo.ingest.okta;

import org.jspecify.annotations.NullMarked;
