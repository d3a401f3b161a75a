package dev.kumo.serve.ingest;

import dev.kumo.finding.Finding;
import java.util.List;

/**
 * Receives the findings each committed load added to the case (never findings the case already had),
 * on the loader thread, after the commit. It must return quickly and not throw (alerting queues them);
 * what it throws is counted as an error and otherwise ignored.
 */
@FunctionalInterface
public interface FindingsListener {
  /** Ignores the findings. */
  FindingsListener NONE = findings -> {};

  void added(List<Finding> findings);
}
