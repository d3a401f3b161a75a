package dev.kumo.serve.web;

import org.jspecify.annotations.Nullable;

/**
 * A registered route.
 *
 * @param method the HTTP method, upper case
 * @param path the Javalin path ({@code /api/v1/incidents/{id}})
 * @param role the least role allowed, or null for a route that does its own checks (or needs none)
 */
public record RouteSpec(String method, String path, @Nullable Role role) {}
