package dev.kumo.respond.custody;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The append-only custody ledger of one case ({@link LedgerFiles}): every action, API call, artifact and
 * hand-over, each entry chained to the one before by its {@code prev} hash and, when opened with a key,
 * signed with Ed25519. The format is {@link LedgerCodec}'s.
 *
 * <p>Each append is durable before it returns (written, then {@link FileChannel#force forced}), and
 * happens under an exclusive {@link FileLock} on the ledger file, so several processes (and threads) may
 * append at once: the last entry is re-read under the lock and the new one chains to it. After the entry,
 * {@code custody/head} is rewritten. An append is refused, not guessed, when the ledger's last line is
 * incomplete or does not agree with {@code custody/head} (a cut or changed ledger must be examined with
 * {@link LedgerVerifier}, not extended over).
 *
 * <p>A ledger is signed from its first entry or never: opening a signed ledger without its key, with
 * another key, or an unsigned non-empty ledger with a key, fails.
 *
 * <p>Thread-safe.
 */
public final class CustodyLedger {
  private static final int MAX_LINE = 16 * 1024 * 1024;

  private final Path caseDir;
  private final Clock clock;
  private final String actor;
  private final @Nullable KeyPair signer;
  private final @Nullable String keyFingerprint;

  private CustodyLedger(Path caseDir, Clock clock, String actor, @Nullable KeyPair signer) {
    this.caseDir = caseDir;
    this.clock = clock;
    this.actor = actor;
    this.signer = signer;
    this.keyFingerprint = signer == null ? null : LedgerKeys.fingerprint(signer.getPublic());
  }

  /**
   * Opens (creating if needed) the ledger of {@code caseDir}.
   *
   * @param clock the time of every entry
   * @param actor who records entries (an OS user, {@link #osUser()}, or a configured name)
   * @param signer an Ed25519 key pair to sign every entry with, or null for an unsigned ledger; its public key
   *     is written to {@code custody/ledger.pub} when the ledger is new
   * @throws IOException if the files cannot be made, or the key does not fit the ledger
   */
  public static CustodyLedger open(Path caseDir, Clock clock, String actor, @Nullable KeyPair signer)
      throws IOException {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(actor, "actor");
    if (actor.isBlank()) {
      throw new IllegalArgumentException("the actor must be named");
    }
    Files.createDirectories(LedgerFiles.dir(caseDir));
    CustodyLedger ledger = new CustodyLedger(caseDir, clock, actor, signer);
    try (FileChannel ch = channel(caseDir); FileLock lock = lock(ch)) {
      ledger.checkKey(ch);
    }
    return ledger;
  }

  /** The name of the operating-system user running Kumo. */
  public static String osUser() {
    String u = System.getProperty("user.name");
    return u == null || u.isBlank() ? "unknown" : u;
  }

  /** The case directory this ledger belongs to. */
  public Path caseDir() {
    return caseDir;
  }

  /**
   * Records an action, API call, hand-over or note.
   *
   * @param details flat facts, e.g. service, operation, request_id, resource ids, outcome
   * @throws IllegalArgumentException for {@link EntryKind#ARTIFACT} (use {@link #artifact})
   */
  public LedgerEntry append(EntryKind kind, String summary, Map<String, String> details) throws IOException {
    if (kind == EntryKind.ARTIFACT) {
      throw new IllegalArgumentException("artifacts are recorded with artifact(file, summary)");
    }
    return write(kind, summary, details, null);
  }

  /** {@link #artifact(Path, String, Map)} without details. */
  public LedgerEntry artifact(Path file, String summary) throws IOException {
    return artifact(file, summary, Map.of());
  }

  /**
   * Records a file as evidence: hashes it now (streaming SHA-256) and records its path relative to the
   * case directory, hash and size.
   *
   * @throws IllegalArgumentException if the file is not a regular file inside the case directory, or its
   *     path has a line break or backslash (which {@code sha256sum} manifests cannot carry plainly)
   */
  public LedgerEntry artifact(Path file, String summary, Map<String, String> details) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("artifact " + file + " is not a regular file");
    }
    Path base = caseDir.toRealPath();
    Path real = file.toRealPath();
    if (!real.startsWith(base)) {
      throw new IllegalArgumentException("artifact " + file + " is outside the case directory " + caseDir
          + "; copy it into the case first");
    }
    String rel = base.relativize(real).toString().replace(real.getFileSystem().getSeparator(), "/");
    if (rel.contains("\n") || rel.contains("\r") || rel.contains("\\")) {
      throw new IllegalArgumentException("artifact path has a line break or backslash: rename it first");
    }
    Sha256.FileDigest d = Sha256.file(real);
    return write(EntryKind.ARTIFACT, summary, details, new ArtifactRef(rel, d.sha256(), d.bytes()));
  }

  /** Records that custody passes from this ledger's actor to {@code to} (details {@code from}, {@code to}). */
  public LedgerEntry handOver(String to, String summary) throws IOException {
    return write(EntryKind.HAND_OVER, summary, Map.of("from", actor, "to", to), null);
  }

  private synchronized LedgerEntry write(EntryKind kind, String summary, Map<String, String> details,
      @Nullable ArtifactRef artifact) throws IOException {
    try (FileChannel ch = channel(caseDir); FileLock lock = lock(ch)) {
      LedgerEntry last = lastEntry(ch);
      checkHead(last);
      EntryContent c = new EntryContent(last == null ? 1 : last.seq() + 1, clock.instant(), actor, kind, summary,
          details, artifact, keyFingerprint, last == null ? Sha256.ZERO : last.hash());
      String hash = LedgerCodec.hash(c);
      LedgerEntry e = new LedgerEntry(c, hash, signer == null ? null : LedgerKeys.sign(signer.getPrivate(), hash));
      ByteBuffer b = ByteBuffer.wrap((LedgerCodec.line(e) + "\n").getBytes(StandardCharsets.UTF_8));
      long at = ch.size();
      while (b.hasRemaining()) {
        at += ch.write(b, at);
      }
      ch.force(true);
      new Head(e.seq(), hash).write(caseDir);
      return e;
    }
  }

  private void checkKey(FileChannel ch) throws IOException {
    Path pub = LedgerFiles.publicKey(caseDir);
    boolean empty = ch.size() == 0;
    if (signer == null) {
      if (Files.exists(pub)) {
        throw new IOException("the custody ledger in " + caseDir + " is signed: open it with its signing key");
      }
      return;
    }
    String mine = LedgerKeys.encode(signer.getPublic());
    if (Files.exists(pub)) {
      if (!Files.readString(pub, StandardCharsets.US_ASCII).strip().equals(mine)) {
        throw new IOException("the custody ledger in " + caseDir + " is signed with another key");
      }
    } else if (!empty) {
      throw new IOException("the custody ledger in " + caseDir + " was started unsigned: it cannot be signed later");
    } else {
      Files.writeString(pub, mine + "\n", StandardCharsets.US_ASCII);
    }
  }

  private void checkHead(@Nullable LedgerEntry last) throws IOException {
    Head head;
    try {
      head = Head.read(caseDir);
    } catch (LedgerFormatException e) {
      throw new IOException(refusal(e.getMessage()));
    }
    if (head == null) {
      if (last != null) {
        throw new IOException(refusal("custody/head is missing"));
      }
      return;
    }
    if (last == null) {
      throw new IOException(refusal("the ledger is empty but custody/head records seq " + head.seq()));
    }
    boolean same = last.seq() == head.seq() && last.hash().equals(head.hash());
    boolean headLagsOne = last.seq() == head.seq() + 1 && last.content().prev().equals(head.hash());
    if (!same && !headLagsOne) {
      throw new IOException(refusal("the ledger ends at seq " + last.seq() + " but custody/head records seq "
          + head.seq() + " with another hash"));
    }
  }

  private String refusal(@Nullable String why) {
    return "not appending to the custody ledger in " + caseDir + ": " + why
        + "; run 'kumo evidence verify' on the case";
  }

  /** The last entry, read backwards from the end of the file; null when the ledger is empty. */
  private @Nullable LedgerEntry lastEntry(FileChannel ch) throws IOException {
    long size = ch.size();
    if (size == 0) {
      return null;
    }
    ByteBuffer one = ByteBuffer.allocate(1);
    readFully(ch, one, size - 1);
    if (one.get(0) != '\n') {
      throw new IOException(refusal("its last line is incomplete (no line end)"));
    }
    long end = size - 1;
    long start = 0;
    long p = end;
    ByteBuffer buf = ByteBuffer.allocate(8192);
    search:
    while (p > 0) {
      int n = (int) Math.min(buf.capacity(), p);
      buf.clear().limit(n);
      readFully(ch, buf, p - n);
      for (int i = n - 1; i >= 0; i--) {
        if (buf.get(i) == '\n') {
          start = p - n + i + 1;
          break search;
        }
      }
      p -= n;
    }
    if (end - start > MAX_LINE) {
      throw new IOException(refusal("its last line is longer than " + MAX_LINE + " bytes"));
    }
    ByteBuffer line = ByteBuffer.allocate((int) (end - start));
    readFully(ch, line, start);
    try {
      return LedgerCodec.parse(new String(line.array(), StandardCharsets.UTF_8));
    } catch (LedgerFormatException e) {
      throw new IOException(refusal("its last line is not an entry: " + e.getMessage()));
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
    long pos = at;
    while (b.hasRemaining()) {
      int r = ch.read(b, pos);
      if (r < 0) {
        throw new IOException("the custody ledger shrank while it was read");
      }
      pos += r;
    }
  }

  private static FileChannel channel(Path caseDir) throws IOException {
    return FileChannel.open(LedgerFiles.ledger(caseDir), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
  }

  /**
   * Takes the exclusive lock. Another process holding it makes {@link FileChannel#lock()} wait; another
   * channel of this JVM holding it makes it throw {@link OverlappingFileLockException}, so this waits too.
   */
  private static FileLock lock(FileChannel ch) throws IOException {
    while (true) {
      try {
        return ch.lock();
      } catch (OverlappingFileLockException e) {
        try {
          Thread.sleep(2);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for the custody ledger lock");
        }
      }
    }
  }
}
