package dev.kumo.hunt;

import dev.kumo.finding.Finding;
import dev.kumo.sort.ExternalSorter;
import java.util.Iterator;

/** A finished hunt: findings in {@link dev.kumo.finding.FindingOrder} and the summary. Close it to delete spill files. */
public final class HuntResult implements AutoCloseable {
  private final java.util.List<ExternalSorter<Finding>> findings;
  private final HuntSummary summary;

  HuntResult(java.util.List<ExternalSorter<Finding>> findings, HuntSummary summary) {
    this.findings = java.util.List.copyOf(findings);
    this.summary = summary;
  }

  /** Findings in deterministic order; iterate once. */
  public Iterator<Finding> findings() {
    return ExternalSorter.sortedAll(findings);
  }

  public HuntSummary summary() {
    return summary;
  }

  @Override
  public void close() {
    findings.forEach(ExternalSorter::close);
  }
}
