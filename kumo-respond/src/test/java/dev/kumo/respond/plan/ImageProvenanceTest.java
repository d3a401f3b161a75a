package dev.kumo.respond.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageProvenanceTest {
  private static final Instant START = Instant.parse("2026-11-20T03:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
  private static final Set<String> TRUSTED = Set.of("111122223333");

  private static ImageFacts image(String owner, String alias, Instant created, String state, Instant deprecation) {
    return new ImageFacts("ami-0123456789abcdef0", owner, alias, created, state, deprecation);
  }

  @Test
  void check_trustedImageFromBeforeTheCompromise_isAccepted() {
    var v = ImageProvenance.check(image("111122223333", null, START.minusSeconds(86_400), "available", null), START,
        TRUSTED, NOW);
    assertThat(v.ok()).isTrue();
    assertThat(v.reason()).contains("before the compromise started", "trusted account 111122223333");
  }

  @Test
  void check_imageCreatedAfterTheCompromiseStart_isRefused() {
    var v = ImageProvenance.check(image("111122223333", null, START.plusSeconds(60), "available", null), START,
        TRUSTED, NOW);
    assertThat(v.ok()).isFalse();
    assertThat(v.reason()).contains("not before the compromise started", "attacker");
  }

  @Test
  void check_imageCreatedExactlyAtTheCompromiseStart_isRefused() {
    assertThat(ImageProvenance.check(image("111122223333", null, START, "available", null), START, TRUSTED, NOW)
        .ok()).isFalse();
  }

  @Test
  void check_imageOwnedByAnUnknownAccount_isRefused() {
    var v = ImageProvenance.check(image("999988887777", null, START.minusSeconds(60), "available", null), START,
        TRUSTED, NOW);
    assertThat(v.ok()).isFalse();
    assertThat(v.reason()).contains("owned by 999988887777", "not a trusted account [111122223333]");
  }

  @Test
  void check_amazonOwnedImage_isTrustedByAlias() {
    assertThat(ImageProvenance.check(image("137112412989", "amazon", START.minusSeconds(60), "available", null),
        START, TRUSTED, NOW).ok()).isTrue();
  }

  @Test
  void check_marketplaceImage_isNotTrustedByAlias() {
    var v = ImageProvenance.check(image("679593333241", "aws-marketplace", START.minusSeconds(60), "available",
        null), START, TRUSTED, NOW);
    assertThat(v.ok()).isFalse();
    assertThat(v.reason()).contains("(aws-marketplace)");
  }

  @Test
  void check_deprecatedImage_isRefused() {
    var v = ImageProvenance.check(image("111122223333", null, START.minusSeconds(60), "available",
        NOW.minusSeconds(1)), START, TRUSTED, NOW);
    assertThat(v.ok()).isFalse();
    assertThat(v.reason()).contains("deprecated");
  }

  @Test
  void check_imageDeprecatedOnlyInTheFuture_isAccepted() {
    assertThat(ImageProvenance.check(image("111122223333", null, START.minusSeconds(60), "available",
        NOW.plusSeconds(86_400)), START, TRUSTED, NOW).ok()).isTrue();
  }

  @Test
  void check_imageNotAvailable_isRefused() {
    var v = ImageProvenance.check(image("111122223333", null, START.minusSeconds(60), "deregistered", null), START,
        TRUSTED, NOW);
    assertThat(v.ok()).isFalse();
    assertThat(v.reason()).contains("deregistered, not available");
  }
}
