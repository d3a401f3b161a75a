package dev.kumo.respond.custody;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys of a signed ledger: their text form in {@code ledger.pub}, their fingerprints, and
 * signatures over entry hashes.
 */
public final class LedgerKeys {
  private LedgerKeys() {}

  /** The key as written to {@code ledger.pub}: base64 of its X.509 SubjectPublicKeyInfo DER encoding, one line. */
  public static String encode(PublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /**
   * Reads an Ed25519 public key from base64 DER (as in {@code ledger.pub}) or from PEM
   * ({@code -----BEGIN PUBLIC KEY-----}, as {@code openssl pkey -pubout} writes).
   *
   * @throws IllegalArgumentException if the text is not an Ed25519 public key
   */
  public static PublicKey decode(String text) {
    String b64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not an Ed25519 public key (base64 DER or PEM expected)", e);
    }
  }

  /** Lowercase hex SHA-256 of the key's DER encoding: the {@code key} field of signed entries. */
  public static String fingerprint(PublicKey key) {
    return Sha256.hex(key.getEncoded());
  }

  /** Base64 Ed25519 signature over the ASCII bytes of {@code hash}. */
  static String sign(PrivateKey key, String hash) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(hash.getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("the signing key is not an Ed25519 private key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** Whether {@code signature} (base64) is {@code key}'s Ed25519 signature over the ASCII bytes of {@code hash}. */
  static boolean verify(PublicKey key, String hash, String signature) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(hash.getBytes(StandardCharsets.US_ASCII));
      return s.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
