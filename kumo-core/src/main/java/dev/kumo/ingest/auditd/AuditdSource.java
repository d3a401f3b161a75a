package dev.kumo.ingest.auditd;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.FileActivity;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.TextLogSource;
import dev.kumo.ingest.support.Derived;
import dev.kumo.ingest.support.Values;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Linux audit daemon logs as file system activity: {@code /var/log/audit/audit.log} (raw, with or
 * without {@code node=} and the ENRICHED fields), {@code ausearch -i} output (events between
 * {@code ----} lines), and laurel's JSON Lines. The record lines of one event are grouped into one
 * record (see {@link AuditdEventParser}) and normalized into OCSF File System Activity (1001) with a
 * {@link FileActivity}: rename (rename, renameat, renameat2; old and new path), delete (unlink,
 * unlinkat, rmdir), execute (execve), chmod (chmod and chown families), create (creat, mkdir, link,
 * symlink, or an open that creates), write (an open for writing, truncate), read (other opens), other.
 * Relative paths are resolved against the event's CWD.
 *
 * <p>Derived fields (under {@code kumo}): {@code types} (the record types of the event),
 * {@code syscall} (its name), {@code activity}, {@code path}, {@code oldPath}, {@code newExtension}
 * (for a rename, the new name's extension when the old name does not contain it: {@code a.doc} to
 * {@code a.doc.encrypt} gives {@code encrypt}, while {@code .a.jpg.Xf3k} to {@code a.jpg} gives none)
 * and {@code user} (the login user, by name when the log gives it).
 */
public final class AuditdSource implements TextLogSource, JsonLogSource {
  public static final String ID = "linux.auditd";

