package dev.kumo.simulate.actors;

import dev.kumo.simulate.cloudtrail.Identity;
import dev.kumo.simulate.cloudtrail.api.ServiceCalls;
import dev.kumo.simulate.cloudtrail.api.WriteCalls;
import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.org.AccountKind;
import dev.kumo.simulate.org.Estate;
import dev.kumo.simulate.org.Role;
import dev.kumo.simulate.org.ServiceUser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Scheduled jobs, every night: AWS Backup snapshots each volume and deletes the snapshots past their
 * 14-day retention; on Sundays the retention function snapshots the databases and deletes the
 * oldest manual snapshots; log groups are exported to the archive bucket; the on-premises service
 * users upload their files.
 */
final class JobsActor implements Actor {
  private static final long DAY = 86_400_000L;

  private final SplittableRandom random;

  JobsActor(SplittableRandom random) {
    this.random = random;
  }

  @Override
  public double scaledEventsPerDay(World w) {
    return 0;
  }

  @Override
  public double fixedEventsPerDay(World w) {
    double n = 0;
    for (Estate e : w.org().estates()) {
      n += 2 * e.volumes().size() + e.logGroups().size() + 4.0 / 7 * e.databases().size();
    }
    return n + 20 + 8 * 10;
  }

  @Override
  public void start(World w) {
    long first = Math.floorDiv(w.timeline().now(), DAY) * DAY;
    w.timeline().at(first + 5 * 3_600_000L, t -> nightly(w, random.split(), t));
  }

  private void nightly(World w, SplittableRandom r, long t) {
    long day = Math.floorDiv(t, DAY);
    boolean sunday = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).getDayOfWeek().getValue() == 7;
    for (Estate e : w.org().estates()) {
      Role backup = w.org().role(e.accountId(), "AWSBackupDefaultServiceRole");
      Identity.RoleSession bs = w.sessions().role(backup, "AWSBackup-AWSBackupDefaultServiceRole", t, 3_600_000L, false,
          null, "backup.amazonaws.com");
      Script s = new Script();
      for (String volume : e.volumes()) {
        s.then(1_000 + r.nextInt(20_000), x -> w.emit(ServiceCalls.createSnapshot(x, e, bs, volume,
            snapshot(w, volume, day), "This snapshot is created by the AWS Backup service.", r)
            .from("backup.amazonaws.com", "backup.amazonaws.com")));
      }
      for (String volume : e.volumes()) {
        s.then(1_000 + r.nextInt(10_000), x -> w.emit(ServiceCalls.deleteSnapshot(x, e, bs, snapshot(w, volume, day - 14), r)
            .from("backup.amazonaws.com", "backup.amazonaws.com")));
      }
      Role archiver = w.org().role(e.accountId(), "log-archiver");
      Identity.RoleSession as = w.sessions().role(archiver, "log-archiver", t);
      String archive = w.org().name() + "-log-archive";
      for (String group : e.logGroups()) {
        s.then(2_000 + r.nextInt(5_000), x -> w.emit(ServiceCalls.createExportTask(x, e, as, group, archive,
            (day - 1) * DAY, day * DAY, r).from("AWS Internal", "AWS Internal")));
      }
      if (sunday && !e.databases().isEmpty()) {
        Role retention = w.org().role(e.accountId(), "snapshot-retention");
        Identity.RoleSession rs = w.sessions().role(retention, "snapshot-retention", t);
        for (String db : e.databases()) {
          String date = Instant.ofEpochMilli(t).toString().substring(0, 10);
          String old = Instant.ofEpochMilli(t - 35 * DAY).toString().substring(0, 10);
          s.then(3_000, x -> w.emit(ServiceCalls.createDbSnapshot(x, e, rs, db, db + "-weekly-" + date)
              .from(e.vpc().natIp(), dev.kumo.simulate.org.UserAgents.LAMBDA_BOTO)));
          s.then(2_000, x -> w.emit(ServiceCalls.deleteDbSnapshot(x, e, rs, db, db + "-weekly-" + old)
              .from(e.vpc().natIp(), dev.kumo.simulate.org.UserAgents.LAMBDA_BOTO)));
        }
      }
      s.start(w, t + r.nextInt(600_000));
    }
    serviceUsers(w, r, t);
    w.timeline().at(t + DAY, x -> nightly(w, r, x));
  }

  private void serviceUsers(World w, SplittableRandom r, long t) {
    for (ServiceUser u : w.org().serviceUsers()) {
      Estate e = w.org().estates().stream().filter(x -> x.accountId().equals(u.account())).findFirst().orElseThrow();
      String bucket = e.account().kind() == AccountKind.PRODUCTION ? w.org().name() + "-prod-data-lake"
          : w.org().name() + "-onprem-backups";
      Identity.IamUser who = w.sessions().user(u);
      Script s = new Script();
      int files = 8 + r.nextInt(20);
      String date = Instant.ofEpochMilli(t).toString().substring(0, 10);
      for (int i = 0; i < files; i++) {
        String key = (u.userName().contains("backup") ? "fileserver/" : "finance/exports/") + date + "/"
            + RandomIds.hex(r, 10) + (u.userName().contains("backup") ? ".tar.zst" : ".csv.gz");
        s.then(5_000 + r.nextInt(60_000), x -> w.emit(WriteCalls.objectCall(x, e, who, "PutObject", bucket, key,
            1_000_000 + r.nextInt(200_000_000), r).from(u.sourceIp(), u.userAgent())));
      }
      s.start(w, t - 3 * 3_600_000L + r.nextInt(3_600_000));
    }
  }

  /** The id of the backup snapshot of {@code volume} on {@code day}: the same id when it is deleted later. */
  private static String snapshot(World w, String volume, long day) {
    return "snap-0" + RandomIds.hex(RandomIds.stable(w.org().seed(), volume + "/" + day), 16);
  }
}
