package dev.kumo.serve.web;

import java.time.Instant;

/** An analyst's note on an incident. {@code text} is as typed: escape it for the medium it reaches. */
public record CaseNote(String id, String incidentId, String author, Instant time, String text) {}
