package dev.kumo.simulate.cloudtrail;

import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.org.Role;
import dev.kumo.simulate.org.ServiceUser;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Role sessions as a function of time: a principal that keeps working renews its session every
 * {@code lifetime}, so the session's creation date and access key id change at each renewal and stay
 * the same in between, without keeping any state.
 */
public final class Sessions {
  private final long seed;

  public Sessions(long seed) {
    this.seed = seed;
  }

  /**
   * The session of {@code role} named {@code sessionName} in use at {@code time}.
   *
   * @param lifetime how long a session lasts before it is renewed (milliseconds)
   * @param ec2RoleDelivery {@code 1.0} or {@code 2.0} for instance profiles, else null
   */
  public Identity.RoleSession role(Role role, String sessionName, long time, long lifetime, boolean mfa,
      @Nullable String ec2RoleDelivery, @Nullable String invokedBy) {
    long offset = Math.floorMod((role.name() + sessionName).hashCode(), (int) Math.min(lifetime, Integer.MAX_VALUE));
    long epoch = Math.floorDiv(time - offset, lifetime);
    long created = epoch * lifetime + offset;
    SplittableRandom r = RandomIds.stable(seed, role.id() + "/" + sessionName + "/" + epoch);
    return new Identity.RoleSession(role.account(), role.name(), role.arn(), role.id(), sessionName,
        RandomIds.iam(r, "ASIA", 20), created, mfa, ec2RoleDelivery, invokedBy, null);
  }

  /** A plain role session (one-hour credentials, no MFA, not invoked by a service). */
  public Identity.RoleSession role(Role role, String sessionName, long time) {
    return role(role, sessionName, time, 3_600_000L, false, null, null);
  }

  /**
   * The session an explicit {@code AssumeRole} at {@code created} starts: created then, with the same access key
   * for its whole life (it is not renewed).
   */
  public Identity.RoleSession assumed(Role role, String sessionName, long created) {
    SplittableRandom r = RandomIds.stable(seed, role.id() + "/" + sessionName + "@" + created);
    return new Identity.RoleSession(role.account(), role.name(), role.arn(), role.id(), sessionName,
        RandomIds.iam(r, "ASIA", 20), created, false, null, null, null);
  }

  /** An IAM user signing with its long-term access key. */
  public Identity.IamUser user(ServiceUser u) {
    return new Identity.IamUser(u.account(), u.userName(), u.id(), u.accessKeyId(), 0, false);
  }

  /** The start of the session {@link #role} returns at {@code time}. */
  public long sessionStart(Role role, String sessionName, long time, long lifetime) {
    long offset = Math.floorMod((role.name() + sessionName).hashCode(), (int) Math.min(lifetime, Integer.MAX_VALUE));
    return Math.floorDiv(time - offset, lifetime) * lifetime + offset;
  }
}
