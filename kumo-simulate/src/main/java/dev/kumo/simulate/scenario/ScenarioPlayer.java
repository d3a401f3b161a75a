package dev.kumo.simulate.scenario;

import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YScalar;
import dev.kumo.simulate.Source;
import dev.kumo.simulate.actors.FileServerActor;
import dev.kumo.simulate.actors.Machines;
import dev.kumo.simulate.actors.WebActor;
import dev.kumo.simulate.alb.AlbRequest;
import dev.kumo.simulate.auditd.AuditEvent;
import dev.kumo.simulate.actors.World;
import dev.kumo.simulate.cloudtrail.ApiEvent;
import dev.kumo.simulate.cloudtrail.Body;
import dev.kumo.simulate.cloudtrail.CloudTrailWriter;
import dev.kumo.simulate.cloudtrail.Json;
import dev.kumo.simulate.cloudtrail.Resource;
import dev.kumo.simulate.cloudtrail.api.StsCalls;
import dev.kumo.simulate.cur.CurRegions;
import dev.kumo.simulate.cur.CurRow;
import dev.kumo.simulate.cur.CurWriter;
import dev.kumo.simulate.io.Location;
import dev.kumo.simulate.org.Account;
import dev.kumo.simulate.org.AccountKind;
import dev.kumo.simulate.org.Estate;
import dev.kumo.simulate.org.Instance;
import dev.kumo.simulate.vpcflow.FlowRecord;
import dev.kumo.simulate.vpcflow.FlowWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Plays scenarios into a running simulation: each record of each step is put on the world's timeline at
 * its time, so it is written in event-time order among the background, and labelled. Deterministic for a
 * given random source. Not thread-safe.
 */
public final class ScenarioPlayer {
  private static final String DEFAULT_AGENT = "aws-cli/2.15.30 Python/3.11.8 Linux/6.6.9-amd64 exe/x86_64.kali.2024 "
      + "prompt/off";
  private static final long DAY = 86_400_000L;

  private final World world;
  private final LabelWriter labels;

  public ScenarioPlayer(World world, LabelWriter labels) {
    this.world = world;
    this.labels = labels;
  }

  /**
   * Schedules every record of {@code s}, its first step {@code s.start()} after {@code periodStart} (epoch ms).
   *
   * @return when its last record is written (epoch ms)
   */
  public long schedule(Scenario s, long periodStart, SplittableRandom random) {
    long start = periodStart + s.start().toMillis();
    ScenarioRun run = new ScenarioRun(world, s, start, random.split());
    for (ScenarioActor actor : s.actors().values()) {
      long at = actor.assumedBy() == null ? -1 : run.assumedAt(actor);
      if (at >= 0) {
        world.timeline().at(at, t -> assumeRole(run, actor, t));
      }
    }
    for (Scenario.Step step : s.steps()) {
      for (ScenarioAction a : step.actions()) {
        long first = start + step.at().toMillis();
        repeat(first, a.every().toMillis(), a.count(), 0, (time, i) -> play(run, step, a, time, i));
      }
    }
    return start + s.length().toMillis();
  }

  private interface Record {
    void write(long time, int i);
  }

  /** Puts record {@code i} on the timeline; it schedules the next when it runs (a few entries pending at once). */
  private void repeat(long time, long every, int count, int i, Record record) {
    if (i >= count) {
      return;
    }
    world.timeline().at(time, t -> {
      record.write(t, i);
      repeat(t + every, every, count, i + 1, record);
    });
  }

  private void play(ScenarioRun run, Scenario.Step step, ScenarioAction action, long time, int i) {
    if (action instanceof ScenarioAction.ApiCall c) {
      apiCall(run, step, c, time, i);
    } else if (action instanceof ScenarioAction.Flows f) {
      flows(run, step, f, time, i);
    } else if (action instanceof ScenarioAction.Billing b) {
      billing(run, step, b, time);
    } else if (action instanceof ScenarioAction.WebRequests web) {
      web(run, step, web, time, i);
    } else if (action instanceof ScenarioAction.FileActivity files) {
      files(run, step, files, time, i);
    }
  }

  // ---- CloudTrail

  private void apiCall(ScenarioRun run, Scenario.Step step, ScenarioAction.ApiCall c, long time, int i) {
    ScenarioActor actor = run.scenario.actors().get(step.actor());
    Instance instance = run.instance(actor);
    Map<String, String> vars = run.variables(actor, instance, time, i);
    Estate estate = run.estate(actor);
    String region = c.region() == null ? estate.region() : Variables.expand(c.region(), vars::get);
    ApiEvent e = new ApiEvent(time, estate.accountId(), region, run.identity(actor, instance, time),
        c.service(), c.name());
    if (c.request() != null) {
      e.request(body(c.request(), vars));
      if (c.request() instanceof YMap m && m.get("Host") instanceof YScalar host && host.value() instanceof String h) {
        e.host(Variables.expand(h, vars::get)); // S3 logs the host the client asked for
      }
    }
    if (c.response() != null) {
      e.response(body(c.response(), vars));
    }
    if (c.errorCode() != null) {
      e.error(c.errorCode(), c.errorMessage() == null ? null : Variables.expand(c.errorMessage(), vars::get));
    }
    if (c.data()) {
      e.data();
    }
    if (!c.resources().isEmpty()) {
      List<Resource> rs = new ArrayList<>();
      for (ScenarioAction.ResourceSpec r : c.resources()) {
        rs.add(new Resource(Variables.expand(r.arn(), vars::get), estate.accountId(), r.type()));
      }
      e.resources(rs.toArray(Resource[]::new));
    }
    emit(run, step, from(run, actor, instance, e, c.service()));
  }

