package dev.kumo.net;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Maps IP addresses to the value of the most specific network that contains them (longest prefix
 * match), for IPv4 and IPv6. Built once from CIDR networks into sorted, disjoint intervals, so a
 * lookup is a binary search without allocation. Immutable and thread-safe.
 *
 * @param <V> the value attached to each network
 */
public final class IpRangeMap<V> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Table v4;
  private final Table v6;

  private IpRangeMap(Table v4, Table v6) {
    this.v4 = v4;
    this.v6 = v6;
  }

  /**
   * Builds the map from networks and their values (same order). When networks nest, the longest
   * prefix wins; when the same network appears twice, the later value wins.
   */
  public static <V> IpRangeMap<V> build(List<IpNetwork> networks, List<V> values) {
    if (networks.size() != values.size()) {
      throw new IllegalArgumentException("one value per network expected");
    }
    List<Range> v4 = new ArrayList<>();
    List<Range> v6 = new ArrayList<>();
    for (int i = 0; i < networks.size(); i++) {
      IpNetwork n = networks.get(i);
      (n.address().length == 4 ? v4 : v6).add(Range.of(n, values.get(i), i));
    }
    return new IpRangeMap<>(Table.flatten(v4), Table.flatten(v6));
  }

  /** The value for an address literal, or null when no network contains it or it is no address. */
  public @Nullable V get(@Nullable String address) {
    byte[] a = address == null ? null : IpAddress.parse(address);
    return a == null ? null : get(a);
  }

  /** The value for 4 or 16 address bytes, or null when no network contains the address. */
  @SuppressWarnings("unchecked")
  public @Nullable V get(byte[] address) {
    Table t = address.length == 4 ? v4 : v6;
    return (V) t.find(address.length == 4 ? 0 : toLong(address, 0), address.length == 4 ? toLong(address, 0) >>> 32
        : toLong(address, 8));
  }

  /** Number of disjoint intervals after resolving nesting. */
  public int intervals() {
    return v4.size() + v6.size();
  }

  private static long toLong(byte[] a, int off) {
    long v = 0;
    int end = Math.min(a.length, off + 8);
    for (int i = off; i < end; i++) {
      v = (v << 8) | (a[i] & 0xffL);
    }
    return v << (8 * (off + 8 - end));
  }

  /** An unsigned 128-bit address: IPv4 addresses use only the low 32 bits of {@code lo}. */
  private record U128(long hi, long lo) implements Comparable<U128> {
    static final U128 MAX = new U128(-1L, -1L);

    @Override
    public int compareTo(U128 o) {
      return compare(hi, lo, o.hi, o.lo);
    }

    U128 next() {
      return lo == -1L ? new U128(hi + 1, 0) : new U128(hi, lo + 1);
    }

    U128 previous() {
      return lo == 0 ? new U128(hi - 1, -1L) : new U128(hi, lo - 1);
    }
  }

  private static int compare(long hiA, long loA, long hiB, long loB) {
    int c = Long.compareUnsigned(hiA, hiB);
    return c != 0 ? c : Long.compareUnsigned(loA, loB);
  }

  /** A network as an inclusive range, with its value and input position. */
  private record Range(U128 start, U128 end, int prefix, Object value, int order) {
    static Range of(IpNetwork n, Object value, int order) {
      byte[] a = n.address();
      int p = n.prefix();
      if (a.length == 4) {
        long s = toLong(a, 0) >>> 32;
        return new Range(new U128(0, s), new U128(0, s | (0xffffffffL >>> p)), p, value, order);
      }
      long hi = toLong(a, 0);
      long lo = toLong(a, 8);
      long hostHi = p >= 64 ? 0 : -1L >>> p;
      long hostLo = p >= 128 ? 0 : p <= 64 ? -1L : -1L >>> (p - 64);
      if (p == 0) {
        hostHi = -1L;
      }
      return new Range(new U128(hi, lo), new U128(hi | hostHi, lo | hostLo), p, value, order);
    }
  }

  /** Sorted disjoint intervals as parallel arrays. */
  private static final class Table implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long[] startHi;
    private final long[] startLo;
    private final long[] endHi;
    private final long[] endLo;
    private final Object[] values;

    private Table(List<Range> disjoint) {
      int n = disjoint.size();
      startHi = new long[n];
      startLo = new long[n];
      endHi = new long[n];
      endLo = new long[n];
      values = new Object[n];
      for (int i = 0; i < n; i++) {
        Range r = disjoint.get(i);
        startHi[i] = r.start().hi();
        startLo[i] = r.start().lo();
        endHi[i] = r.end().hi();
        endLo[i] = r.end().lo();
        values[i] = r.value();
      }
    }

    int size() {
      return values.length;
    }

    @Nullable Object find(long hi, long lo) {
      int low = 0;
      int high = values.length - 1;
      int found = -1;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        if (compare(startHi[mid], startLo[mid], hi, lo) <= 0) {
          found = mid;
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      return found >= 0 && compare(hi, lo, endHi[found], endLo[found]) <= 0 ? values[found] : null;
    }

    /**
     * CIDR networks either nest or are disjoint. Sorted by start and then widest first, a sweep with
     * a stack of open networks emits, for each stretch of addresses, the innermost open network.
     */
    static Table flatten(List<Range> ranges) {
      ranges.sort(Comparator.comparing(Range::start).thenComparingInt(Range::prefix).thenComparingInt(Range::order));
      List<Range> out = new ArrayList<>();
      Deque<Range> open = new ArrayDeque<>();
      U128 cursor = null; // first address not yet emitted; null once the top of the space is emitted
      for (Range r : ranges) {
        while (!open.isEmpty() && open.peek().end().compareTo(r.start()) < 0) {
          cursor = emit(out, open.pop(), cursor, null);
        }
        if (!open.isEmpty() && cursor != null && cursor.compareTo(r.start()) < 0) {
          emit(out, open.peek(), cursor, r.start().previous());
        }
        cursor = r.start();
        open.push(r);
      }
      while (!open.isEmpty()) {
        cursor = emit(out, open.pop(), cursor, null);
      }
      return new Table(out);
    }

    /**
     * Emits {@code r} from {@code cursor} to {@code until} (or its end) if that stretch is not empty,
     * and returns the next cursor.
     */
    private static @Nullable U128 emit(List<Range> out, Range r, @Nullable U128 cursor, @Nullable U128 until) {
      U128 end = until == null ? r.end() : until;
      if (cursor != null && cursor.compareTo(end) <= 0) {
        out.add(new Range(cursor, end, r.prefix(), r.value(), r.order()));
      }
      if (until != null) {
        return until.next();
      }
      return end.equals(U128.MAX) ? null : end.next();
    }
  }
}
