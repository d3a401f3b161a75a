package dev.kumo.simulate.actors;

import dev.kumo.simulate.alb.AlbRequest;
import dev.kumo.simulate.alb.AlbWriter;
import dev.kumo.simulate.auditd.AuditEvent;
import dev.kumo.simulate.auditd.AuditWriter;
import dev.kumo.simulate.cloudtrail.ApiEvent;
import dev.kumo.simulate.cloudtrail.CloudTrailWriter;
import dev.kumo.simulate.cloudtrail.Sessions;
import dev.kumo.simulate.cur.CurRow;
import dev.kumo.simulate.cur.CurWriter;
import dev.kumo.simulate.dns.DnsQuery;
import dev.kumo.simulate.dns.DnsWriter;
import dev.kumo.simulate.engine.Timeline;
import dev.kumo.simulate.io.Location;
import dev.kumo.simulate.org.Organisation;
import dev.kumo.simulate.vpcflow.FlowRecord;
import dev.kumo.simulate.vpcflow.FlowWriter;
import org.jspecify.annotations.Nullable;

/**
 * What actors share: the organisation, the clock, the sessions, the volume scale and the writers
 * of the sources being generated (a source not asked for has no writer, and its events are
 * dropped before they are built where that is cheap to tell). Each {@code emit} returns what its
 * writer returns (where the record landed, or a CloudTrail event's {@code eventID}), or null when
 * the source is off.
 *
 * @param scale multiplies the rates of activity that grows with the organisation's busyness
 */
public record World(Organisation org, Timeline timeline, Sessions sessions, double scale,
    @Nullable CloudTrailWriter cloudTrail, @Nullable FlowWriter flows, @Nullable CurWriter billing,
    @Nullable AlbWriter alb, @Nullable AuditWriter audit, @Nullable DnsWriter dns) {

  /** A world writing only the first three sources (CloudTrail, VPC flow logs, CUR). */
  public World(Organisation org, Timeline timeline, Sessions sessions, double scale,
      @Nullable CloudTrailWriter cloudTrail, @Nullable FlowWriter flows, @Nullable CurWriter billing) {
    this(org, timeline, sessions, scale, cloudTrail, flows, billing, null, null, null);
  }

  public boolean cloudTrailOn() {
    return cloudTrail != null;
  }

  /** The event's {@code eventID}, or null when CloudTrail is off. */
  public @Nullable String emit(ApiEvent e) {
    return cloudTrail == null ? null : cloudTrail.write(e);
  }

  public @Nullable Location emit(FlowRecord r) {
    return flows == null ? null : flows.write(r);
  }

  public @Nullable Location emit(CurRow r) {
    return billing == null ? null : billing.write(r);
  }

  public @Nullable Location emit(AlbRequest r) {
    return alb == null ? null : alb.write(r);
  }

  /** Where the event's first record (SYSCALL) landed. */
  public @Nullable Location emit(AuditEvent e) {
    return audit == null ? null : audit.write(e);
  }

  public @Nullable Location emit(DnsQuery q) {
    return dns == null ? null : dns.write(q);
  }
}
