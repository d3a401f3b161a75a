package dev.kumo.cli;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.cli.output.Sanitize;
import dev.kumo.incident.IdentityLink;
import dev.kumo.investigate.Timeline;
import dev.kumo.investigate.TimelineBuilder;
import dev.kumo.investigate.TimelineEntry;
import dev.kumo.investigate.TimelineSeed;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo timeline}: everything an identity did, following its role chain both ways. */
@Command(name = "timeline", sortOptions = false,
    description = "Everything one identity, address or resource did in a case, in time order, across accounts and"
        + " regions. Identity pivots follow AssumeRole / web-identity / SAML / federation chains both ways: the"
        + " credential the identity came from (and what it did) and the sessions it started (and what they did)."
        + " Findings are shown on their events.",
    footer = {"", "Examples:", "  kumo timeline ./case --access-key ASIAEXAMPLEKEY",
        "  kumo timeline ./case --principal arn:aws:iam::111122223333:role/deploy --from 2026-03-01 --format csv"})
final class TimelineCommand implements Callable<Integer> {
  static final List<String> COLUMNS = List.of("time", "hop", "api", "error", "principal", "source_ip", "account",
      "region", "findings", "access_key", "resources", "user_agent", "event_id", "source");

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The case folder (made by 'kumo hunt ... --case DIR').")
  Path dir;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Pivot pivot;

  /** Exactly one pivot. */
  static final class Pivot {
    @Option(names = "--principal", paramLabel = "ARN", description = "A principal; a role ARN covers all its sessions.")
    String principal;

    @Option(names = "--access-key", paramLabel = "ID", description = "An access key id.")
    String accessKey;

    @Option(names = "--ip", paramLabel = "ADDR", description = "A source address.")
    String ip;

    @Option(names = "--resource", paramLabel = "ARN", description = "A resource (as the events name it).")
    String resource;

    @Option(names = "--session", paramLabel = "ID", description = "A session: temporary access key id or role"
        + " session name.")
    String session;
  }

  @Option(names = "--from", paramLabel = "TIME", description = "Only events at or after TIME.")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Only events before TIME.")
  String to;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10000",
      description = "List at most N events (default: ${DEFAULT-VALUE}); the rest are counted.")
  int limit;

  @Mixin
  CaseRows rows;

  @Override
  public Integer call() throws IOException {
    TimelineSeed seed;
    try {
      seed = new TimelineSeed(kind(), value(), UserTime.parse(spec, from, "--from"),
          UserTime.parse(spec, to, "--to"), limit);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return rows.print(spec, dir, (q, sink, w) -> {
      Timeline t = new TimelineBuilder(q).build(seed);
      if (rows.table()) {
        header(w, t);
      }
      sink.columns(COLUMNS);
      for (TimelineEntry e : t.entries()) {
        sink.row(row(e));
      }
      return t.truncated() ? "showing the first " + t.entries().size() + " of " + t.total()
          + " events; narrow with --from/--to or raise --limit" : null;
    });
  }

  private TimelineSeed.Kind kind() {
    return pivot.principal != null ? TimelineSeed.Kind.PRINCIPAL : pivot.accessKey != null
        ? TimelineSeed.Kind.ACCESS_KEY : pivot.ip != null ? TimelineSeed.Kind.IP : pivot.resource != null
        ? TimelineSeed.Kind.RESOURCE : TimelineSeed.Kind.SESSION;
  }

  private String value() {
    for (String v : Arrays.asList(pivot.principal, pivot.accessKey, pivot.ip, pivot.resource, pivot.session)) {
      if (v != null) {
        return v;
      }
    }
    throw new IllegalStateException("picocli guarantees one pivot");
  }

  /** The identity chain above the table: the hops before the seed, then the sessions it started. */
  private static void header(Writer w, Timeline t) throws IOException {
    w.write("Timeline of " + t.seed().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
        + Sanitize.terminal(t.seed().value()) + ": " + t.total() + " events\n");
    if (!t.ancestry().isEmpty()) {
      w.write("Came from (oldest hop first):\n");
      for (IdentityLink l : t.ancestry()) {
        w.write("  " + hop(l) + "\n");
      }
    }
    if (!t.descendants().isEmpty()) {
      w.write("Then became:\n");
      for (IdentityLink l : t.descendants()) {
        w.write("  " + hop(l) + "\n");
      }
    }
    w.write("\n");
  }

  private static String hop(IdentityLink l) {
    return format(l.time()) + "  " + Sanitize.terminal(who(l.fromPrincipal(), l.fromKey())) + "  --"
        + Sanitize.terminal(l.operation()) + (l.sourceIp() == null ? "" : " from " + Sanitize.terminal(l.sourceIp()))
        + "-->  "
        + Sanitize.terminal(who(l.toPrincipal(), l.toKey()));
  }

  private static String who(@Nullable String principal, @Nullable String key) {
    String p = principal == null ? "?" : principal;
    return key == null ? p : p + " [" + key + "]";
  }

  /** ISO-8601 UTC, as in the finding output. */
  static String format(Instant t) {
    return java.time.format.DateTimeFormatter.ISO_INSTANT.format(t);
  }

  static List<@Nullable Object> row(TimelineEntry e) {
    List<@Nullable Object> r = new ArrayList<>(COLUMNS.size());
    r.add(format(e.time()));
    r.add(e.hop());
    r.add(e.service() == null && e.operation() == null ? null : shortService(e.service()) + ":" + e.operation());
    r.add(e.errorCode());
    r.add(e.principal());
    r.add(e.sourceIp());
    r.add(e.account());
    r.add(e.region());
    r.add(e.findings().isEmpty() ? null : String.join("; ", e.findings()));
    r.add(e.accessKey());
    r.add(e.resources().isEmpty() ? null : e.resources());
    r.add(e.userAgent());
    r.add(e.eventId());
    r.add(e.source());
    return r;
  }

  private static String shortService(@Nullable String service) {
    if (service == null) {
      return "?";
    }
    int dot = service.indexOf('.');
    return dot < 0 ? service : service.substring(0, dot);
  }
}
