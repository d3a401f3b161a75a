package dev.kumo.sort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSorterTest {
  /** An item sorted by name then number; {@code seq} is not part of the order (to check stability). */
  record Item(String name, @Nullable String note, long number, int seq) {}

  static final Comparator<Item> ORDER = Comparator.comparing(Item::name).thenComparingLong(Item::number);

  static final Codec<Item> CODEC = new Codec<>() {
    @Override
    public void write(Item item, SpillWriter out) throws IOException {
      out.writeString(item.name());
      out.writeString(item.note());
      out.writeLong(item.number());
      out.writeInt(item.seq());
    }

    @Override
    public Item read(SpillReader in) throws IOException {
      return new Item(in.readString(), in.readString(), in.readLong(), in.readInt());
    }

    @Override
    public void writeKey(Item item, SortKey key) {
      key.string(item.name()).longValue(item.number());
    }
  };

  @TempDir
  Path temp;

  private static List<Item> randomItems(int n, long seed) {
    Random r = new Random(seed);
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = "n" + r.nextInt(50) + (r.nextInt(10) == 0 ? "é\u0000" : "");
      items.add(new Item(name, r.nextBoolean() ? null : "x".repeat(r.nextInt(300)), r.nextInt(20) - 10, i));
    }
    return items;
  }

  private static <T> List<T> drain(Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void sorted_withSpills_equalsAStableInMemorySort() throws IOException {
    List<Item> items = randomItems(5_000, 1);
    try (ExternalSorter<Item> sorter = new ExternalSorter<>(CODEC, 700, temp)) {
      items.forEach(sorter::add);
      assertThat(sorter.spilledRuns()).isEqualTo(7);
      List<Item> expected = new ArrayList<>(items);
      expected.sort(ORDER); // stable: equal items keep the order they were added in
      assertThat(drain(sorter.sorted())).containsExactlyElementsOf(expected);
    }
    try (var files = Files.list(temp)) {
      assertThat(files).as("spill files deleted on close").isEmpty();
    }
  }

  @Test
  void sortedAll_mergesSortersInOrder_tiesInListOrder() {
    List<Item> a = randomItems(1_000, 2);
    List<Item> b = randomItems(1_000, 3);
    try (ExternalSorter<Item> x = new ExternalSorter<>(CODEC, 128, temp);
        ExternalSorter<Item> y = new ExternalSorter<>(CODEC, 10_000, temp)) {
      a.forEach(x::add);
      b.forEach(y::add);
      List<Item> expected = new ArrayList<>(a);
      expected.addAll(b);
      expected.sort(ORDER);
      assertThat(drain(ExternalSorter.sortedAll(List.of(x, y)))).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void close_afterReadingOnlyTheFirstItems_stopsTheReadAheadThreads() throws InterruptedException {
    // runs of 5,000 items are several read-ahead batches: their readers wait to hand over the next one
    ExternalSorter<Item> sorter = new ExternalSorter<>(CODEC, 5_000, temp);
    randomItems(20_000, 4).forEach(sorter::add);
    java.util.Set<Thread> before = readers();
    Iterator<Item> it = sorter.sorted();
    it.next();
    java.util.Set<Thread> mine = readers();
    mine.removeAll(before);
    assertThat(mine).hasSizeGreaterThan(1);
    sorter.close();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (mine.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(mine).noneMatch(Thread::isAlive);
  }

  private static java.util.Set<Thread> readers() {
    java.util.Set<Thread> out = new java.util.HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("kumo-sort-read") && t.isAlive()) {
        out.add(t);
      }
    }
    return out;
  }

  @Test
  void sorted_empty_returnsNothing() {
    try (ExternalSorter<Item> sorter = new ExternalSorter<>(CODEC, 10, temp)) {
      assertThat(sorter.sorted().hasNext()).isFalse();
    }
  }
}
