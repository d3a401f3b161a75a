/**
 * Small helpers shared by the JSON log sources: reading values the way exporters write them
 * (Panther's lower-cased keys and space-separated times, epoch numbers), decoding JSON embedded in
 * strings or base64, content ids, and the {@code kumo} object of derived fields.
 */
@NullMarked
package dev.kumo.ingest.support;

import org.jspecify.annotations.NullMarked;
