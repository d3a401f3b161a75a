/** OneLogin events. */
@NullMarked
package dev.kumo.ingest.onelogin;

import org.jspecify.annotations.NullMarked;
