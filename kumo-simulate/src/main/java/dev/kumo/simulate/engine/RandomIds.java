package dev.kumo.simulate.engine;

import java.util.SplittableRandom;

/**
 * Identifiers drawn from a seeded random source: UUIDs, hex and alphanumeric strings, and ids that
 * are a stable function of a name (the same name always gives the same id for a seed).
 */
public final class RandomIds {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
  private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  /** The alphabet of IAM unique ids and access key ids (upper case letters and 2-7). */
  private static final char[] IAM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private RandomIds() {}

  /** A random (version 4) UUID in lower case: 8-4-4-4-12 hex digits. */
  public static String uuid(SplittableRandom r) {
    long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    char[] c = new char[36];
    int p = 0;
    for (int i = 0; i < 16; i++) {
      if (i == 8 || i == 12) {
        c[p++] = '-';
      }
      c[p++] = HEX[(int) (hi >>> (60 - 4 * i)) & 0xF];
    }
    for (int i = 0; i < 16; i++) {
      if (i == 0 || i == 4) {
        c[p++] = '-';
      }
      c[p++] = HEX[(int) (lo >>> (60 - 4 * i)) & 0xF];
    }
    return new String(c);
  }

  /** {@code n} random lower-case hex digits. */
  public static String hex(SplittableRandom r, int n) {
    return draw(r, n, HEX);
  }

  /** {@code n} random upper-case hex digits (S3 request ids). */
  public static String hexUpper(SplittableRandom r, int n) {
    return draw(r, n, HEX_UPPER);
  }

  /** {@code n} random letters and digits. */
  public static String alnum(SplittableRandom r, int n) {
    return draw(r, n, ALNUM);
  }

  /** {@code prefix} and random IAM-alphabet characters up to {@code length} (AROA..., ASIA...). */
  public static String iam(SplittableRandom r, String prefix, int length) {
    return prefix + draw(r, length - prefix.length(), IAM);
  }

  /** A random source determined by {@code seed} and {@code name}: for ids that must not change. */
  public static SplittableRandom stable(long seed, String name) {
    long h = seed ^ 0x9E3779B97F4A7C15L;
    for (int i = 0; i < name.length(); i++) {
      h = (h ^ name.charAt(i)) * 0x100000001B3L;
      h ^= h >>> 29;
    }
    return new SplittableRandom(h);
  }

  private static String draw(SplittableRandom r, int n, char[] alphabet) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = alphabet[r.nextInt(alphabet.length)];
    }
    return new String(c);
  }
}
