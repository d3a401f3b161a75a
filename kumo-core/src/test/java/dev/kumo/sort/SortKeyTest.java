package dev.kumo.sort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortKeyTest {
  private static int compare(SortKey a, SortKey b) {
    return Integer.signum(Arrays.compareUnsigned(a.array(), 0, a.length(), b.array(), 0, b.length()));
  }

  private static SortKey key() {
    return new SortKey();
  }

  @Test
  void string_ordersAsStringCompareTo_includingPrefixesNulCharsAndSurrogates() {
    List<String> samples = List.of("", "a", "ab", "a\u0000", "a\u0000b", "\u0000", "\u007e", "\u007f", "\u0080",
        "é", "\uffff", "\ud83d\ude00", "\ue000", "Z", "z", "a b", "ab\u0001");
    for (String x : samples) {
      for (String y : samples) {
        assertThat(compare(key().string(x), key().string(y)))
            .as("%s vs %s", x, y).isEqualTo(Integer.signum(x.compareTo(y)));
      }
    }
  }

  @Test
  void string_thenNextField_comparesFieldByField() {
    // a prefix string followed by a large value still sorts before the longer string
    assertThat(compare(key().string("ab").intValue(Integer.MAX_VALUE), key().string("abc").intValue(0)))
        .isNegative();
  }

  @Test
  void numbers_orderAsTheirCompareMethods() {
    Random r = new Random(42);
    long[] longs = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE, r.nextLong(), r.nextLong()};
    for (long x : longs) {
      for (long y : longs) {
        assertThat(compare(key().longValue(x), key().longValue(y))).isEqualTo(Long.compare(x, y));
        assertThat(compare(key().intValue((int) x), key().intValue((int) y)))
            .isEqualTo(Integer.compare((int) x, (int) y));
      }
    }
    double[] doubles = {Double.NEGATIVE_INFINITY, -1.5, -0.0, 0.0, 1e-300, 2.5, Double.POSITIVE_INFINITY, Double.NaN};
    for (double x : doubles) {
      for (double y : doubles) {
        assertThat(compare(key().doubleValue(x), key().doubleValue(y))).as("%s vs %s", x, y)
            .isEqualTo(Integer.signum(Double.compare(x, y)));
      }
    }
  }

  @Test
  void instant_ordersAsInstantCompareTo_beforeAndAfterEpoch() {
    Instant[] ts = {Instant.EPOCH.minusNanos(1), Instant.EPOCH, Instant.EPOCH.plusNanos(1),
        Instant.parse("2024-05-01T10:00:00Z"), Instant.parse("2024-05-01T10:00:00.5Z")};
    for (Instant x : ts) {
      for (Instant y : ts) {
        assertThat(compare(key().instant(x), key().instant(y))).isEqualTo(Integer.signum(x.compareTo(y)));
      }
    }
  }

  @Test
  void nullableString_putsNullFirst() {
    assertThat(compare(key().nullableString(null), key().nullableString(""))).isNegative();
    assertThat(compare(key().nullableString("a"), key().nullableString("b"))).isNegative();
  }
}
