package dev.kumo.simulate.auditd;

import dev.kumo.simulate.io.LineFile;
import dev.kumo.simulate.io.Location;
import dev.kumo.simulate.io.Tally;
import dev.kumo.simulate.io.TextBuffer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes audit events as auditd writes {@code /var/log/audit/audit.log} (raw format, {@code node=}
 * prefix): per event a SYSCALL record, CWD, one PATH per item, PROCTITLE and EOE, all with the same
 * {@code msg=audit(<seconds>.<millis>:<serial>)}, untrusted strings quoted or hex-encoded as the kernel
 * does. Each host's log is rotated by size ({@value #MAX_BYTES} bytes, auditd's default
 * {@code max_log_file = 8}) and archived gzipped as
 * {@code hosts/<host>/var/log/audit/audit.log-<YYYYMMDDTHHmmssZ of its first event>.gz}. Serials
 * increase per host. Events must come in time order. Not thread-safe.
 */
public final class AuditWriter implements Closeable {
  public static final String SOURCE = "linux.auditd";
  static final long MAX_BYTES = 8L << 20;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final Path root;
  private final SplittableRandom random;
  private final Tally tally;
  private final Map<String, Host> hosts = new HashMap<>();
  private final List<Host> order = new ArrayList<>();
  private final TextBuffer text = new TextBuffer();
  private final TextBuffer head = new TextBuffer();

  /** Writes under {@code root}; {@code random} draws serials and the syscalls' pointer arguments. */
  public AuditWriter(Path root, SplittableRandom random, Tally tally) {
    this.root = root;
    this.random = random;
    this.tally = tally;
  }

  private static final class Host {
    LineFile file;
    long serial;

    Host(LineFile file, long serial) {
      this.file = file;
      this.serial = serial;
    }
  }

  /** Writes {@code e} to its host's log; returns where its first record (SYSCALL) landed. */
  public Location write(AuditEvent e) {
    try {
      Host h = hostFor(e);
      h.serial += 1 + random.nextInt(3);
      head.clear().append("node=").append(e.host()).append(" type=");
      TextBuffer b = text.clear();
      syscall(b, h.serial, e);
      record(b, "CWD", h.serial, e).append("cwd=");
      untrusted(b, e.cwd()).append('\n');
      for (int i = 0; i < e.paths().size(); i++) {
        AuditEvent.AuditPath p = e.paths().get(i);
        record(b, "PATH", h.serial, e).append("item=").append(i).append(" name=");
        untrusted(b, p.name()).append(" inode=").append(p.inode()).append(" dev=fd:01 mode=").append(p.mode())
            .append(" ouid=").append(p.ouid()).append(" ogid=").append(p.ogid()).append(" rdev=00:00 nametype=")
            .append(p.nameType()).append(" cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0\n");
      }
      record(b, "PROCTITLE", h.serial, e).append("proctitle=");
      untrusted(b, String.join("\0", e.argv())).append('\n');
      record(b, "EOE", h.serial, e).append('\n');
      Location at = h.file.write(b.bytes(), b.length(), b.newlines());
      tally.event(SOURCE, e.host(), "linux");
      return at;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private TextBuffer record(TextBuffer b, String type, long serial, AuditEvent e) {
    b.append(head.toString()).append(type).append(" msg=audit(").append(Math.floorDiv(e.time(), 1000L)).append('.')
        .appendPadded(Math.floorMod(e.time(), 1000L), 3).append(':').append(serial).append("): ");
    return b;
  }

  private void syscall(TextBuffer b, long serial, AuditEvent e) {
    record(b, "SYSCALL", serial, e).append("arch=c000003e syscall=").append(e.syscall()).append(" success=")
        .append(e.success() ? "yes" : "no").append(" exit=").append(e.exit());
    long ptr = 0x550000000000L + (random.nextLong() & 0xffffffffffL);
    long ptr2 = ptr + 0x100 + random.nextInt(0x4000);
    long[] a = switch (e.syscall()) {
      case AuditEvent.OPENAT -> new long[] {0xffffff9cL, ptr, e.flags(), (e.flags() & AuditEvent.O_CREAT) != 0 ? 0x1b6 : 0};
      case AuditEvent.UNLINKAT -> new long[] {0xffffff9cL, ptr, e.flags(), 0x7ffc00000000L + (random.nextLong() & 0xffffffffL)};
      case AuditEvent.RENAMEAT2, 264 -> new long[] {0xffffff9cL, ptr, 0xffffff9cL, ptr2};
      case AuditEvent.MKDIR -> new long[] {ptr, 0x1fd, 0, 0x7ffc00000000L + (random.nextLong() & 0xffffffffL)};
      default -> new long[] {ptr, ptr2, 0, 0};
    };
    for (int i = 0; i < 4; i++) {
      b.append(" a").append(i).append('=').appendHex(a[i]);
    }
    b.append(" items=").append(e.paths().size()).append(" ppid=").append(e.ppid()).append(" pid=").append(e.pid())
        .append(" auid=").append(e.auid()).append(" uid=").append(e.uid()).append(" gid=").append(e.gid())
        .append(" euid=").append(e.uid()).append(" suid=").append(e.uid()).append(" fsuid=").append(e.uid())
        .append(" egid=").append(e.gid()).append(" sgid=").append(e.gid()).append(" fsgid=").append(e.gid())
        .append(" tty=").append(e.tty()).append(" ses=").append(e.session()).append(" comm=");
    untrusted(b, e.comm()).append(" exe=");
    untrusted(b, e.exe()).append(" subj=unconfined key=");
    if (e.key() == null) {
      b.append("(null)");
    } else {
      b.append('"').append(e.key()).append('"');
    }
    b.append('\n');
  }

  /** As the kernel logs untrusted strings: in quotes, or hex-encoded when they hold a space, quote or control byte. */
  static TextBuffer untrusted(TextBuffer b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c == '"' || c >= 0x7f) {
        return b.appendHexUpper(s);
      }
    }
    return b.append('"').append(s).append('"');
  }

  private Host hostFor(AuditEvent e) throws IOException {
    Host h = hosts.get(e.host());
    if (h != null && h.file.uncompressedBytes() < MAX_BYTES) {
      return h;
    }
    LineFile file = LineFile.create(root, root.resolve("hosts").resolve(e.host()).resolve("var/log/audit")
        .resolve("audit.log-" + STAMP.format(Instant.ofEpochMilli(e.time())) + ".gz"), tally.deflation());
    if (h == null) {
      h = new Host(file, 1_000 + random.nextInt(900_000));
      hosts.put(e.host(), h);
      order.add(h);
    } else {
      close(h.file);
      h.file = file;
    }
    return h;
  }

  private void close(LineFile f) throws IOException {
    f.closeInto(tally, SOURCE);
  }

  @Override
  public void close() throws IOException {
    for (Host h : order) {
      close(h.file);
    }
    hosts.clear();
    order.clear();
  }
}
