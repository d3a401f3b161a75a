package dev.kumo.casestore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DictionaryTest {
  private final List<String> stored = new ArrayList<>();

  private int id(Dictionary<String> d, String v) throws Exception {
    return d.id(v, (id, value) -> stored.add(id + "=" + value));
  }

  @Test
  void id_sameValue_returnsSameIdAndStoresItOnce() throws Exception {
    Dictionary<String> d = new Dictionary<>(5, 100);

    int a = id(d, "arn:aws:iam::1:role/a");
    int b = id(d, "arn:aws:iam::1:role/b");

    assertThat(id(d, "arn:aws:iam::1:role/a")).isEqualTo(a).isEqualTo(5);
    assertThat(b).isEqualTo(6);
    assertThat(stored).containsExactly("5=arn:aws:iam::1:role/a", "6=arn:aws:iam::1:role/b");
  }

  @Test
  void id_capacityReached_forgetsAndStoresAgainUnderAFreshId() throws Exception {
    Dictionary<String> d = new Dictionary<>(1, 2);
    id(d, "a");
    id(d, "b");

    int c = id(d, "c");
    int again = id(d, "a");

    assertThat(c).isEqualTo(3);
    assertThat(again).isEqualTo(4);
    assertThat(stored).containsExactly("1=a", "2=b", "3=c", "4=a");
  }

  @Test
  void id_manyThreads_everyIdStoredExactlyOnceWithOneValue() throws Exception {
    Dictionary<String> d = new Dictionary<>(1, 1 << 20);
    Map<Integer, String> byId = new ConcurrentHashMap<>();
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        jobs.add(pool.submit(() -> {
          for (int i = 0; i < 20_000; i++) {
            String v = "v" + (i % 5_000);
            int id = d.id(v, (n, value) -> assertThat(byId.putIfAbsent(n, value)).isNull());
            seen.merge(v, id, (x, y) -> {
              assertThat(y).isEqualTo(x);
              return x;
            });
          }
          return null;
        }));
      }
      for (Future<?> f : jobs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(seen).hasSize(5_000);
    seen.forEach((v, id) -> assertThat(byId.get(id)).isEqualTo(v));
  }
}
