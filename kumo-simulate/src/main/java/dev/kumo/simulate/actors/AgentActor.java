package dev.kumo.simulate.actors;

import dev.kumo.simulate.cloudtrail.api.ServiceCalls;
import dev.kumo.simulate.org.Instance;
import dev.kumo.simulate.org.UserAgents;
import java.util.SplittableRandom;

/**
 * The SSM agent on every instance: {@code UpdateInstanceInformation} every five minutes and
 * {@code ListInstanceAssociations} every ten, with the instance-profile session named after the
 * instance ({@code ec2RoleDelivery} set), from the instance's private address through the SSM
 * endpoint or from its public or NAT address.
 */
final class AgentActor implements Actor {
  private static final long HEARTBEAT = 5 * 60_000L;

  private final SplittableRandom random;

  AgentActor(SplittableRandom random) {
    this.random = random;
  }

  @Override
  public double scaledEventsPerDay(World w) {
    return 0;
  }

  @Override
  public double fixedEventsPerDay(World w) {
    return w.org().instances().size() * (288 + 144);
  }

  @Override
  public void start(World w) {
    for (Instance i : w.org().instances()) {
      SplittableRandom r = random.split();
      long first = w.timeline().now() + r.nextLong(HEARTBEAT);
      w.timeline().at(first, new Heartbeat(w, i, r, 0)::run);
    }
  }

  private record Heartbeat(World w, Instance i, SplittableRandom r, int count) {
    void run(long t) {
      var who = Machines.session(w, i, t);
      w.emit(Machines.from(ServiceCalls.updateInstanceInformation(t, i, who, r), w.org(), i, "ssm", UserAgents.SSM_AGENT));
      if (count % 2 == 0) {
        long t2 = t + 200 + r.nextInt(2000);
        w.emit(Machines.from(ServiceCalls.listInstanceAssociations(t2, i, who), w.org(), i, "ssm", UserAgents.SSM_AGENT));
      }
      w.timeline().at(t + HEARTBEAT - 2000 + r.nextInt(4000), new Heartbeat(w, i, r, count + 1)::run);
    }
  }
}
