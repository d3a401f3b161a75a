package dev.kumo.event;

import org.jspecify.annotations.Nullable;

/**
 * A sign-in (OCSF Authentication 3002).
 *
 * @param result {@code success} or {@code failure}
 * @param reason why it failed, or the provider's result code
 * @param application the application or resource signed in to
 */
public record Authentication(String result, @Nullable String reason, @Nullable String method,
    @Nullable String application) implements Details {}
