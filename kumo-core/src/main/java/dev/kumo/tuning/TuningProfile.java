package dev.kumo.tuning;

import dev.kumo.sigma.SigmaRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers, silences or disables rules that are noisy or broken on real logs, each with its reason.
 * Kumo ships one for SigmaHQ's cloud rules ({@link #builtin()}); users add their own. Immutable.
 */
public final class TuningProfile {
  public static final TuningProfile NONE = new TuningProfile(List.of());
  private static final String BUILTIN = "/dev/kumo/tuning/sigmahq.yml";
  private static final String BUILTIN_FILE = "builtin:";

  private final Map<String, TuningEntry> byRule = new LinkedHashMap<>();

  public TuningProfile(List<TuningEntry> entries) {
    for (TuningEntry e : entries) {
      byRule.put(e.rule(), e);
    }
  }

  /** The profile shipped with Kumo for SigmaHQ's rules. */
  public static TuningProfile builtin() {
    try (InputStream in = TuningProfile.class.getResourceAsStream(BUILTIN)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUILTIN);
      }
      return TuningReader.read(new InputStreamReader(in, StandardCharsets.UTF_8), BUILTIN_FILE + "tuning/sigmahq.yml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a profile from the {@code tuning:} list of a YAML file. */
  public static TuningProfile read(Reader in, String file) {
    return TuningReader.read(in, file);
  }

  /** This profile with {@code other}'s entries added (they win for the same rule). */
  public TuningProfile plus(TuningProfile other) {
    List<TuningEntry> all = new ArrayList<>(byRule.values());
    all.addAll(other.byRule.values());
    return new TuningProfile(all);
  }

  public List<TuningEntry> entries() {
    return List.copyOf(byRule.values());
  }

  /**
   * What tuning did to a set of rules.
   *
   * @param unmatched entries of user profiles that named no loaded rule (a typo, or a rule not loaded);
   *     the shipped profile's entries are left out, as its SigmaHQ rules are often not loaded
   */
  public record Result(List<SigmaRule> rules, List<Applied> applied, List<TuningEntry> unmatched) {}

  /** One entry applied to one loaded rule. */
  public record Applied(SigmaRule rule, TuningEntry entry) {}

  /**
   * Applies the profile: disabled rules are left out, others get their new level or the
   * {@code experimental} status. Rules the profile does not name pass unchanged.
   */
  public Result apply(List<SigmaRule> rules) {
    List<SigmaRule> out = new ArrayList<>(rules.size());
    List<Applied> applied = new ArrayList<>();
    for (SigmaRule r : rules) {
      TuningEntry e = entryFor(r);
      if (e == null) {
        out.add(r);
        continue;
      }
      applied.add(new Applied(r, e));
      switch (e.action()) {
        case DISABLE -> { }
        case EXPERIMENTAL -> out.add(r.withMeta(r.meta().withStatus("experimental")));
        case LEVEL -> out.add(r.withMeta(r.meta().withLevel(e.level())));
      }
    }
    List<TuningEntry> unmatched = new ArrayList<>();
    for (TuningEntry e : byRule.values()) {
      if (!e.file().startsWith(BUILTIN_FILE) && applied.stream().noneMatch(a -> a.entry() == e)) {
        unmatched.add(e);
      }
    }
    return new Result(out, applied, unmatched);
  }

  private TuningEntry entryFor(SigmaRule r) {
    TuningEntry e = r.meta().id() == null ? null : byRule.get(r.meta().id());
    return e != null || r.meta().name() == null ? e : byRule.get(r.meta().name());
  }
}
