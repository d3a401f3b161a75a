package dev.kumo.simulate.auditd;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One syscall event the Linux audit subsystem recorded (x86_64): the SYSCALL record's fields, the
 * working directory, the paths the kernel resolved and the process's command line. The writer adds
 * the event serial, the syscall's raw arguments and the constant fields.
 *
 * @param host the host name, written as {@code node=} (auditd's {@code name_format = HOSTNAME})
 * @param time when the syscall ran (epoch milliseconds)
 * @param syscall the x86_64 syscall number (257 openat, 263 unlinkat, 316 renameat2, 83 mkdir ...)
 * @param exit the return value, or the negated errno when it failed
 * @param auid the login uid, {@code 4294967295} for daemons and cron jobs started by systemd
 * @param session the session id, {@code 4294967295} when unset
 * @param tty {@code pts0}, or {@code (none)}
 * @param key the audit rule's key, or null ({@code key=(null)})
 * @param flags the flags argument of {@code openat} and {@code unlinkat} ({@code a2}), 0 for the others
 * @param argv the command line (the PROCTITLE record)
 */
public record AuditEvent(String host, long time, int syscall, boolean success, long exit, long ppid, long pid,
    long auid, long uid, long gid, String tty, long session, String comm, String exe, @Nullable String key, long flags,
    String cwd, List<AuditPath> paths, List<String> argv) {
  public static final int OPENAT = 257;
  public static final int UNLINKAT = 263;
  public static final int RENAMEAT2 = 316;
  public static final int MKDIR = 83;
  public static final long UNSET = 4294967295L;
  public static final long O_WRONLY = 0x1;
  public static final long O_CREAT = 0x40;
  public static final long O_TRUNC = 0x200;

  public AuditEvent {
    paths = List.copyOf(paths);
    argv = List.copyOf(argv);
  }

  /**
   * A PATH record.
   *
   * @param mode the inode's mode in octal as auditd prints it ({@code 0100644}, {@code 040775})
   * @param nameType {@code NORMAL}, {@code PARENT}, {@code CREATE} or {@code DELETE}
   */
  public record AuditPath(String name, long inode, String mode, long ouid, long ogid, String nameType) {}
}
