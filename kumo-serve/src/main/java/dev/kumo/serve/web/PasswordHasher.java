package dev.kumo.serve.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string form {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}
 * (unpadded standard Base64). {@link #verify} takes the cost from the stored string (within {@link #MAX_MEMORY_KIB},
 * {@link #MAX_PASSES}, {@link #MAX_LANES}) and compares in constant time. Thread-safe.
 */
public final class PasswordHasher {
  /** OWASP's baseline for Argon2id: 19 MiB, 2 passes, 1 lane. */
  public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
  public static final int DEFAULT_PASSES = 2;
  public static final int DEFAULT_LANES = 1;
  /** Bounds on the cost a stored hash may ask for, so a bad users file cannot exhaust the service. */
  public static final int MAX_MEMORY_KIB = 1 << 20;
  public static final int MAX_PASSES = 16;
  public static final int MAX_LANES = 16;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern PHC = Pattern.compile(
      "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,128})\\$([A-Za-z0-9+/]{22,128})");

  private final int memoryKib;
  private final int passes;
  private final int lanes;
  private final SecureRandom random;

  /** A hasher with the given cost for new hashes. */
  public PasswordHasher(int memoryKib, int passes, int lanes, SecureRandom random) {
    if (memoryKib < 8 * lanes || memoryKib > MAX_MEMORY_KIB || passes < 1 || passes > MAX_PASSES || lanes < 1
        || lanes > MAX_LANES) {
      throw new IllegalArgumentException("Argon2id cost out of range: m=" + memoryKib + ", t=" + passes + ", p=" + lanes);
    }
    this.memoryKib = memoryKib;
    this.passes = passes;
    this.lanes = lanes;
    this.random = random;
  }

  /** A hasher with the default cost. */
  public PasswordHasher() {
    this(DEFAULT_MEMORY_KIB, DEFAULT_PASSES, DEFAULT_LANES, new SecureRandom());
  }

  /** The PHC string of {@code password} with a fresh random salt. The caller may wipe {@code password} after. */
  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] out = derive(password, salt, memoryKib, passes, lanes, HASH_BYTES);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m=" + memoryKib + ",t=" + passes + ",p=" + lanes + "$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(out);
  }

  /** Whether {@code encoded} is a PHC string this class can verify. */
  public static boolean wellFormed(String encoded) {
    return parse(encoded) != null;
  }

  /** Whether {@code password} matches {@code encoded}; false for a malformed or out-of-bounds string. */
  public static boolean verify(char[] password, String encoded) {
    Parsed p = parse(encoded);
    if (p == null) {
      return false;
    }
    byte[] actual = derive(password, p.salt, p.memoryKib, p.passes, p.lanes, p.hash.length);
    return MessageDigest.isEqual(actual, p.hash);
  }

  private record Parsed(int memoryKib, int passes, int lanes, byte[] salt, byte[] hash) {}

  private static @org.jspecify.annotations.Nullable Parsed parse(String encoded) {
    Matcher m = PHC.matcher(encoded);
    if (!m.matches()) {
      return null;
    }
    int mem = Integer.parseInt(m.group(1));
    int t = Integer.parseInt(m.group(2));
    int p = Integer.parseInt(m.group(3));
    if (p < 1 || p > MAX_LANES || t < 1 || t > MAX_PASSES || mem < 8 * p || mem > MAX_MEMORY_KIB) {
      return null;
    }
    try {
      Base64.Decoder d = Base64.getDecoder();
      return new Parsed(mem, t, p, d.decode(m.group(4)), d.decode(m.group(5)));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memoryKib).withIterations(passes)
        .withParallelism(lanes).withSalt(salt).build();
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(params);
    byte[] out = new byte[length];
    gen.generateBytes(password, out); // UTF-8, the parameters' default converter
    return out;
  }
}
