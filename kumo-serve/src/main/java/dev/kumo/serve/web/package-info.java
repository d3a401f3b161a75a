/**
 * The web console and the {@code /api/v1} REST API of {@code kumo serve}: local users (Argon2id) and bearer
 * tokens, sessions with CSRF tokens, a strict Content-Security-Policy, role checks on every route, server-rendered
 * pages over the live case, and the case notes and incident statuses journal.
 */
@NullMarked
package dev.kumo.serve.web;

import org.jspecify.annotations.NullMarked;
