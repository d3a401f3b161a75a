package dev.kumo.serve.web;

import org.jspecify.annotations.Nullable;

/**
 * Who made a request: a console user with a session, or an API token (then {@code session} is null).
 *
 * @param name the user or token name (recorded as the author of notes and status changes)
 */
public record Caller(String name, Role role, @Nullable Session session) {}
