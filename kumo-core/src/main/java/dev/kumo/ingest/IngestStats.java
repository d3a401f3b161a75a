package dev.kumo.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts for one reader or a whole run: files, bytes, events per source, problems per kind with the
 * first examples. Not thread-safe; each worker keeps its own and {@link #merge}s at the end.
 */
public final class IngestStats {
  private final int maxExamples;
  private long files;
  private long bytes;
  private long jsonBytes;
  private final Map<String, Long> eventsBySource = new TreeMap<>();
  private final Map<ProblemKind, Long> problemCounts = new EnumMap<>(ProblemKind.class);
  private static final java.util.Comparator<IngestProblem> ORDER = java.util.Comparator
      .comparing(IngestProblem::file).thenComparingLong(IngestProblem::line)
      .thenComparingLong(IngestProblem::record).thenComparing(IngestProblem::message);
  /** The first examples per kind in (file, line) order, so reports do not depend on thread timing. */
  private final Map<ProblemKind, java.util.TreeSet<IngestProblem>> examples = new EnumMap<>(ProblemKind.class);
  private long digestFiles;
  private long eventsWithoutTime;

  private final java.util.function.@org.jspecify.annotations.Nullable Consumer<IngestProblem> listener;

  public IngestStats(int maxExamples) {
    this(maxExamples, null);
  }

  /**
   * @param listener told of every problem as it is found (may throw to stop reading, as
   *     {@code --strict} does)
   */
  public IngestStats(int maxExamples,
      java.util.function.@org.jspecify.annotations.Nullable Consumer<IngestProblem> listener) {
    this.maxExamples = maxExamples;
    this.listener = listener;
  }

  public void fileRead(long compressedBytes) {
    files++;
    bytes += compressedBytes;
  }

  /** Decompressed bytes framed from one input. */
  public void jsonBytes(long n) {
    jsonBytes += n;
  }

  public void digestFileSkipped() {
    digestFiles++;
  }

  public void event(String source) {
    eventsBySource.merge(source, 1L, Long::sum);
  }

  /** An event kept although its record has no usable timestamp. */
  public void eventWithoutTime() {
    eventsWithoutTime++;
  }

  public long eventsWithoutTime() {
    return eventsWithoutTime;
  }

  public void problem(IngestProblem p) {
    problemCounts.merge(p.kind(), 1L, Long::sum);
    keep(p);
    if (listener != null) {
      listener.accept(p);
    }
  }

  private void keep(IngestProblem p) {
    if (maxExamples == 0) {
      return;
    }
    java.util.TreeSet<IngestProblem> ex = examples.computeIfAbsent(p.kind(), k -> new java.util.TreeSet<>(ORDER));
    ex.add(p);
    if (ex.size() > maxExamples) {
      ex.pollLast();
    }
  }

  /** Adds another stats object into this one (examples stay bounded). */
  public void merge(IngestStats o) {
    files += o.files;
    bytes += o.bytes;
    jsonBytes += o.jsonBytes;
    digestFiles += o.digestFiles;
    eventsWithoutTime += o.eventsWithoutTime;
    o.eventsBySource.forEach((k, v) -> eventsBySource.merge(k, v, Long::sum));
    o.problemCounts.forEach((k, v) -> problemCounts.merge(k, v, Long::sum));
    o.examples.values().forEach(set -> set.forEach(this::keep));
  }

  public long files() {
    return files;
  }

  public long bytes() {
    return bytes;
  }

  /** Decompressed bytes read, summed over inputs. */
  public long jsonBytes() {
    return jsonBytes;
  }

  public long digestFiles() {
    return digestFiles;
  }

  public long events() {
    return eventsBySource.values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<String, Long> eventsBySource() {
    return Map.copyOf(eventsBySource);
  }

  public long problems() {
    return problemCounts.values().stream().mapToLong(Long::longValue).sum();
  }

  public long problems(ProblemKind kind) {
    return problemCounts.getOrDefault(kind, 0L);
  }

  /** Counts per kind, in enum order. */
  public Map<ProblemKind, Long> problemCounts() {
    return new EnumMap<>(problemCounts);
  }

  /** The kept examples of {@code kind}: the first ones in (file, line) order. */
  public List<IngestProblem> examples(ProblemKind kind) {
    java.util.TreeSet<IngestProblem> ex = examples.get(kind);
    return ex == null ? List.of() : List.copyOf(ex);
  }

  /** All kept examples, sorted by file, line and kind, for a deterministic report. */
  public List<IngestProblem> allExamples() {
    List<IngestProblem> all = new ArrayList<>();
    examples.values().forEach(all::addAll);
    all.sort(ORDER);
    return all;
  }
}
