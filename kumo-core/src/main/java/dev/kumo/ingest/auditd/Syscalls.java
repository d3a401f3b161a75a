package dev.kumo.ingest.auditd;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The file-related system calls of the Linux ABIs auditd logs (x86_64, aarch64, i386): names from
 * numbers, and the kind of file activity each one is. Immutable.
 */
final class Syscalls {
  private Syscalls() {}

  /** AUDIT_ARCH values as auditd writes them (hex, lower case, no 0x). */
  static final String X86_64 = "c000003e";
  static final String AARCH64 = "c00000b7";
  static final String I386 = "40000003";

  private static final Map<Integer, String> X86_64_NAMES = Map.ofEntries(Map.entry(0, "read"), Map.entry(1, "write"),
      Map.entry(2, "open"), Map.entry(59, "execve"), Map.entry(76, "truncate"), Map.entry(77, "ftruncate"),
      Map.entry(82, "rename"), Map.entry(83, "mkdir"), Map.entry(84, "rmdir"), Map.entry(85, "creat"),
      Map.entry(86, "link"), Map.entry(87, "unlink"), Map.entry(88, "symlink"), Map.entry(90, "chmod"),
      Map.entry(91, "fchmod"), Map.entry(92, "chown"), Map.entry(93, "fchown"), Map.entry(94, "lchown"),
      Map.entry(257, "openat"), Map.entry(258, "mkdirat"), Map.entry(260, "fchownat"), Map.entry(263, "unlinkat"),
      Map.entry(264, "renameat"), Map.entry(265, "linkat"), Map.entry(266, "symlinkat"), Map.entry(268, "fchmodat"),
      Map.entry(316, "renameat2"), Map.entry(322, "execveat"), Map.entry(437, "openat2"), Map.entry(452, "fchmodat2"),
      Map.entry(42, "connect"), Map.entry(49, "bind"), Map.entry(43, "accept"), Map.entry(288, "accept4"),
      Map.entry(56, "clone"), Map.entry(57, "fork"), Map.entry(62, "kill"), Map.entry(101, "ptrace"),
      Map.entry(165, "mount"), Map.entry(166, "umount2"), Map.entry(175, "init_module"), Map.entry(313, "finit_module"),
      Map.entry(105, "setuid"), Map.entry(106, "setgid"));

  private static final Map<Integer, String> AARCH64_NAMES = Map.ofEntries(Map.entry(34, "mkdirat"),
      Map.entry(35, "unlinkat"), Map.entry(36, "symlinkat"), Map.entry(37, "linkat"), Map.entry(38, "renameat"),
      Map.entry(45, "truncate"), Map.entry(46, "ftruncate"), Map.entry(52, "fchmod"), Map.entry(53, "fchmodat"),
      Map.entry(54, "fchownat"), Map.entry(55, "fchown"), Map.entry(56, "openat"), Map.entry(63, "read"),
      Map.entry(64, "write"), Map.entry(221, "execve"), Map.entry(276, "renameat2"), Map.entry(281, "execveat"),
      Map.entry(437, "openat2"), Map.entry(452, "fchmodat2"), Map.entry(203, "connect"), Map.entry(200, "bind"),
      Map.entry(220, "clone"), Map.entry(129, "kill"), Map.entry(117, "ptrace"), Map.entry(40, "mount"),
      Map.entry(105, "init_module"), Map.entry(273, "finit_module"));

  private static final Map<Integer, String> I386_NAMES = Map.ofEntries(Map.entry(3, "read"), Map.entry(4, "write"),
      Map.entry(5, "open"), Map.entry(8, "creat"), Map.entry(9, "link"), Map.entry(10, "unlink"),
      Map.entry(11, "execve"), Map.entry(15, "chmod"), Map.entry(38, "rename"), Map.entry(39, "mkdir"),
      Map.entry(40, "rmdir"), Map.entry(83, "symlink"), Map.entry(92, "truncate"), Map.entry(94, "fchmod"),
      Map.entry(295, "openat"), Map.entry(296, "mkdirat"), Map.entry(301, "unlinkat"), Map.entry(302, "renameat"),
      Map.entry(306, "fchmodat"), Map.entry(353, "renameat2"), Map.entry(358, "execveat"));

  /**
   * The name of a system call: {@code value} itself when it is already a name (ausearch -i, laurel's
   * translation), else looked up by number for the architecture; null when unknown.
   */
  static @Nullable String name(@Nullable String arch, @Nullable String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!Character.isDigit(value.charAt(0))) {
      return value.toLowerCase(Locale.ROOT);
    }
    if (arch != null && arch.startsWith("0x")) {
      arch = arch.substring(2);
    }
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return null;
    }
    Map<Integer, String> table = arch == null || arch.equalsIgnoreCase(X86_64) || arch.equalsIgnoreCase("x86_64")
        ? X86_64_NAMES
        : arch.equalsIgnoreCase(AARCH64) || arch.equalsIgnoreCase("aarch64") ? AARCH64_NAMES
        : arch.equalsIgnoreCase(I386) || arch.equalsIgnoreCase("i386") ? I386_NAMES : Map.of();
    return table.get(number);
  }

  /** The kind of file activity of a system call: {@code rename}, {@code delete}, ... or {@code other}. */
  static String activity(@Nullable String name) {
    if (name == null) {
      return "other";
    }
    return switch (name) {
      case "rename", "renameat", "renameat2" -> "rename";
      case "unlink", "unlinkat", "rmdir" -> "delete";
      case "execve", "execveat" -> "execute";
      case "chmod", "fchmod", "fchmodat", "fchmodat2", "chown", "fchown", "lchown", "fchownat" -> "chmod";
      case "creat", "mkdir", "mkdirat", "link", "linkat", "symlink", "symlinkat" -> "create";
      case "truncate", "ftruncate", "write" -> "write";
      case "read" -> "read";
      case "open", "openat", "openat2" -> "open";
      default -> "other";
    };
  }

  /** Whether {@code name} takes its open flags in a1 (open) or a2 (openat, openat2 uses a struct). */
  static @Nullable String flagsArgument(String name) {
    return switch (name) {
      case "open" -> "a1";
      case "openat" -> "a2";
      default -> null;
    };
  }
}
