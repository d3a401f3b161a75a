package dev.kumo.intel;

import dev.kumo.net.IpAddress;
import dev.kumo.net.IpNetwork;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The indicators of a run, built once and queried for every value of every event. Addresses and
 * networks sit in one hash table per prefix length (a lookup probes each length in use, longest
 * first: a level-compressed form of the radix tree, at a fraction of its memory), domains in a hash
 * table of names probed for the name and each parent, everything else in one exact-match table per
 * type. Values on a warninglist are dropped when the store is built (counted), and an address on a
 * warninglist never matches a network indicator. Immutable, thread-safe and serializable.
 */
public final class IntelStore implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final IntelStore EMPTY = new Builder().build();

  private final Indicator[] indicators;
  /** For each indicator, the next one with the same key, or -1. */
  private final int[] next;
  private final LongIntTable v4;
  /** Prefix lengths in use for IPv4, longest first. */
  private final int[] v4Prefixes;
  /**
   * One bit per IPv4 /24 block: set when a network of prefix 24 or shorter covers the block
   * ({@code [0]}), or when an address or longer prefix lies in it ({@code [1]}). A lookup probes the
   * tables only for the prefixes whose bit is set, so most addresses cost two bit tests.
   */
  private final long[][] v4Blocks;
  private final Map<String, Integer> v6;
  private final int[] v6Prefixes;
  private final Map<String, Integer> domains;
  private final Map<IndicatorType, Map<String, Integer>> exact;
  private final Warnings warnings;
  private final int suppressed;

  private IntelStore(Builder b, Warnings warnings) {
    this.indicators = b.kept.toArray(Indicator[]::new);
    this.next = new int[indicators.length];
    Arrays.fill(next, -1);
    this.warnings = warnings;
    this.suppressed = b.suppressed;
    LongIntTable v4Table = new LongIntTable(Math.max(16, b.v4Count * 2));
    boolean[] v4Used = new boolean[33];
    long[][] blocks = b.v4Count == 0 ? new long[2][0] : new long[][] {new long[1 << 18], new long[1 << 18]};
    boolean[] v6Used = new boolean[129];
    Map<String, Integer> v6Map = new HashMap<>();
    Map<String, Integer> domainMap = new HashMap<>();
    Map<IndicatorType, Map<String, Integer>> exactMap = new EnumMap<>(IndicatorType.class);
    for (int i = 0; i < indicators.length; i++) {
      Indicator ind = indicators[i];
      switch (ind.type()) {
        case IP -> {
          IpNetwork n = IpNetwork.parse(ind.value());
          byte[] a = n.address();
          if (a.length == 4) {
            v4Used[n.prefix()] = true;
            int ip = toInt(a);
            long key = v4Key(ip, n.prefix());
            next[i] = v4Table.putHead(key, i);
            int first = ip >>> 8;
            if (n.prefix() <= 24) {
              setBits(blocks[0], first, first + (1 << (24 - n.prefix())));
            } else {
              setBits(blocks[1], first, first + 1);
            }
          } else {
            v6Used[n.prefix()] = true;
            next[i] = head(v6Map, v6Key(a, n.prefix()), i);
          }
        }
        case DOMAIN -> next[i] = head(domainMap, ind.value(), i);
        default -> next[i] = head(exactMap.computeIfAbsent(ind.type(), t -> new HashMap<>()), ind.value(), i);
      }
    }
    this.v4 = v4Table;
    this.v4Blocks = blocks;
    this.v4Prefixes = used(v4Used);
    this.v6 = v6Map;
    this.v6Prefixes = used(v6Used);
    this.domains = domainMap;
    this.exact = exactMap;
  }

  /** Sets bits {@code [from, to)}. */
  private static void setBits(long[] bits, int from, int to) {
    for (int i = from; i < to; ) {
      if ((i & 63) == 0 && to - i >= 64) {
        bits[i >>> 6] = -1L;
        i += 64;
      } else {
        bits[i >>> 6] |= 1L << (i & 63);
        i++;
      }
    }
  }

  private static boolean bit(long[] bits, int i) {
    return bits.length > 0 && (bits[i >>> 6] & (1L << (i & 63))) != 0;
  }

  private static int head(Map<String, Integer> m, String key, int i) {
    Integer old = m.put(key, i);
    return old == null ? -1 : old;
  }

  private static int[] used(boolean[] lengths) {
    List<Integer> out = new ArrayList<>();
    for (int p = lengths.length - 1; p >= 0; p--) {
      if (lengths[p]) {
        out.add(p);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A store with no indicators. */
  public static IntelStore empty() {
    return EMPTY;
  }

  /** A builder for a store. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the store holds no indicators (then every query returns at once). */
  public boolean isEmpty() {
    return indicators.length == 0;
  }

  /** Indicators held. */
  public int size() {
    return indicators.length;
  }

  /** Indicators left out because their value is on a warninglist. */
  public int suppressed() {
    return suppressed;
  }

  /** The indicators, in the order they were added. */
  public List<Indicator> indicators() {
    return List.of(indicators);
  }

  /** The warninglists of this store. */
  public List<Warninglist> warninglists() {
    return warnings.lists;
  }

  /** Indicators per feed and type: feed → type id → count (sorted). */
  public Map<String, Map<String, Integer>> counts() {
    Map<String, Map<String, Integer>> out = new TreeMap<>();
    for (Indicator i : indicators) {
      out.computeIfAbsent(i.feed(), f -> new TreeMap<>()).merge(i.type().id(), 1, Integer::sum);
    }
    return out;
  }

  /** Indicators whose end lies before {@code t}. */
  public long expiredAt(Instant t) {
    return Arrays.stream(indicators).filter(i -> !i.validAt(t)).count();
  }

  /**
   * Calls {@code out} with a hit for every address or network indicator containing {@code address}
   * valid at {@code t}; addresses on a warninglist match only indicators of the exact address.
   */
  public void matchIp(@Nullable String address, Instant t, Consumer<IntelHit> out) {
    if (address == null || indicators.length == 0) {
      return;
    }
    if (v4Prefixes.length == 0 && v6Prefixes.length == 0) {
      return;
    }
    byte[] a = IpAddress.parse(address);
    if (a == null) {
      return;
    }
    boolean listed = warnings.listed(a);
    if (a.length == 4) {
      int ip = toInt(a);
      int block = ip >>> 8;
      boolean shortNets = bit(v4Blocks[0], block);
      boolean longNets = bit(v4Blocks[1], block);
      for (int p : v4Prefixes) {
        if ((listed && p < 32) || !(p <= 24 ? shortNets : longNets)) {
          continue;
        }
        emit(v4.get(v4Key(ip, p)), address, t, out);
      }
    } else {
      for (int p : v6Prefixes) {
        if (listed && p < 128) {
          continue;
        }
        Integer h = v6.get(v6Key(mask(a, p), p));
        emit(h == null ? -1 : h, address, t, out);
      }
    }
  }

  /** Calls {@code out} for every domain indicator equal to {@code host} or to one of its parents. */
  public void matchDomain(@Nullable String host, Instant t, Consumer<IntelHit> out) {
    if (host == null || domains.isEmpty() || host.isEmpty()) {
      return;
    }
    String h = lowerNoDot(host);
    int from = 0;
    while (from >= 0 && from < h.length()) {
      Integer head = domains.get(from == 0 ? h : h.substring(from));
      if (head != null) {
        emit(head, host, t, out);
      }
      int dot = h.indexOf('.', from);
      from = dot < 0 ? -1 : dot + 1;
    }
  }

  /** Calls {@code out} for every indicator of {@code type} whose value equals {@code value}. */
  public void matchExact(IndicatorType type, @Nullable String value, Instant t, Consumer<IntelHit> out) {
    if (value == null) {
      return;
    }
    Map<String, Integer> m = exact.get(type);
    if (m == null) {
      return;
    }
    Integer head = m.get(value);
    if (head != null) {
      emit(head, value, t, out);
    }
  }

  /** Whether any indicator of {@code type} is held (lets callers skip building values to look up). */
  public boolean has(IndicatorType type) {
    return switch (type) {
      case IP -> v4Prefixes.length > 0 || v6Prefixes.length > 0;
      case DOMAIN -> !domains.isEmpty();
      default -> exact.containsKey(type);
    };
  }

  /** The cloud provider whose warninglist holds {@code address} ({@code aws}, …), or null. */
  public @Nullable String cloudProvider(@Nullable String address) {
    byte[] a = address == null ? null : IpAddress.parse(address);
    return a == null ? null : warnings.provider(a);
  }

  private void emit(int head, String observed, Instant t, Consumer<IntelHit> out) {
    for (int i = head; i >= 0; i = next[i]) {
      Indicator ind = indicators[i];
      if (ind.validAt(t)) {
        out.accept(IntelHit.of(ind, observed));
      }
    }
  }

  private static String lowerNoDot(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return h.toLowerCase(java.util.Locale.ROOT);
      }
    }
    return h;
  }

  static int toInt(byte[] a) {
    return (a[0] & 0xff) << 24 | (a[1] & 0xff) << 16 | (a[2] & 0xff) << 8 | (a[3] & 0xff);
  }

  static long v4Key(int ip, int prefix) {
    int masked = prefix == 0 ? 0 : ip & (int) (0xffffffffL << (32 - prefix));
    return ((long) prefix << 32) | (masked & 0xffffffffL);
  }

  private static byte[] mask(byte[] a, int prefix) {
    byte[] m = a.clone();
    for (int i = 0; i < m.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      m[i] &= (byte) (0xff << (8 - keep));
    }
    return m;
  }

  private static String v6Key(byte[] masked, int prefix) {
    return IpAddress.format(masked) + "/" + prefix;
  }

  /** Collects indicators and warninglists, then builds the store. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Indicator> byKey = new LinkedHashMap<>();
    private final List<Warninglist> lists = new ArrayList<>();
    private List<Indicator> kept = List.of();
    private int suppressed;
    private int v4Count;

    private Builder() {}

    /**
     * Adds an indicator; the same type, value and feed added again replaces the earlier one (a feed
     * update), so the store holds each once per feed.
     */
    public Builder add(Indicator i) {
      byKey.put(i.type().ordinal() + "\u001f" + i.value() + "\u001f" + i.feed(), i);
      return this;
    }

    public Builder addAll(Collection<Indicator> all) {
      all.forEach(this::add);
      return this;
    }

    /** Removes the indicators with these ids (revoked by their feed). */
    public Builder revoke(Collection<String> ids) {
      if (!ids.isEmpty()) {
        java.util.Set<String> gone = new java.util.HashSet<>(ids);
        byKey.values().removeIf(i -> i.id() != null && gone.contains(i.id()));
      }
      return this;
    }

    public Builder warninglist(Warninglist w) {
      lists.add(w);
      return this;
    }

    /** Adds everything one feed gave. */
    public Builder add(IntelLoad load) {
      addAll(load.indicators());
      revoke(load.revoked());
      load.warninglists().forEach(this::warninglist);
      return this;
    }

    /** The indicator with its lists replaced by equal ones already held (feeds repeat them a lot). */
    private static Indicator shared(Indicator i, Map<List<String>, List<String>> lists) {
      List<String> labels = lists.computeIfAbsent(i.labels(), l -> l);
      List<String> chain = lists.computeIfAbsent(i.killChain(), l -> l);
      List<String> context = lists.computeIfAbsent(i.context(), l -> l);
      return labels == i.labels() && chain == i.killChain() && context == i.context() ? i
          : new Indicator(i.type(), i.value(), i.feed(), i.id(), i.confidence(), i.validFrom(), i.validUntil(), labels,
              chain, context, i.description());
    }

    public IntelStore build() {
      Warnings w = new Warnings(lists);
      List<Indicator> out = new ArrayList<>(byKey.size());
      int dropped = 0;
      int v4 = 0;
      Map<List<String>, List<String>> lists = new HashMap<>();
      for (Indicator i : byKey.values()) {
        if (w.covers(i)) {
          dropped++;
          continue;
        }
        i = shared(i, lists);
        if (i.type() == IndicatorType.IP && i.value().indexOf(':') < 0) {
          v4++;
        }
        out.add(i);
      }
      kept = out;
      suppressed = dropped;
      v4Count = v4;
      return new IntelStore(this, w);
    }
  }

  /** The warninglists, indexed: provider networks, benign domains and exact values. */
  private static final class Warnings implements Serializable {
    private static final long serialVersionUID = 1L;
    private final List<Warninglist> lists;
    private final dev.kumo.net.IpRangeMap<String> networks;
    private final java.util.Set<String> domains = new java.util.HashSet<>();
    private final java.util.Set<String> values = new java.util.HashSet<>();

    Warnings(List<Warninglist> lists) {
      this.lists = List.copyOf(lists);
      List<IpNetwork> nets = new ArrayList<>();
      List<String> owners = new ArrayList<>();
      for (Warninglist l : lists) {
        for (String v : l.values()) {
          switch (l.type()) {
            case IP -> {
              nets.add(IpNetwork.parse(v));
              owners.add(l.cloudProvider());
            }
            case DOMAIN -> domains.add(v);
            default -> values.add(v);
          }
        }
      }
      this.networks = dev.kumo.net.IpRangeMap.build(nets, owners);
    }

    boolean listed(byte[] address) {
      return networks.get(address) != null;
    }

    @Nullable String provider(byte[] address) {
      String p = networks.get(address);
      return p == null || p.isEmpty() ? null : p;
    }

    boolean covers(Indicator i) {
      return switch (i.type()) {
        case IP -> {
          IpNetwork n = IpNetwork.parse(i.value());
          yield n.prefix() == n.address().length * 8 && listed(n.address());
        }
        case DOMAIN -> {
          String d = i.value();
          boolean hit = false;
          for (int from = 0; from >= 0 && !hit; ) {
            hit = domains.contains(from == 0 ? d : d.substring(from));
            int dot = d.indexOf('.', from);
            from = dot < 0 ? -1 : dot + 1;
          }
          yield hit;
        }
        default -> values.contains(i.value());
      };
    }
  }
}
