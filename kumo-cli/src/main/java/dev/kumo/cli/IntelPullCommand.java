package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.intel.Indicator;
import dev.kumo.intel.IntelLoad;
import dev.kumo.intel.IntelProblem;
import dev.kumo.intel.IntelStore;
import dev.kumo.intel.local.FeedFile;
import dev.kumo.intel.local.LocalIntel;
import dev.kumo.intel.stix.StixBundleReader;
import dev.kumo.intel.taxii.PullResult;
import dev.kumo.intel.taxii.TaxiiClient;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kumo intel pull}: fetches a TAXII 2.1 collection into the local intel store, incrementally
 * (only objects added since the last pull, by {@code added_after}).
 */
@Command(name = "pull", description = "Fetch a TAXII 2.1 collection into the local intel store. The first pull "
    + "fetches everything; later pulls only what the server added since (added_after), merged into the feed.")
final class IntelPullCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "URL", description = "The TAXII API root (https://host/api1/) or discovery URL (https://host/taxii2/).")
  URI url;

  @Option(names = "--collection", required = true, paramLabel = "ID", description = "The collection's id.")
  String collection;

  @Option(names = "--name", paramLabel = "FEED", description = "Feed name (default: taxii-<collection id>).")
  String name;

  @Option(names = "--user", paramLabel = "USER", description = "HTTP basic authentication user.")
  String user;

  @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the basic "
      + "authentication password (never on the command line).")
  String passwordEnv;

  @Option(names = "--token-env", paramLabel = "VAR", description = "Environment variable holding a bearer token.")
  String tokenEnv;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "Objects per page (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--full", description = "Fetch the whole collection again, replacing the feed.")
  boolean full;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TaxiiClient.Config config = TaxiiClient.Config.of(url).withLimit(limit);
    if (tokenEnv != null) {
      config = config.withAuth(new TaxiiClient.Auth.Bearer(secret(tokenEnv)));
    } else if (user != null) {
      config = config.withAuth(new TaxiiClient.Auth.Basic(user, passwordEnv == null ? "" : secret(passwordEnv)));
    }
    String feed = name != null ? name : "taxii-" + collection;
    LocalIntel local = IntelOptions.local();
    Optional<FeedFile> before = full ? Optional.empty() : local.feed(feed);
    Instant after = before.map(FeedFile::state).map(Instant::parse).orElse(null);
    TaxiiClient client = TaxiiClient.create(config);
    URI root = client.apiRoot();
    List<IntelLoad> pages = new ArrayList<>();
    String origin = url + " collection " + collection;
    PullResult r = client.objects(root, collection, after, page -> pages.add(
        StixBundleReader.read(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)), origin, feed)));
    IntelStore.Builder merged = IntelStore.builder();
    before.ifPresent(f -> merged.addAll(f.indicators()));
    List<String> revoked = new ArrayList<>();
    int problems = 0;
    for (IntelLoad l : pages) {
      merged.add(l);
      revoked.addAll(l.revoked());
      for (IntelProblem p : l.problems()) {
        err.println("  " + Sanitize.terminal(p.toString()));
        problems++;
      }
    }
    List<Indicator> indicators = merged.build().indicators();
    Instant last = r.lastAdded() != null ? r.lastAdded() : after;
    int removed = local.put(new FeedFile(feed, origin, Clock.systemUTC().instant(), last == null ? null : last.toString(),
        indicators, before.map(FeedFile::warninglists).orElse(List.of())), revoked);
    out.println("pulled " + Sanitize.terminal(feed) + ": " + r.objects() + " objects in " + r.pages() + " pages"
        + (after == null ? "" : " (added after " + after + ")") + "; the feed now holds " + indicators.size()
        + " indicators" + (problems > 0 ? ", " + problems + " problems" : "") + (removed > 0 ? ", " + removed
        + " revoked indicators removed" : "") + (r.truncated() ? "; stopped at a safety limit: pull again to continue"
        : ""));
    return ExitCode.OK;
  }

  private String secret(String var) {
    String v = System.getenv(var);
    if (v == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "environment variable " + var + " is not set");
    }
    return v;
  }
}
