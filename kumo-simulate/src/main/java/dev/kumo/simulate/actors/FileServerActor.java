package dev.kumo.simulate.actors;

import dev.kumo.simulate.auditd.AuditEvent;
import dev.kumo.simulate.auditd.AuditEvent.AuditPath;
import dev.kumo.simulate.engine.Arrivals;
import dev.kumo.simulate.engine.Pick;
import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.engine.WorkWeek;
import dev.kumo.simulate.org.Office;
import dev.kumo.simulate.org.Person;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The Samba file servers of the offices ({@code fs01}, {@code fs02} ...), audited with
 * {@code -w /srv/share -p rwa -k share}: people opening, saving (Office's temp-file-and-rename dance),
 * creating, renaming and deleting documents on their team's share through smbd during office hours
 * (deletions go to Samba's {@code .recycle} folder), the odd permission-denied open, the nightly rsync
 * backup reading the shares, and the hourly {@code find} that empties old files from the recycle bins.
 */
public final class FileServerActor implements Actor {
  private static final String SHARE = "/srv/share";
  private static final double PEAK_PER_USER_HOUR = 24;
  /** Events a save writes: temp file, two renames, unlink. */
  private static final double EVENTS_PER_ARRIVAL = 0.55 + 0.2 * 4 + 0.25;
  private static final int BACKUP_READS = 160;
  private static final int SMBD_PARENT = 1187;
  private static final String[][] DOCUMENTS = {
      {"budget", "xlsx"}, {"forecast", "xlsx"}, {"expenses", "xlsx"}, {"board-pack", "pptx"}, {"contract", "pdf"},
      {"meeting-notes", "docx"}, {"roadmap", "pptx"}, {"design-review", "pdf"}, {"proposal", "docx"},
      {"runbook", "md"}, {"report", "docx"}, {"timesheet", "xlsx"}, {"diagram", "drawio"}, {"photo", "jpg"},
      {"invoice", "pdf"}, {"brief", "docx"}};

  private final SplittableRandom random;

  FileServerActor(SplittableRandom random) {
    this.random = random;
  }

  /** A file server and the people who use it. */
  private record Server(String host, Office office, int index, List<User> users) {}

  private record User(String name, long uid, String share, String clientIp) {}

  /** The share folder every file server exports. */
  public static final String SHARE_ROOT = SHARE;

  /** The host names of the organisation's file servers ({@code fs01} ...), one per office with people. */
  public static List<String> hosts(World w) {
    return servers(w).stream().map(Server::host).toList();
  }

  /** A share folder of the file server {@code host} ({@code /srv/share/finance}), or the share root. */
  public static String someShare(World w, String host) {
    for (Server s : servers(w)) {
      if (s.host().equals(host) && !s.users().isEmpty()) {
        return SHARE + "/" + s.users().get(0).share();
      }
    }
    return SHARE;
  }

  private static List<Server> servers(World w) {
    List<Server> out = new ArrayList<>();
    List<Office> offices = w.org().offices();
    for (int o = 0; o < offices.size(); o++) {
      List<User> users = new ArrayList<>();
      List<Person> people = w.org().people();
      for (int p = 0; p < people.size(); p++) {
        Person person = people.get(p);
        boolean here = person.office() == null ? o == 0 : person.office().equals(offices.get(o));
        if (here) {
          String name = person.userName().substring(0, person.userName().indexOf('@'));
          users.add(new User(name, 1001 + p, share(person), "10." + (60 + o) + "." + (1 + p / 200) + "."
              + (20 + p % 200)));
        }
      }
      if (!users.isEmpty()) {
        out.add(new Server(String.format(Locale.ROOT, "fs%02d", o + 1), offices.get(o), o, users));
      }
    }
    return out;
  }

  private static String share(Person p) {
    return switch (p.team()) {
      case FINANCE -> "finance";
      case DATA -> "analytics";
      case SECURITY -> "security";
      default -> "engineering";
    };
  }

  private static double peak(Server s) {
    return PEAK_PER_USER_HOUR * s.users().size();
  }

  @Override
  public double scaledEventsPerDay(World w) {
    double sum = 0;
    for (Server s : servers(w)) {
      sum += peak(s) * 24 * WorkWeek.officeMean() * EVENTS_PER_ARRIVAL;
    }
    return sum;
  }

  @Override
  public double fixedEventsPerDay(World w) {
    return servers(w).size() * (BACKUP_READS + 24 * 2.0);
  }

  @Override
  public void start(World w) {
    long now = w.timeline().now();
    for (Server s : servers(w)) {
      SplittableRandom r = random.split();
      next(w, s, r, now);
      scheduleBackup(w, s, random.split(), now);
      scheduleCleanup(w, s, random.split(), now);
    }
  }

  private void next(World w, Server s, SplittableRandom r, long now) {
    long t = Arrivals.next(now, peak(s) * w.scale(), x -> WorkWeek.office(x, s.office().zone()), r);
    if (t != Long.MAX_VALUE) {
      w.timeline().at(t, time -> {
        act(w, s, r, time);
        next(w, s, r, time);
      });
    }
  }

  private static String document(SplittableRandom r) {
    String[] d = Pick.one(r, DOCUMENTS);
    return d[0] + "-" + (1 + r.nextInt(40)) + "." + d[1];
  }

  private static long inode(String path) {
    return 131_072 + (path.hashCode() & 0xfffff);
  }

  private void act(World w, Server s, SplittableRandom r, long t) {
    User u = Pick.one(s.users(), r);
    String dir = u.share() + (r.nextInt(3) == 0 ? "/archive" : "");
    if (r.nextInt(5) == 0) {
      dir = "projects";
    }
    String doc = document(r);
    String file = dir + "/" + doc;
    int k = r.nextInt(100);
    if (k < 55) {
      smbd(w, s, u, t, AuditEvent.OPENAT, true, 30 + r.nextInt(20), 0, List.of(normal(file, u)));
    } else if (k < 75) { // Office saves: new temp file, original to ~WRL, temp to original, drop ~WRL
      String temp = dir + "/" + RandomIds.hex(r, 8).toUpperCase(Locale.ROOT) + ".tmp";
      String backup = dir + "/~WRL" + String.format(Locale.ROOT, "%04d", r.nextInt(4000)) + ".tmp";
      smbd(w, s, u, t, AuditEvent.OPENAT, true, 30 + r.nextInt(20), AuditEvent.O_WRONLY | AuditEvent.O_CREAT | 0x80,
          List.of(parent(dir), create(temp, u)));
      smbd(w, s, u, t + 40 + r.nextInt(200), 264, true, 0, 0, rename(dir, file, backup, u));
      smbd(w, s, u, t + 260 + r.nextInt(40), 264, true, 0, 0, rename(dir, temp, file, u));
      smbd(w, s, u, t + 320 + r.nextInt(40), AuditEvent.UNLINKAT, true, 0, 0, List.of(parent(dir), delete(backup, u)));
    } else if (k < 83) {
      smbd(w, s, u, t, AuditEvent.OPENAT, true, 30 + r.nextInt(20), AuditEvent.O_WRONLY | AuditEvent.O_CREAT | 0x80,
          List.of(parent(dir), create(file, u)));
    } else if (k < 88) {
      String renamed = file.substring(0, file.lastIndexOf('.')) + Pick.one(r, "-final", "-v2", "-old", "-draft")
          + file.substring(file.lastIndexOf('.'));
      smbd(w, s, u, t, 264, true, 0, 0, rename(dir, file, renamed, u));
    } else if (k < 95) { // vfs_recycle moves deleted files to the user's recycle bin
      smbd(w, s, u, t, 264, true, 0, 0, rename(dir, file, ".recycle/" + u.name() + "/" + file, u));
    } else if (k < 98) {
      String folder = dir + "/" + Pick.one(r, "2026", "drafts", "review", "customer-" + (100 + r.nextInt(60)));
      smbd(w, s, u, t, AuditEvent.MKDIR, true, 0, 0, List.of(parent(dir), new AuditPath(SHARE + "/" + folder,
          inode(folder), "040775", u.uid(), u.uid(), "CREATE")));
    } else { // another team's share is not theirs to read
      String other = u.share().equals("finance") ? "security" : "finance";
      String denied = other + "/" + doc;
      smbd(w, s, u, t, AuditEvent.OPENAT, false, -13, 0, List.of(new AuditPath(SHARE + "/" + denied, inode(denied),
          "0100660", 1001, 1001, "NORMAL")));
    }
  }

  private static List<AuditPath> rename(String dir, String from, String to, User u) {
    String toDir = to.substring(0, to.lastIndexOf('/'));
    return List.of(parent(dir), parent(toDir), delete(from, u), new AuditPath(to, inode(from), "0100644", u.uid(),
        u.uid(), "CREATE"));
  }

  private static AuditPath parent(String dir) {
    return new AuditPath(dir + "/", inode(dir), "040775", 0, 1000, "PARENT");
  }

  private static AuditPath normal(String file, User u) {
    return new AuditPath(file, inode(file), "0100644", u.uid(), u.uid(), "NORMAL");
  }

  private static AuditPath create(String file, User u) {
    return new AuditPath(file, inode(file), "0100644", u.uid(), u.uid(), "CREATE");
  }

  private static AuditPath delete(String file, User u) {
    return new AuditPath(file, inode(file), "0100644", u.uid(), u.uid(), "DELETE");
  }

  /** An smbd child serving {@code u}: it runs as the user, has no login uid, works relative to the share. */
  private static void smbd(World w, Server s, User u, long t, int syscall, boolean success, long exit, long flags,
      List<AuditPath> paths) {
    long pid = 20_000 + Math.floorMod((u.name() + t / 86_400_000L).hashCode(), 40_000);
    w.emit(new AuditEvent(s.host(), t, syscall, success, exit, SMBD_PARENT, pid, AuditEvent.UNSET, u.uid(), u.uid(),
        "(none)", AuditEvent.UNSET, "smbd", "/usr/sbin/smbd", "share", flags, SHARE, paths,
        List.of("smbd: client [" + u.clientIp() + "]")));
  }

  /** The next 01:30 local time after {@code now}. */
  private static long nextNight(Server s, long now) {
    ZonedDateTime local = Instant.ofEpochMilli(now).atZone(s.office().zone()).withHour(1).withMinute(30).withSecond(0)
        .withNano(0);
    long t = local.toInstant().toEpochMilli();
    return t > now ? t : local.plusDays(1).toInstant().toEpochMilli();
  }

  private void scheduleBackup(World w, Server s, SplittableRandom r, long now) {
    w.timeline().at(nextNight(s, now) + r.nextInt(60_000), time -> {
      long pid = 100_000 + r.nextInt(400_000);
      backupRead(w, s, r, time, pid, BACKUP_READS);
      scheduleBackup(w, s, r, time);
    });
  }

  private static void backupRead(World w, Server s, SplittableRandom r, long t, long pid, int left) {
    User u = Pick.one(s.users(), r);
    String file = u.share() + "/" + document(r);
    w.emit(new AuditEvent(s.host(), t, AuditEvent.OPENAT, true, 3, pid - 1, pid, AuditEvent.UNSET, 0, 0, "(none)",
        AuditEvent.UNSET, "rsync", "/usr/bin/rsync", "share", 0x20000 /* O_NOFOLLOW */, SHARE,
        List.of(new AuditPath(file, inode(file), "0100644", u.uid(), u.uid(), "NORMAL")),
        List.of("rsync", "-a", "--delete", SHARE + "/", "backup01:/backup/" + s.host() + "/")));
    if (left > 1) {
      w.timeline().at(t + 50 + r.nextInt(900), time -> backupRead(w, s, r, time, pid, left - 1));
    }
  }

  private void scheduleCleanup(World w, Server s, SplittableRandom r, long now) {
    long hour = 3_600_000L;
    long t = (now / hour + 1) * hour + 17 * 60_000L + r.nextInt(5_000);
    w.timeline().at(t, time -> {
      long pid = 100_000 + r.nextInt(400_000);
      long at = time + 200;
      for (int n = r.nextInt(5); n > 0; n--) {
        User u = Pick.one(s.users(), r);
        String dir = ".recycle/" + u.name() + "/" + u.share();
        String file = dir + "/" + document(r);
        w.emit(new AuditEvent(s.host(), at, AuditEvent.UNLINKAT, true, 0, pid - 1, pid, AuditEvent.UNSET, 0, 0,
            "(none)", AuditEvent.UNSET, "find", "/usr/bin/find", "share", 0, SHARE,
            List.of(parent(dir), delete(file, u)), List.of("find", SHARE, "-path", "*/.recycle/*", "-mtime", "+30",
                "-delete")));
        at += 1 + r.nextInt(20);
      }
      scheduleCleanup(w, s, r, time);
    });
  }
}
