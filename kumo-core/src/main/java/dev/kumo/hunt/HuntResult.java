package dev.kumo.hunt;

import dev.kumo.finding.Finding;
import dev.kumo.sort.ExternalSorter;
import java.util.Iterator;

/** A finished hunt: findings in {@link dev.kumo.finding.FindingOrder} and the summary. Close it to delete spill files. */
public final class HuntResult implements AutoCloseable {
  private final ExternalSorter<Finding> findings;
  private final HuntSummary summary;

  HuntResult(ExternalSorter<Finding> findings, HuntSummary summary) {
    this.findings = findings;
    this.summary = summary;
  }

  /** Findings in deterministic order; iterate once. */
  public Iterator<Finding> findings() {
    return findings.sorted();
  }

  public HuntSummary summary() {
    return summary;
  }

  @Override
  public void close() {
    findings.close();
  }
}
