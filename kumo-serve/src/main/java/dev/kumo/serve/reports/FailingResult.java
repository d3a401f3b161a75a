package dev.kumo.serve.reports;

import dev.kumo.posture.rank.Visibility;
import dev.kumo.sigma.Level;

/** A failing posture result behind a dead spot's failing evidence. */
public record FailingResult(String check, Level severity, String detail, Visibility visibility,
    ReportResource resource) {}
