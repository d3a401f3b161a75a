package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.intel.Intel;
import dev.kumo.intel.IntelFeeds;
import dev.kumo.intel.IntelProblem;
import dev.kumo.intel.IntelStore;
import dev.kumo.intel.local.LocalIntel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options that choose the threat intel a detecting command matches: shared by hunt, bench and exercise. */
public final class IntelOptions {
  /** Problems shown per run; the rest are counted. */
  private static final int SHOWN_PROBLEMS = 10;

  @Option(names = "--intel", paramLabel = "PATH",
      description = "Threat intel to match in every event (repeatable; file or folder; format detected: STIX 2.1 "
          + "bundle, MISP event or feed folder, MISP warninglist, plain list or CSV, gzip or not), on top of the "
          + "local intel store (kumo intel import).")
  List<Path> intel = new ArrayList<>();

  @Option(names = "--no-intel-store", description = "Leave out the local intel store (kumo intel import).")
  boolean noStore;

  /** The built-in lists with the indicators of the local store and --intel; problems and counts go to {@code err}. */
  Intel load(PrintWriter err, boolean quiet) throws IOException {
    IntelStore.Builder b = IntelStore.builder();
    if (!noStore) {
      local().addTo(b);
    }
    List<IntelProblem> problems = new ArrayList<>();
    for (Path p : intel) {
      for (IntelFeeds.Feed f : IntelFeeds.read(p)) {
        b.add(f.load());
        problems.addAll(f.load().problems());
      }
    }
    IntelStore store = b.build();
    if (!problems.isEmpty()) {
      for (IntelProblem p : problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size()))) {
        err.println("kumo: intel: " + Sanitize.terminal(p.toString()));
      }
      if (problems.size() > SHOWN_PROBLEMS) {
        err.println("kumo: intel: … and " + (problems.size() - SHOWN_PROBLEMS) + " more problems (kumo intel import "
            + "PATH --dry-run lists them all)");
      }
    }
    if (!quiet && !store.isEmpty()) {
      err.println("Intel: " + store.size() + " indicators" + (store.suppressed() > 0 ? " (" + store.suppressed()
          + " on warninglists left out)" : "") + (store.warninglists().isEmpty() ? ""
          : ", " + store.warninglists().size() + " warninglists"));
    }
    err.flush();
    return Intel.builtin().withIocs(store);
  }

  /**
   * The local intel store: {@code $KUMO_HOME/intel}, else {@code ~/.kumo/intel}; the system property
   * {@code kumo.home} overrides both (tests use it).
   */
  static LocalIntel local() {
    String home = System.getProperty("kumo.home");
    return home != null && !home.isBlank() ? new LocalIntel(Path.of(home, "intel"))
        : LocalIntel.atDefault(System.getenv(), System.getProperty("user.home"));
  }
}
