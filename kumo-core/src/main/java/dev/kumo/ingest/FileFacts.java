package dev.kumo.ingest;

import dev.kumo.json.JsonObject;
import org.jspecify.annotations.Nullable;

/**
 * What a reader learned about one input as a whole, for checks that work on files rather than
 * events (CloudTrail log file integrity validation).
 *
 * @param name the input's name as the user gave it (its path for files)
 * @param sha256 lower-case hex SHA-256 of the input's content after decompression, or null when it
 *     was not asked for or the input could not be read to its end
 * @param contentBytes bytes of content hashed (after decompression); 0 when not hashed
 * @param digest the record of a CloudTrail digest file, or null when the input is not one
 */
public record FileFacts(String name, @Nullable String sha256, long contentBytes, @Nullable JsonObject digest) {}
