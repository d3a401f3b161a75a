package dev.kumo.serve.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  /** Cheap cost so the tests stay quick; the format and checks are the same. */
  private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1, new SecureRandom());

  @Test
  void hash_isAnArgon2idPhcString() {
    String h = hasher.hash("correct horse".toCharArray());

    assertThat(h).matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(PasswordHasher.wellFormed(h)).isTrue();
  }

  @Test
  void verify_rightPassword_isTrue_wrongOne_isFalse() {
    String h = hasher.hash("correct horse".toCharArray());

    assertThat(PasswordHasher.verify("correct horse".toCharArray(), h)).isTrue();
    assertThat(PasswordHasher.verify("correct horsf".toCharArray(), h)).isFalse();
    assertThat(PasswordHasher.verify("".toCharArray(), h)).isFalse();
  }

  @Test
  void hash_samePasswordTwice_usesFreshSalts() {
    assertThat(hasher.hash("pw".toCharArray())).isNotEqualTo(hasher.hash("pw".toCharArray()));
  }

  @Test
  void verify_nonAsciiPassword_roundTrips() {
    String h = hasher.hash("pässwörd-雲".toCharArray());

    assertThat(PasswordHasher.verify("pässwörd-雲".toCharArray(), h)).isTrue();
    assertThat(PasswordHasher.verify("passwörd-雲".toCharArray(), h)).isFalse();
  }

  @Test
  void verify_knownVector_fromTheReferenceImplementation() {
    // argon2 CLI: echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32
    String ref = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    assertThat(PasswordHasher.verify("password".toCharArray(), ref)).isTrue();
  }

  @Test
  void verify_malformedOrTooCostlyHash_isFalse() {
    assertThat(PasswordHasher.verify("pw".toCharArray(), "plain")).isFalse();
    assertThat(PasswordHasher.verify("pw".toCharArray(), "$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$"
        + "CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")).isFalse();
    assertThat(PasswordHasher.wellFormed("$argon2id$v=19$m=99999999,t=1,p=1$c29tZXNhbHQ$"
        + "CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")).isFalse();
  }

  @Test
  void constructor_costOutOfRange_isRefused() {
    assertThatThrownBy(() -> new PasswordHasher(4, 1, 1, new SecureRandom()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
