package dev.kumo.detector.intel;

import dev.kumo.detector.Alert;
import dev.kumo.detector.Alerts;
import dev.kumo.detector.Detector;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.DetectorMeta;
import dev.kumo.detector.DetectorState;
import dev.kumo.detector.Episodes;
import dev.kumo.detector.Observation;
import dev.kumo.detector.Observer;
import dev.kumo.detector.Setting;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Reasons;
import dev.kumo.ingest.LogSource;
import dev.kumo.ingest.LogSources;
import dev.kumo.intel.Intel;
import dev.kumo.intel.IntelHit;
import dev.kumo.intel.IntelMatcher;
import dev.kumo.intel.IntelStore;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An event's value matched an indicator of the analyst's threat intelligence ({@code --intel}
 * feeds and the local intel store): an address, domain, URL, user agent, access key, account, ARN,
 * e-mail address or wallet (see {@link IntelMatcher}; the engine looks each event up once, in the
 * store it was built with, and hands the hits over in {@link Observer#intel}). One finding per
 * indicator, feed and actor (the principal, else the source host) per episode; its level follows the
 * indicator's confidence (80 and above high, below 50 low, else medium). The finding's event carries the hit with the feed,
 * confidence and context, as does every other finding on the same event.
 */
public final class IntelMatchDetector implements Detector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_intel_ioc_match";

  static final Setting<Duration> QUIET = Setting.duration("episode-quiet", Duration.ofHours(1),
      "an episode (one finding) ends after this long without another match of the same indicator and actor");
  static final Setting<Integer> MAX_EPISODES = Setting.integer("max-open-episodes", 10_000,
      "episodes held open at once; beyond this the oldest is reported early");
  public static final List<Setting<?>> SETTINGS = List.of(QUIET, MAX_EPISODES);

  private static final RuleMeta META = DetectorMeta.of(NAME, "0d7f6b1e-3a52-4c8e-9f14-6b2e8d9c5a37",
      "Threat Intelligence Indicator Matched")
      .description("A value in the logs matched an indicator of compromise from the threat intelligence loaded for "
          + "the run (STIX, MISP, TAXII or plain-list feeds): an address or domain contacted or calling in, a URL, "
          + "a user agent of attack tooling, an access key, account or role known to an attacker, or a wallet. "
          + "The finding names the indicator, its feed, confidence and context (actor, malware, campaign).")
      .level(Level.MEDIUM)
      .tags("attack.command-and-control", "attack.t1071", "attack.initial-access", "attack.t1078.004",
          "kumo.threat.intel")
      .references("https://oasis-open.github.io/cti-documentation/", "https://www.misp-project.org/")
      .falsepositives("Stale indicators: addresses and domains change hands", "Feeds listing shared infrastructure")
      .build();

  private final IntelStore store;
  private final Set<String> sources;
  private final Duration quiet;
  private final int maxEpisodes;

  public IntelMatchDetector(DetectorConfig config, Intel intel) {
    this.store = intel.iocs();
    Set<String> ids = new TreeSet<>();
    for (LogSource s : LogSources.defaults().all()) {
      ids.add(s.id());
    }
    this.sources = Set.copyOf(ids);
    this.quiet = QUIET.read(config, NAME);
    this.maxEpisodes = Math.max(1, MAX_EPISODES.read(config, NAME));
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Set<String> sources() {
    return store.isEmpty() ? Set.of() : sources;
  }

  @Override
  public List<Setting.Value> settings() {
    return List.of(QUIET.describe(quiet), MAX_EPISODES.describe(maxEpisodes));
  }

  @Override
  public void observe(NormalizedEvent e, Observer out) {
    List<IntelHit> hits = out.intel();
    for (int i = 0; i < hits.size(); i++) {
      IntelHit h = hits.get(i);
      out.emit(0, h.type().id() + "\n" + h.indicator() + "\n" + h.feed() + "\n" + actor(e), h.observed(), 0);
    }
  }

  private static String actor(NormalizedEvent e) {
    String who = e.actor().label();
    if (who == null) {
      who = e.src().label();
    }
    return who == null ? "?" : who;
  }

  @Override
  public DetectorState start() {
    return new State();
  }

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    private final Episodes episodes = new Episodes(quiet, Duration.ofDays(1), maxEpisodes, 20, this::close);

    @Override
    public void accept(Observation o, Alerts alerts) {
      episodes.hit(o.key(), o, o.value(), alerts);
    }

    private void close(Episodes.Episode ep, Alerts alerts) {
      String[] k = ep.key().split("\n", 4);
      IntelHit hit = hit(ep, k[0], k[1], k[2]);
      String seen = ep.values().stream().limit(3).map(Reasons::cut).collect(Collectors.joining(", "))
          + (ep.values().size() > 3 ? ", …" : "");
      String span = ep.count() == 1 ? "once" : ep.count() + " times in " + Reasons.duration(ep.length());
      String what = hit == null ? k[0] + " " + k[1] + " (feed " + k[2] + ")" : hit.describe();
      String reason = Reasons.cut(k[3]) + ": " + seen + " matched threat intel " + what + ", " + span;
      alerts.raise(new Alert(level(hit), reason, ep.first(), ep.evidence()));
    }

    private static @Nullable IntelHit hit(Episodes.Episode ep, String type, String indicator, String feed) {
      for (IntelHit h : ep.first().intel()) {
        if (h.type().id().equals(type) && h.indicator().equals(indicator) && h.feed().equals(feed)) {
          return h;
        }
      }
      return null;
    }

    private static @Nullable Level level(@Nullable IntelHit h) {
      if (h == null || h.confidence() == null) {
        return null;
      }
      return h.confidence() >= 80 ? Level.HIGH : h.confidence() < 50 ? Level.LOW : null;
    }

    @Override
    public void advance(Instant watermark, Alerts alerts) {
      episodes.advance(watermark, alerts);
    }

    @Override
    public void finish(Alerts alerts) {
      episodes.closeAll(alerts);
    }

    @Override
    public long size() {
      return episodes.size();
    }

    @Override
    public long evicted() {
      return episodes.evicted();
    }
  }
}
