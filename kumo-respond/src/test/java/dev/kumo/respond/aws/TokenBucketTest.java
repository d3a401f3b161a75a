package dev.kumo.respond.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private final AtomicLong now = new AtomicLong();
  private final List<Duration> waits = new ArrayList<>();
  private final Sleeper sleeper = d -> {
    waits.add(d);
    now.addAndGet(d.toNanos());
  };

  @Test
  void acquire_withinTheBurst_neverWaits() throws InterruptedException {
    TokenBucket bucket = new TokenBucket(2, 3, now::get, sleeper);
    for (int i = 0; i < 3; i++) {
      bucket.acquire();
    }
    assertThat(waits).isEmpty();
  }

  @Test
  void acquire_beyondTheBurst_waitsForTheRefill() throws InterruptedException {
    TokenBucket bucket = new TokenBucket(2, 1, now::get, sleeper);
    bucket.acquire();
    bucket.acquire();
    bucket.acquire();
    assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
  }

  @Test
  void acquire_afterIdleTime_refillsUpToCapacityOnly() throws InterruptedException {
    TokenBucket bucket = new TokenBucket(10, 2, now::get, sleeper);
    bucket.acquire();
    bucket.acquire();
    now.addAndGet(Duration.ofSeconds(60).toNanos());
    bucket.acquire();
    bucket.acquire();
    bucket.acquire();
    assertThat(waits).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void constructor_refusesANonPositiveRate() {
    assertThatThrownBy(() -> new TokenBucket(0, 1, now::get, sleeper)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(1, 0, now::get, sleeper)).isInstanceOf(IllegalArgumentException.class);
  }
}
