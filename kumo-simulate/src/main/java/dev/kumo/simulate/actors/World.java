package dev.kumo.simulate.actors;

import dev.kumo.simulate.cloudtrail.ApiEvent;
import dev.kumo.simulate.cloudtrail.CloudTrailWriter;
import dev.kumo.simulate.cloudtrail.Sessions;
import dev.kumo.simulate.cur.CurRow;
import dev.kumo.simulate.cur.CurWriter;
import dev.kumo.simulate.engine.Timeline;
import dev.kumo.simulate.org.Organisation;
import dev.kumo.simulate.vpcflow.FlowRecord;
import dev.kumo.simulate.vpcflow.FlowWriter;
import org.jspecify.annotations.Nullable;

/**
 * What actors share: the organisation, the clock, the sessions, the volume scale and the writers
 * of the sources being generated (a source not asked for has no writer, and its events are
 * dropped before they are built where that is cheap to tell).
 *
 * @param scale multiplies the rates of activity that grows with the organisation's busyness
 */
public record World(Organisation org, Timeline timeline, Sessions sessions, double scale,
    @Nullable CloudTrailWriter cloudTrail, @Nullable FlowWriter flows, @Nullable CurWriter billing) {

  public boolean cloudTrailOn() {
    return cloudTrail != null;
  }

  /** Writes the event when CloudTrail is on; returns its {@code eventID}, or null. */
  public @Nullable String emit(ApiEvent e) {
    return cloudTrail != null ? cloudTrail.write(e) : null;
  }

  public void emit(FlowRecord r) {
    if (flows != null) {
      flows.write(r);
    }
  }

  public void emit(CurRow r) {
    if (billing != null) {
      billing.write(r);
    }
  }
}