  /**
   * The {@code sts:AssumeRole} that starts a chained actor's session: called by the assuming actor, from its
   * address, its response carrying the key and ARN the assumed actor then signs with. Labelled with the
   * assumed actor's first step.
   */
  private void assumeRole(ScenarioRun run, ScenarioActor assumed, long time) {
    ScenarioActor caller = run.scenario.actors().get(assumed.assumedBy());
    Instance instance = run.instance(caller);
    ApiEvent e = StsCalls.assumeRole(time, run.estate(caller).region(), run.identity(caller, instance, time),
        run.assumed(assumed), 3600, run.random);
    emit(run, run.scenario.firstStepOf(assumed.name()), from(run, caller, instance, e, "sts"));
  }

  /** Sets where the actor's call to {@code service} comes from and with which agent. */
  private ApiEvent from(ScenarioRun run, ScenarioActor actor, @Nullable Instance instance, ApiEvent e,
      String service) {
    String agent = actor.userAgent() != null ? actor.userAgent()
        : actor.from().equals("instance") ? run.instanceAgent(instance) : DEFAULT_AGENT;
    if (actor.from().equals("instance")) {
      return Machines.from(e, world.org(), instance, service, agent);
    }
    return e.from(actor.from().equals("external") ? run.attackerIp : actor.from(), agent);
  }

  private void emit(ScenarioRun run, Scenario.Step step, ApiEvent e) {
    String id = world.emit(e);
    if (id != null) {
      labels.add(new Label(id, null, 0, CloudTrailWriter.SOURCE, e.time(), run.scenario, step));
    }
  }

  /** A JSON body from a YAML map, with variables expanded in string values and keys kept as written. */
  private static Body body(YNode node, Map<String, String> vars) {
    return g -> writeValue(g, node, vars);
  }