  private static final long UNSET_AUID = 4294967295L;
  private static final int O_WRONLY = 0x1;
  private static final int O_RDWR = 0x2;
  private static final int O_CREAT = 0x40;
  private static final int O_TRUNC = 0x200;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Linux auditd";
  }

  @Override
  public String examplePath() {
    return "/var/log/audit/audit.log";
  }

  @Override
  public List<String> layouts() {
    return List.of("audit.log raw lines (with node= and ENRICHED fields), grouped by event",
        "ausearch -i / ausearch output (events between ---- lines)", "laurel JSON Lines");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.FILE_SYSTEM_ACTIVITY;
  }

  @Override
  public Optional<LineParser> sniff(List<String> firstLines) {
    boolean interpreted = false;
    for (String line : firstLines) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("----") || t.startsWith("time->")) {
        continue;
      }
      if (!AuditdLine.looksLike(t)) {
        return Optional.empty();
      }
      try {
        AuditdLine first = AuditdLine.parse(t, true);
        interpreted = first.timeText().indexOf(' ') > 0;
      } catch (InvalidRecordException e) {
        return Optional.empty();
      }
      return Optional.of(new AuditdEventParser(interpreted));
    }
    return Optional.empty();
  }

  @Override
  public boolean recognizes(JsonObject r) {
    if (!(r.get("ID") instanceof String id) || id.indexOf(':') <= 0) {
      return false;
    }
    return r.get("SYSCALL") instanceof JsonObject || r.has("PATH") || r.get("PROCTITLE") instanceof JsonObject
        || r.get("EXECVE") instanceof JsonObject || r.get("CWD") instanceof JsonObject || userspaceRecord(r) != null;
  }

  /** The first record of a userspace type (USER_LOGIN ...), for events without SYSCALL. */
  private static @Nullable JsonObject userspaceRecord(JsonObject r) {
    for (int i = 0, n = r.size(); i < n; i++) {
      String k = r.keyAt(i);
      if (k.length() > 2 && Character.isUpperCase(k.charAt(0)) && k.indexOf('_') > 0 && r.valueAt(i) instanceof JsonObject o) {
        return o;
      }
    }
    return null;
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    String eventId = text(r, "ID");
    if (eventId == null || eventId.indexOf(':') < 0) {
      throw new InvalidRecordException(ProblemKind.NOT_SOURCE_RECORD, "not an auditd event (no ID); skipped");
    }
    Instant time = AuditdLine.time(eventId.substring(0, eventId.lastIndexOf(':')));
    if (time == null) {
      time = NormalizedEvent.UNKNOWN_TIME;
    }
    String node = text(r, "node");
    if (node == null) {
      node = text(r, "NODE");
    }
    JsonObject sys = r.getObject("SYSCALL");
    JsonObject head = sys != null ? sys : userspaceRecord(r);
    String arch = sys == null ? null : scalar(sys, "arch");
    String syscall = sys == null ? null : text(sys, "SYSCALL");
    if (syscall == null && sys != null) {
      syscall = Syscalls.name(arch, scalar(sys, "syscall"));
    }
    List<JsonObject> paths = paths(r.get("PATH"));
    String cwd = text(r.getObject("CWD"), "cwd");
    String activity = Syscalls.activity(syscall);
    String path = null;
    String oldPath = null;
    switch (activity) {
      case "rename" -> {
        oldPath = resolve(cwd, name(paths, "DELETE"));
        path = resolve(cwd, name(paths, "CREATE"));
      }
      case "delete" -> path = resolve(cwd, nameOrAny(paths, "DELETE"));
      case "open" -> {
        activity = openActivity(sys, syscall, paths);
        path = resolve(cwd, nameOrAny(paths, activity.equals("create") ? "CREATE" : "NORMAL"));
      }
      case "create" -> path = resolve(cwd, nameOrAny(paths, "CREATE"));
      default -> path = resolve(cwd, nameOrAny(paths, "NORMAL"));
    }
    if (path == null && activity.equals("execute") && sys != null) {
      path = text(sys, "exe");
    }
    boolean success = sys == null || !"no".equalsIgnoreCase(scalar(sys, "success"));
    String exe = head == null ? null : text(head, "exe");
    Long pid = head == null ? null : number(head, "pid");
    String user = user(head);
    JsonObject.Builder derived = JsonObject.builder().put("types", types(r)).put("syscall", syscall)
        .put("activity", activity).put("path", path).put("oldPath", oldPath)
        .put("newExtension", activity.equals("rename") ? newExtension(oldPath, path) : null).put("user", user);
    JsonObject raw = Derived.attach(r, derived);
    String auid = head == null ? null : scalar(head, "auid");
    Actor actor = user == null ? Actor.UNKNOWN : new Actor("LinuxUser", user, auid, user, null, null, null, null, null);
    String errorCode = success || sys == null ? null : scalar(sys, "exit");
    String operation = syscall != null ? syscall : firstType(r);
    FileActivity details = new FileActivity(activity, path, oldPath, exe, pid, user, node, success);
    return new NormalizedEvent(node == null ? eventId : node + ":" + eventId, time, ID, OcsfClass.FILE_SYSTEM_ACTIVITY,
        new CloudContext("Linux", node, null), actor, node == null ? Endpoint.UNKNOWN
            : new Endpoint(null, node, null, null, false), null,
        new ApiCall("auditd", operation, eventId, errorCode, null, activity.equals("read")),
        path == null ? List.of() : List.of(new ResourceRef(path, "file", null)), details, raw, origin);
  }

  /** The login user: the enriched or interpreted name, else the numeric auid, else the uid when auid is unset. */
  private static @Nullable String user(@Nullable JsonObject head) {
    if (head == null) {
      return null;
    }
    String name = text(head, "AUID");
    if (name != null && !name.equals("unset")) {
      return name;
    }
    String auid = scalar(head, "auid");
    Long numeric = number(head, "auid");
    if (auid != null && !auid.equals("unset") && (numeric == null || numeric != UNSET_AUID)) {
      return auid;
    }
    String uid = text(head, "UID");
    return uid != null ? uid : scalar(head, "uid");
  }

  // auditd keys differ by case only (auid and AUID), so lookups here are exact

  private static @Nullable String text(@Nullable JsonObject o, String key) {
    return o != null && o.get(key) instanceof String s && !s.isEmpty() ? s : null;
  }

  private static @Nullable String scalar(@Nullable JsonObject o, String key) {
    return o == null ? null : Values.scalarText(o.get(key));
  }

  private static @Nullable Long number(@Nullable JsonObject o, String key) {
    return o == null ? null : Values.toLong(o.get(key));
  }

  private static List<JsonObject> paths(@Nullable Object v) {
    if (v instanceof JsonObject o) {
      return List.of(o);
    }
    if (!(v instanceof JsonArray a)) {
      return List.of();
    }
    List<JsonObject> out = new ArrayList<>(a.size());
    for (Object o : a) {
      if (o instanceof JsonObject p) {
        out.add(p);
      }
    }
    return out;
  }

  /** The name of the first PATH item of a name type (an item without nametype counts as NORMAL). */
  private static @Nullable String name(List<JsonObject> paths, String nametype) {
    for (JsonObject p : paths) {
      String t = text(p, "nametype");
      if (t == null ? nametype.equals("NORMAL") : t.equalsIgnoreCase(nametype)) {
        return text(p, "name");
      }
    }
    return null;
  }

  /** The name of the first PATH item of a name type, else of the first item that is not a parent directory. */
  private static @Nullable String nameOrAny(List<JsonObject> paths, String nametype) {
    String name = name(paths, nametype);
    if (name != null) {
      return name;
    }
    for (JsonObject p : paths) {
      if (!"PARENT".equalsIgnoreCase(text(p, "nametype"))) {
        return text(p, "name");
      }
    }
    return null;
  }

  /** An absolute path: {@code name} itself, or joined to the working directory. */
  static @Nullable String resolve(@Nullable String cwd, @Nullable String name) {
    if (name == null || name.startsWith("/") || cwd == null || !cwd.startsWith("/")) {
      return name;
    }
    String rel = name.startsWith("./") ? name.substring(2) : name;
    return cwd.endsWith("/") ? cwd + rel : cwd + "/" + rel;
  }

  /** An open: create when a path item was created, write when opened for writing, else read. */
  private static String openActivity(@Nullable JsonObject sys, @Nullable String syscall, List<JsonObject> paths) {
    if (name(paths, "CREATE") != null) {
      return "create";
    }
    String arg = sys == null || syscall == null ? null : Syscalls.flagsArgument(syscall);
    String flags = arg == null ? null : scalar(sys, arg);
    if (flags == null) {
      return "read";
    }
    if (flags.startsWith("O_") || flags.contains("|")) {
      return flags.contains("O_WRONLY") || flags.contains("O_RDWR") || flags.contains("O_TRUNC") ? "write" : "read";
    }
    long f;
    try {
      f = Long.parseUnsignedLong(flags.startsWith("0x") ? flags.substring(2) : flags, 16);
    } catch (NumberFormatException e) {
      return "read";
    }
    return (f & (O_WRONLY | O_RDWR | O_TRUNC)) != 0 ? "write" : (f & O_CREAT) != 0 ? "create" : "read";
  }

  /** The extension the new name adds: present in the new base name, absent from the old one. */
  static @Nullable String newExtension(@Nullable String oldPath, @Nullable String newPath) {
    if (oldPath == null || newPath == null) {
      return null;
    }
    String newBase = newPath.substring(newPath.lastIndexOf('/') + 1);
    String oldBase = oldPath.substring(oldPath.lastIndexOf('/') + 1);
    int dot = newBase.lastIndexOf('.');
    if (dot <= 0 || dot == newBase.length() - 1) {
      return null;
    }
    String ext = newBase.substring(dot + 1);
    return oldBase.toLowerCase(Locale.ROOT).contains("." + ext.toLowerCase(Locale.ROOT)) ? null : ext;
  }

  private static @Nullable Object types(JsonObject r) {
    List<String> out = new ArrayList<>(4);
    for (int i = 0, n = r.size(); i < n; i++) {
      String k = r.keyAt(i);
      Object v = r.valueAt(i);
      if (!k.isEmpty() && Character.isUpperCase(k.charAt(0)) && !k.equals("ID") && !k.equals("NODE")
          && (v instanceof JsonObject || v instanceof JsonArray)) {
        out.add(k);
      }
    }
    return Derived.values(out) instanceof String one ? JsonArray.of(one) : Derived.values(out);
  }

  private static @Nullable String firstType(JsonObject r) {
    Object t = types(r);
    return t instanceof JsonArray a && !a.isEmpty() ? (String) a.get(0) : null;
  }
}
