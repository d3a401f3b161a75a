package dev.kumo.serve.web;

import java.time.Instant;

/** An incident's status set by {@code author} at {@code time}. */
public record StatusChange(String incidentId, IncidentStatus status, String author, Instant time) {}