  private static void writeValue(com.fasterxml.jackson.core.JsonGenerator g, @Nullable YNode node,
      Map<String, String> vars) throws IOException {
    if (node == null) {
      g.writeNull();
    } else if (node instanceof YMap m) {
      g.writeStartObject();
      for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
        g.writeFieldName(e.getKey());
        writeValue(g, e.getValue(), vars);
      }
      g.writeEndObject();
    } else if (node instanceof YList l) {
      g.writeStartArray();
      for (YNode n : l.items()) {
        writeValue(g, n, vars);
      }
      g.writeEndArray();
    } else if (node instanceof YScalar s) {
      Object v = s.value();
      Json.value(g, v instanceof String text ? Variables.expand(text, vars::get) : v);
    }
  }

  // ---- flow logs

  private void flows(ScenarioRun run, Scenario.Step step, ScenarioAction.Flows f, long time, int i) {
    ScenarioActor actor = run.scenario.actors().get(step.actor());
    Instance instance = run.instance(actor);
    String dst;
    int port = f.port();
    if (f.to().equals("mining-pool")) {
      PoolAddresses.Pool pool = run.pools.get(i % f.destinations() % run.pools.size());
      dst = pool.address();
      if (port == 0) {
        port = pool.port();
      }
    } else if (f.to().equals("external")) {
      dst = run.external(i % f.destinations());
    } else {
      dst = f.to();
    }
    if (port == 0) {
      port = 1024 + run.random.nextInt(64_000);
    }
    long start = time / 1000;
    label(world.emit(new FlowRecord(instance.account(), instance.region(), instance.vpc().flowLogId(), instance.eni(),
        instance.privateIp(), dst, 32_768 + run.random.nextInt(28_000), port, f.protocol(), f.packets(), f.bytes(),
        start, start + 60, true)), FlowWriter.SOURCE, start * 1000, run, step);
  }

  /** Labels a record of a source without event ids by where it was written (nothing when the source is off). */
  private void label(@Nullable Location at, String source, long time, ScenarioRun run, Scenario.Step step) {
    if (at != null) {
      labels.add(new Label(null, at.file(), at.line(), source, time, run.scenario, step));
    }
  }

  // ---- load balancer

  private void web(ScenarioRun run, Scenario.Step step, ScenarioAction.WebRequests web, long time, int i) {
    ScenarioActor actor = run.scenario.actors().get(step.actor());
    Instance instance = run.instance(actor);
    String client = actor.from().equals("external") ? run.attackerIp : actor.from().equals("instance")
        ? instance.privateIp() : actor.from();
    String path = Variables.expand(web.path(), run.variables(actor, instance, time, i)::get);
    AlbRequest r = WebActor.request(world, run.estate, run.random, time, client, web.userAgent(), web.method(), path,
        web.status());
    if (r == null) {
      throw new IllegalArgumentException(run.scenario.file() + ": the attacked estate has no public load balancer");
    }
    label(world.emit(r), Source.ALB.id(), r.timeMicros() / 1000, run, step);
  }

  // ---- file server

  private void files(ScenarioRun run, Scenario.Step step, ScenarioAction.FileActivity f, long time, int i) {
    List<String> hosts = FileServerActor.hosts(world);
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException(run.scenario.file() + ": the organisation has no file server");
    }
    String host = f.host() == null ? hosts.get(0) : f.host();
    String dir = FileServerActor.someShare(world, host) + "/" + FOLDERS[i / 40 % FOLDERS.length];
    String file = dir + "/" + DOCUMENTS[i % DOCUMENTS.length] + "-" + (i / DOCUMENTS.length) + "."
        + EXTENSIONS[i % EXTENSIONS.length];
    String encrypted = file + f.extension();
    String comm = f.exe().substring(f.exe().lastIndexOf('/') + 1);
    long inode = 1_000_000L + Math.floorMod(file.hashCode(), 9_000_000);
    AuditEvent.AuditPath parent = new AuditEvent.AuditPath(dir + "/", 2_000_000L + Math.floorMod(dir.hashCode(), 99_999),
        "040775", 0, 1000, "PARENT");
    long pid = 31_337 + run.random.nextInt(3);
    List<String> argv = List.of(f.exe(), "--path", FileServerActor.SHARE_ROOT);
    if (f.activity().equals("encrypt-rename")) {
      audit(new AuditEvent(host, time, AuditEvent.RENAMEAT2, true, 0, 1, pid, AuditEvent.UNSET, 0, 0,
          "(none)", AuditEvent.UNSET, comm, f.exe(), "share", 0, FileServerActor.SHARE_ROOT, List.of(parent, parent,
          new AuditEvent.AuditPath(file, inode, "0100644", 1001, 1001, "DELETE"),
          new AuditEvent.AuditPath(encrypted, inode, "0100644", 1001, 1001, "CREATE")), argv), run, step);
    } else {
      audit(new AuditEvent(host, time, AuditEvent.OPENAT, true, 3, 1, pid, AuditEvent.UNSET, 0, 0, "(none)",
          AuditEvent.UNSET, comm, f.exe(), "share", AuditEvent.O_WRONLY | AuditEvent.O_CREAT | AuditEvent.O_TRUNC,
          FileServerActor.SHARE_ROOT, List.of(parent, new AuditEvent.AuditPath(encrypted, inode + 1, "0100600", 0, 0,
          "CREATE")), argv), run, step);
      audit(new AuditEvent(host, time + 40, AuditEvent.UNLINKAT, true, 0, 1, pid, AuditEvent.UNSET, 0, 0,
          "(none)", AuditEvent.UNSET, comm, f.exe(), "share", 0, FileServerActor.SHARE_ROOT, List.of(parent,
          new AuditEvent.AuditPath(file, inode, "0100644", 1001, 1001, "DELETE")), argv), run, step);
    }
  }

  /**
   * Writes an audit event and labels it at the line where a reader has all of it: its PROCTITLE record, after
   * the SYSCALL, CWD and PATH records (Kumo, like ausearch, completes a syscall event there).
   */
  private void audit(AuditEvent e, ScenarioRun run, Scenario.Step step) {
    Location first = world.emit(e);
    if (first != null) {
      label(new Location(first.file(), first.line() + 2 + e.paths().size()), Source.AUDITD.id(), e.time(), run, step);
    }
  }

  private static final String[] FOLDERS = {"projects", "reports", "contracts", "invoices", "archive"};
  private static final String[] DOCUMENTS = {"budget", "forecast", "minutes", "roadmap", "payroll", "customer-list",
      "design", "proposal"};
  private static final String[] EXTENSIONS = {"xlsx", "docx", "pdf", "pptx", "csv"};

  // ---- billing

  private void billing(ScenarioRun run, Scenario.Step step, ScenarioAction.Billing b, long time) {
    Account payer = world.org().account(AccountKind.MANAGEMENT);
    Account account = run.estate.account();
    String region = b.region() == null ? run.estate.region() : b.region();
    long day = Math.floorDiv(time, DAY) * DAY;
    String description = String.format(Locale.ROOT, "$%s per On Demand Linux %s Instance Hour", trim(b.rate()),
        b.instanceType().isEmpty() ? b.usageType() : b.instanceType());
    label(world.emit(new CurRow(payer.id(), payer.name(), account.id(), account.name(), day, b.productCode(),
        b.productCode().equals("AmazonEC2") ? "Amazon Elastic Compute Cloud" : b.productCode(),
        CurRegions.prefix(region) + b.usageType(), b.operation(), description, region, CurRegions.location(region),
        region + "a", run.resourceId, b.amount(), b.unit(), b.rate(), "Compute Instance", b.instanceType(), "{}")),
        CurWriter.SOURCE, day, run, step);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
