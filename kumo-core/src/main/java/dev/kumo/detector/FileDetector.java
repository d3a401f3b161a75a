package dev.kumo.detector;

import dev.kumo.finding.EventSummary;
import dev.kumo.ingest.FileFacts;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A detector that also looks at input files as a whole, not only at their events: for checks such
 * as CloudTrail log file integrity validation. The hunt hands it what the reader learned about each
 * input ({@link FileFacts}: content hash, digest record); its observations are sorted with all others
 * and reach its {@link DetectorState} in event-time order, like any detector's.
 */
public interface FileDetector extends Detector {

  /**
   * Whether a hunt over inputs with these names needs this detector's file checks (for example only
   * when CloudTrail digest files are among them). Called once per hunt; when false, no input is hashed
   * for it and {@link #observeFile} is never called.
   */
  boolean wantsFiles(List<String> inputNames);

  /** Whether the reader should hash the decompressed content of the input with this name. Cheap. */
  boolean wantsHash(String inputName);

  /**
   * Looks at one input after it was read and emits zero or more observations. Called on worker
   * threads in no particular order: must not keep state.
   */
  void observeFile(FileFacts file, FileObserver out);

  /** Receives the observations a file detector takes from one input. */
  @FunctionalInterface
  interface FileObserver {

    /**
     * Emits an observation about a file.
     *
     * @param summary stands in for an event: its time and id order the observation, and findings
     *     are anchored on it (for files: source {@code aws.cloudtrail.digest}, no principal, the path)
     */
    void emit(EventSummary summary, int kind, String key, @Nullable String value, double amount);
  }
}
